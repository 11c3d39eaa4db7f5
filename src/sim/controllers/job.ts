/**
 * The Job controller (NonIndexed Jobs): keeps `min(parallelism, completions - succeeded)` pods
 * (`<job>-<5 chars>`, the template's job-name/controller-uid labels, a controller reference and the
 * batch.kubernetes.io/job-tracking finalizer) until enough succeeded, counts each finished pod once by
 * removing its finalizer, and reports status: startTime, active/ready/succeeded/failed, then
 * SuccessCriteriaMet + Complete (CompletionsReached) with completionTime, or FailureTarget + Failed once
 * failures exceed backoffLimit. A failed pod is replaced after the back-off (10 s, doubling, at most 6 min).
 * SRC: kubernetes pkg/controller/job/job_controller.go syncJob/manageJob/trackJobStatusAndRemoveFinalizers,
 * pkg/controller/job/backoff_utils.go (v1.31).
 * Simplifications: finished pods are counted in one step (uncountedTerminatedPods stays empty);
 * Indexed completion mode, podFailurePolicy, successPolicy and activeDeadlineSeconds are not modelled.
 */
import type { Job, JobCondition, JobStatus } from '../../model/batch.ts';
import type { Pod } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { podFromTemplate } from './pod-template.ts';
import { carryConditionTimes, generateName, isControlledBy, isPodActive, isPodReady, normalized, rfc3339, sameObject } from './workload-meta.ts';

/** The finalizer the controller puts on its pods until it has counted them. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

// SRC: job_controller.go DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff.
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 360_000;

/** Job → pods until `completions` succeeded, and Job status. */
export const jobController: Controller = {
  name: 'job',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    for (const job of ctx.store.list<Job>('Job')) if (!job.metadata.deletionTimestamp) changes.push(...syncJob(ctx, job));
    return changes;
  },
};

type PodMeta = Pod['metadata'] & { finalizers?: string[] };

function syncJob(ctx: ControllerContext, job: Job): Change[] {
  const changes: Change[] = [];
  const ns = job.metadata.namespace ?? 'default';
  const now = rfc3339(ctx.clock.now());
  const previous = job.status ?? {};
  const pods = ctx.store.list<Pod>('Pod', ns).filter((p) => isControlledBy(p, job));
  let succeeded = previous.succeeded ?? 0;
  let failed = previous.failed ?? 0;
  for (const pod of pods) {
    const meta = pod.metadata as PodMeta;
    const phase = pod.status?.phase;
    if ((phase !== 'Succeeded' && phase !== 'Failed') || !meta.finalizers?.includes(JOB_TRACKING_FINALIZER)) continue;
    if (phase === 'Succeeded') succeeded++;
    else failed++;
    const released = structuredClone(pod);
    const finalizers = meta.finalizers.filter((f) => f !== JOB_TRACKING_FINALIZER);
    if (finalizers.length) (released.metadata as PodMeta).finalizers = finalizers;
    else delete (released.metadata as PodMeta).finalizers;
    changes.push({ op: 'put', object: released });
  }
  const active = pods.filter(isPodActive);
  const finished = (previous.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const status: JobStatus = { conditions: [...(previous.conditions ?? [])] };
  const suspended = job.spec.suspend === true;
  if (previous.startTime) status.startTime = previous.startTime;
  else if (!suspended && !finished) status.startTime = now;
  if (previous.completionTime) status.completionTime = previous.completionTime;

  if (!finished) {
    const completions = job.spec.completions;
    const parallelism = job.spec.parallelism ?? 1;
    // Without completions the Job is a work queue: it completes once a pod succeeded and none is left running.
    const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
    if (complete) {
      status.conditions = [...status.conditions!, condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', now), condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', now)];
      status.completionTime = now;
      for (const pod of active) changes.push(deletePod(pod));
    } else if (failed > (job.spec.backoffLimit ?? 6)) {
      status.conditions = [...status.conditions!, condition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now), condition('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now)];
      for (const pod of active) changes.push(deletePod(pod));
    } else if (suspended) {
      status.conditions = carryConditionTimes(previous.conditions, [condition('Suspended', 'JobSuspended', 'Job suspended', now)]);
      for (const pod of active) changes.push(deletePod(pod));
    } else {
      if (status.conditions!.some((c) => c.type === 'Suspended' && c.status === 'True')) {
        status.conditions = status.conditions!.map((c) => (c.type === 'Suspended' ? { ...condition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' } : c));
      }
      const wanted = completions !== undefined ? Math.min(parallelism, completions - succeeded) : succeeded > 0 ? 0 : parallelism;
      const missing = wanted - active.length;
      if (missing > 0 && backoffOver(ctx, pods, failed)) changes.push(...createPods(ctx, job, ns, missing));
      for (const extra of active.slice(Math.max(wanted, 0))) changes.push(deletePod(extra));
    }
  }
  const running = finished ? [] : active.filter((p) => !changes.some((c) => c.op === 'delete' && c.ref.name === p.metadata.name));
  // JobStatus field order; active/succeeded/failed are omitempty, ready and terminating are always reported.
  const next: JobStatus = {};
  if (status.conditions!.length) next.conditions = status.conditions!;
  if (status.startTime) next.startTime = status.startTime;
  if (status.completionTime) next.completionTime = status.completionTime;
  if (running.length) next.active = running.length;
  if (succeeded) next.succeeded = succeeded;
  if (failed) next.failed = failed;
  next.terminating = 0;
  next.uncountedTerminatedPods = {};
  next.ready = running.filter(isPodReady).length;
  const updated = { ...structuredClone(job), status: next } as Job;
  if (!sameObject(job, updated)) changes.push({ op: 'put', object: normalized(updated) });
  return changes;
}

function condition(type: string, reason: string, message: string, now: string): JobCondition {
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message };
}

// SRC: backoff_utils.go getRemainingTime — 10 s × 2^(failures-1) after the last failure, capped at 6 min.
function backoffOver(ctx: ControllerContext, pods: readonly Pod[], failed: number): boolean {
  if (failed === 0) return true;
  const finishedAt = pods
    .filter((p) => p.status?.phase === 'Failed')
    .flatMap((p) => (p.status?.containerStatuses ?? []).map((s) => (s.state as { terminated?: { finishedAt?: string } }).terminated?.finishedAt))
    .filter((t): t is string => t !== undefined)
    .map((t) => Date.parse(t));
  if (finishedAt.length === 0) return true;
  const delay = Math.min(BACKOFF_MS * 2 ** (failed - 1), MAX_BACKOFF_MS);
  return ctx.clock.now().getTime() >= Math.max(...finishedAt) + delay;
}

function createPods(ctx: ControllerContext, job: Job, ns: string, count: number): Change[] {
  const taken = new Set(ctx.store.list<Pod>('Pod', ns).map((p) => p.metadata.name));
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const name = generateName(`${job.metadata.name}-`, taken, ctx.rng);
    taken.add(name);
    const pod = podFromTemplate(ctx, job.spec.template, { name, generateName: `${job.metadata.name}-`, namespace: ns, owner: job });
    (pod.metadata as PodMeta).finalizers = [JOB_TRACKING_FINALIZER];
    changes.push({ op: 'put', object: pod });
  }
  return changes;
}

function deletePod(pod: Pod): Change {
  return { op: 'delete', ref: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace } };
}
