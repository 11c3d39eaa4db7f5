/** Building a Pod from a workload's pod template, with the API server's Pod defaults applied. */
import type { KubeObject } from '../../model/meta.ts';
import type { Container, Pod, PodSpec } from '../../model/core.ts';
import type { PodTemplate } from '../../model/apps.ts';
import type { ControllerContext } from './controller.ts';
import { controllerRefTo, randomUid, rfc3339 } from './workload-meta.ts';

/** What a controller decides about a new pod besides the template. */
export interface NewPodOptions {
  name: string;
  generateName: string;
  namespace: string;
  owner: KubeObject;
  extraLabels?: Record<string, string>;
  /** Extra spec fields (a DaemonSet's node affinity and tolerations). */
  extraSpec?: Record<string, unknown>;
}

/** A Pending, unscheduled pod made from `template` and controlled by `owner` (controller.GetPodFromTemplate). */
export function podFromTemplate(ctx: ControllerContext, template: PodTemplate, opts: NewPodOptions): Pod {
  // SRC: kubernetes pkg/controller/controller_utils.go GetPodFromTemplate — labels, annotations and finalizers copied.
  const meta = template.metadata ?? {};
  const spec = { ...defaultPodSpec(structuredClone(template.spec)), ...(opts.extraSpec ?? {}) } as PodSpec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name,
      generateName: opts.generateName,
      namespace: opts.namespace,
      uid: randomUid(ctx.rng),
      creationTimestamp: rfc3339(ctx.clock.now()),
      labels: { ...(meta.labels ?? {}), ...(opts.extraLabels ?? {}) },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [controllerRefTo(opts.owner)],
    },
    spec,
    status: { phase: 'Pending', qosClass: 'BestEffort' } as Pod['status'],
  };
}

/**
 * The Pod defaults the API server fills in (when the template did not already carry them); the admission plugins
 * (service account, priority, default toleration seconds) run when the simulation stores the new pod.
 * SRC: kubernetes pkg/apis/core/v1/defaults.go SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort.
 */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const s = spec as PodSpec & Record<string, unknown>;
  s.restartPolicy ??= 'Always';
  s.dnsPolicy ??= 'ClusterFirst';
  s['schedulerName'] ??= 'default-scheduler';
  s['terminationGracePeriodSeconds'] ??= 30;
  s['securityContext'] ??= {};
  s['enableServiceLinks'] ??= true;
  s.containers = s.containers.map(defaultContainer);
  return s;
}

function defaultContainer(container: Container): Container {
  const c = container as Container & Record<string, unknown>;
  const tag = imageTag(c.image);
  // SRC: defaults.go SetDefaults_Container — `:latest` or no tag pulls Always, else IfNotPresent.
  c['imagePullPolicy'] ??= tag === 'latest' ? 'Always' : 'IfNotPresent';
  c['terminationMessagePath'] ??= '/dev/termination-log';
  c['terminationMessagePolicy'] ??= 'File';
  c['resources'] ??= {};
  if (c.ports) c.ports = c.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
  return c;
}

/** The tag of an image reference ("latest" when none; digests count as a tag). */
export function imageTag(image: string): string {
  if (image.includes('@')) return image.split('@')[1] ?? '';
  const last = image.split('/').pop() ?? image;
  return last.includes(':') ? last.slice(last.indexOf(':') + 1) : 'latest';
}
