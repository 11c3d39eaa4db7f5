/**
 * Run-to-completion containers: the status of a container whose process exited, the pod phase the
 * kubelet derives from its containers, and the conditions of a pod that reached a terminal phase.
 * SRC: kubernetes pkg/kubelet/kubelet_pods.go getPhase, pkg/kubelet/kuberuntime/kuberuntime_container.go
 * (terminated state, reason Completed/Error), pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff
 * (CrashLoopBackOff message), pkg/kubelet/status/generate.go GenerateContainersReadyCondition (v1.31).
 * Simplification: a container that is restarted stays at restartCount 1 in CrashLoopBackOff (the later
 * restarts at 10 s, 20 s, 40 s… are not modelled).
 */
import type { ContainerStatus, Pod } from '../../model/core.ts';

/** A container state with the terminated variant the kubelet reports. */
export interface TerminatedState { containerID: string; exitCode: number; reason: string; startedAt: string; finishedAt: string }

/** What the kubelet knows of an exited container. */
export interface ExitedContainer {
  name: string;
  image: string;
  imageID: string;
  containerID: string;
  exitCode: number;
  now: string;
  pod: Pod;
  previous: ContainerStatus | undefined;
}

type Status = ContainerStatus & { imageID: string; containerID?: string; started: boolean; lastState: Record<string, unknown>; state: ContainerStatus['state'] & { terminated?: TerminatedState } };

/** Does the restart policy restart a container that exited with `exitCode`? (Always: yes; OnFailure: non-zero; Never: no.) */
export function restarts(restartPolicy: string | undefined, exitCode: number): boolean {
  return restartPolicy === 'Always' || restartPolicy === undefined || (restartPolicy === 'OnFailure' && exitCode !== 0);
}

/** Terminated (Completed / Error) when the policy leaves it; else waiting in CrashLoopBackOff after one restart. */
export function exitedContainerStatus(c: ExitedContainer): Status {
  const old = c.previous as Status | undefined;
  const terminated: TerminatedState = old?.state.terminated ?? (old?.lastState['terminated'] as TerminatedState | undefined) ?? {
    containerID: c.containerID, exitCode: c.exitCode, reason: c.exitCode === 0 ? 'Completed' : 'Error', startedAt: c.now, finishedAt: c.now,
  };
  const base = { name: c.name, image: c.image, imageID: c.imageID, containerID: terminated.containerID, ready: false, started: false };
  if (!restarts(c.pod.spec.restartPolicy, c.exitCode)) return { ...base, restartCount: 0, state: { terminated }, lastState: {} };
  const pod = `${c.pod.metadata.name}_${c.pod.metadata.namespace ?? 'default'}(${c.pod.metadata.uid ?? ''})`;
  const waiting = { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=${c.name} pod=${pod}` };
  return { ...base, restartCount: 1, state: { waiting }, lastState: { terminated } };
}

/** getPhase: Pending while a container waits for its first start; terminal once every container stopped and none restarts. */
export function podPhase(restartPolicy: string | undefined, statuses: readonly ContainerStatus[]): NonNullable<Pod['status']>['phase'] {
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const s of statuses as Status[]) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState['terminated']) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (restartPolicy === 'Always' || restartPolicy === undefined) return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return restartPolicy === 'Never' ? 'Failed' : 'Running';
}

/** The reason of Ready/ContainersReady once the pod is terminal (generateContainersReadyConditionForTerminalPhase). */
export function terminalReason(phase: string | undefined): string | undefined {
  return phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
}
