/** The pod status the kubelet reports once a pod is bound: IPs, conditions and container states. */
import { createHash } from 'node:crypto';
import type { Condition, ContainerStatus, Pod } from '../../model/core.ts';
import type { ControllerContext } from './controller.ts';
import { carryConditionTimes } from './workload-meta.ts';
import { exitedContainerStatus, podPhase, terminalReason } from './kubelet-exit.ts';

/** What the kubelet knows when it writes a pod's status. */
export interface StatusInput {
  nodeIP: string;
  podIP: string | undefined;
  now: string;
  registry: (image: string) => boolean;
  /** The code a run-to-completion image's process exits with (undefined: it keeps running). */
  exitCode?: (image: string) => number | undefined;
}

/**
 * Running + Ready when every container's image can be pulled; otherwise Pending with the
 * failing containers waiting in ErrImagePull, then ImagePullBackOff once the clock passes the
 * first pull back-off (counted from the pod's startTime).
 * SRC: kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer, pkg/kubelet/images/image_manager.go
 * EnsureImageExists, pkg/kubelet/status/generate.go GeneratePodReadyCondition (v1.31).
 */
export function podStatus(ctx: ControllerContext, pod: Pod, input: StatusInput): Pod['status'] {
  const previous = pod.status ?? {};
  const oldStatuses = previous.containerStatuses ?? [];
  const startTime = previous.startTime ?? input.now;
  const statuses = pod.spec.containers.map((c) => containerStatus(ctx, pod, c.name, c.image, { ...input, startTime }, oldStatuses.find((s) => s.name === c.name)));
  const phase = podPhase(pod.spec.restartPolicy, statuses);
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const allReady = unready.length === 0;
  // A terminal pod's containers are not ready "because the pod completed/failed", without a message.
  const terminal = terminalReason(phase);
  const notReady: Record<string, string> = terminal ? { reason: terminal } : { reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  const cond = (type: string, ok: boolean, whyNot: Record<string, string> = notReady): Condition =>
    ({ type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: input.now, ...(ok ? {} : whyNot) }) as Condition;
  // Condition order as a v1.31 kubelet writes it (PodReadyToStartContainers is on by default since 1.29);
  // a terminal pod's sandbox is torn down, so it is no longer ready to start containers.
  const conditions = carryConditionTimes(previous.conditions, [
    cond('PodReadyToStartContainers', !terminal, {}),
    cond('Initialized', true),
    cond('Ready', allReady),
    cond('ContainersReady', allReady),
    cond('PodScheduled', true),
  ]);
  const status: Record<string, unknown> = {
    phase,
    conditions,
    hostIP: input.nodeIP,
    hostIPs: [{ ip: input.nodeIP }],
    ...(input.podIP ? { podIP: input.podIP, podIPs: [{ ip: input.podIP }] } : {}),
    startTime,
    containerStatuses: statuses,
    qosClass: 'BestEffort',
  };
  return status as Pod['status'];
}

/** The kubelet's initial image pull back-off (backOffPeriod); the first failed pull shows ErrImagePull this long. */
export const IMAGE_BACKOFF_MS = 10_000;

function containerStatus(ctx: ControllerContext, pod: Pod, name: string, image: string, input: StatusInput & { startTime: string }, old: ContainerStatus | undefined): ContainerStatus {
  const ref = fullImageReference(image);
  if (!input.registry(image)) {
    const waiting = Date.parse(input.now) - Date.parse(input.startTime) < IMAGE_BACKOFF_MS
      // SRC: containerd pkg/cri/server/image_pull.go + kubelet images/image_manager.go evalCRIPullErr: the CRI error text is the message.
      ? { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found` }
      // SRC: kubelet images/image_manager.go EnsureImageExists — while the pull is backing off (10s, doubling to 300s),
      // the sync returns ErrImagePullBackOff with this message. Kubelab keeps ImagePullBackOff after the first
      // 10s; the brief ErrImagePull of each later retry (at +10s, +30s, +70s…) is not modelled.
      : { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
    return { name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting }, lastState: {} } as ContainerStatus;
  }
  const previous = old as (ContainerStatus & { containerID?: string }) | undefined;
  const containerID = previous?.containerID ?? `containerd://${hex(ctx, 64)}`;
  const startedAt = previous?.state.running?.startedAt ?? input.now;
  const repo = ref.replace(/:[^:/@]+$/, '');
  // The digest is derived from the reference (stable per image), not a real registry digest.
  const imageID = `${repo}@sha256:${createHash('sha256').update(ref).digest('hex')}`;
  const exitCode = input.exitCode?.(image);
  if (exitCode !== undefined) return exitedContainerStatus({ name, image: ref, imageID, containerID, exitCode, now: input.now, pod, previous: old });
  return { name, image: ref, imageID, containerID, ready: true, restartCount: 0, started: true, state: { running: { startedAt } }, lastState: {} } as ContainerStatus;
}

/** The reference containerd reports: docker.io and library/ filled in, `:latest` when untagged. */
export function fullImageReference(image: string): string {
  const parts = image.split('/');
  const hasRegistry = parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost');
  let ref = hasRegistry ? image : parts.length === 1 ? `docker.io/library/${image}` : `docker.io/${image}`;
  const last = ref.split('/').pop() ?? '';
  if (!last.includes(':') && !ref.includes('@')) ref += ':latest';
  return ref;
}

function hex(ctx: ControllerContext, n: number): string {
  return Array.from({ length: n }, () => ctx.rng.below(16).toString(16)).join('');
}
