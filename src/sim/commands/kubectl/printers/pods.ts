/** The Pod table printer: READY, STATUS and RESTARTS as printPod computes them. */
import type { Pod } from '../../../../model/core.ts';
import { ageOf } from '../../../render/duration.ts';
import { age, field, type TablePrinter } from './printer.ts';

// SRC: kubernetes pkg/printers/internalversion/printers.go printPod, hasPodReadyCondition (v1.31).
// Init containers are not modelled by the lab, so the Init:… states never arise.

/** NAME READY STATUS RESTARTS AGE [IP NODE NOMINATED NODE READINESS GATES]. */
export const podPrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])],
  row(obj, ctx) {
    const pod = obj as Pod;
    const summary = podSummary(pod);
    const restarts = summary.restarts !== 0 && summary.lastRestart !== undefined ? `${summary.restarts} (${ageOf(summary.lastRestart, ctx.now)} ago)` : String(summary.restarts);
    const row = [pod.metadata.name, `${summary.ready}/${pod.spec.containers.length}`, summary.reason, restarts, age(pod, ctx)];
    if (!ctx.wide) return row;
    const nominated = field(pod, 'status', 'nominatedNodeName');
    return [...row, pod.status?.podIPs?.[0]?.ip || '<none>', pod.spec.nodeName || '<none>', typeof nominated === 'string' && nominated !== '' ? nominated : '<none>', readinessGates(pod)];
  },
};

/** The STATUS cell: Terminating, a container's waiting/terminated reason (the first container's wins), else the phase. */
export function podStatus(pod: Pod): string {
  return podSummary(pod).reason;
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: unknown;
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}

// What printPod derives from the container statuses, walked last to first so the first container's reason wins.
function podSummary(pod: Pod): { ready: number; reason: string; restarts: number; lastRestart?: string } {
  // The API server sets phase Pending on create (pkg/registry/core/pod/strategy.go PrepareForCreate).
  const phase = pod.status?.phase ?? 'Pending';
  let reason: string = phase;
  const explicit = field(pod, 'status', 'reason');
  if (typeof explicit === 'string' && explicit !== '') reason = explicit;
  if ((pod.status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && (c as { reason?: string }).reason === 'SchedulingGated')) reason = 'SchedulingGated';
  let ready = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const status = statuses[i]!;
    const state = status.state as ContainerState;
    restarts += status.restartCount;
    const finished = field(status, 'lastState', 'terminated', 'finishedAt');
    if (typeof finished === 'string' && (lastRestart === undefined || Date.parse(finished) > Date.parse(lastRestart))) lastRestart = finished;
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated?.reason) reason = state.terminated.reason;
    else if (state.terminated) reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode ?? 0}`;
    else if (status.ready && state.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp && explicit === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return { ready, reason, restarts, lastRestart };
}

// READINESS GATES: "<true>/<gates>" over spec.readinessGates, `<none>` without gates.
function readinessGates(pod: Pod): string {
  const gates = (field(pod, 'spec', 'readinessGates') as { conditionType: string }[] | undefined) ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}
