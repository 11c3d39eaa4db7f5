/**
 * The mutating admission plugins a kubeadm v1.31 API server runs on a Pod CREATE, in their order (SRC: kubernetes
 * pkg/kubeapiserver/options/plugins.go AllOrderedPlugins; plugin/pkg/admission/serviceaccount/admission.go,
 * priority/admission.go, defaulttolerationseconds/admission.go). Pods the controllers create pass here too
 * (simulation.ts). What `kubectl get pod -o yaml` then shows: serviceAccountName/serviceAccount `default` and the
 * projected kube-api-access volume (serviceaccount-admission.ts), the priority of the pod's class (0 without one)
 * with preemptionPolicy PreemptLowerPriority, and NoExecute tolerations for not-ready/unreachable nodes for 300 s.
 */
import type { KubeObject } from '../../model/meta.ts';
import type { ApiStatus } from './types.ts';
import { admitServiceAccount, type AdmissionReads } from './serviceaccount-admission.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOLERATED_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

// SRC: pkg/apis/scheduling/types.go SystemCriticalPriority (2e9) and the two system classes the API server creates
// (pkg/registry/scheduling/rest/storage_scheduling.go). User PriorityClasses are not modelled.
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/** Applies the admission mutations to a Pod about to be created, in place; a Forbidden status refuses it. */
export function admitPod(pod: KubeObject, reads: AdmissionReads): ApiStatus | undefined {
  const spec = pod.spec;
  if (!isObject(spec)) return undefined;
  const refused = admitServiceAccount(pod, reads);
  if (refused) return refused;
  // Priority admission: no class and no global default class → 0; a system class → its value.
  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  const classValue = className ? SYSTEM_PRIORITY_CLASSES[className] : 0;
  if (classValue !== undefined) {
    spec.priority ??= classValue;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
  // DefaultTolerationSeconds: unless a NoExecute (or any-effect) toleration for the key, or for every key, exists.
  const tolerations = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
  for (const key of TOLERATED_TAINTS) {
    const covered = tolerations.some((t) => isObject(t) && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
    if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  return undefined;
}

/** An object a controller creates, as the API server stores it: Pods pass admission; undefined when refused. */
export function admitControllerCreate(obj: KubeObject, reads: AdmissionReads): KubeObject | undefined {
  if (obj.kind !== 'Pod') return obj;
  const pod = structuredClone(obj);
  return admitPod(pod, reads) ? undefined : pod;
}
