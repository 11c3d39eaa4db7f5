/**
 * The mutating admission plugins a kubeadm v1.31 API server runs on a Pod CREATE, in their order (SRC: kubernetes
 * plugin/pkg/admission/serviceaccount/admission.go, priority/admission.go, defaulttolerationseconds/admission.go).
 * What `kubectl get pod -o yaml` then shows: serviceAccountName/serviceAccount `default`, priority 0 with
 * preemptionPolicy PreemptLowerPriority, and NoExecute tolerations for not-ready/unreachable nodes for 300 s.
 * Not modelled: the projected `kube-api-access-<random>` volume and its mounts (the controllers' pods lack it too),
 * and the refusal when the ServiceAccount does not exist.
 */
import type { KubeObject } from '../../model/meta.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOLERATED_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** Applies the admission mutations to a Pod about to be created, in place. */
export function admitPod(pod: KubeObject): void {
  const spec = pod.spec;
  if (!isObject(spec)) return;
  // ServiceAccount admission: the default account; the v1 object also mirrors it into the deprecated field.
  if (!spec.serviceAccountName) spec.serviceAccountName = typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default';
  spec.serviceAccount = spec.serviceAccountName;
  // Priority admission: no priorityClassName and no global default class → priority 0.
  if (!spec.priorityClassName) {
    spec.priority ??= 0;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
  // DefaultTolerationSeconds: unless a NoExecute (or any-effect) toleration for the key, or for every key, exists.
  const tolerations = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
  for (const key of TOLERATED_TAINTS) {
    const covered = tolerations.some((t) => isObject(t) && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
    if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}
