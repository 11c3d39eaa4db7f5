import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from '../../model/batch.ts';
import type { Pod } from '../../model/core.ts';
import { createKubeletController } from './kubelet.ts';
import { JOB_TRACKING_FINALIZER, jobController } from './job.ts';
import { labContext, settle } from './test-support.ts';

const EXITS: Record<string, number> = { 'tool:ok': 0, 'tool:fail': 1 };
const controllers = [jobController, createKubeletController((image) => image in EXITS || image === 'myapp:v1', (image) => EXITS[image])];

// A Job as the API server stores it: defaults and the generated selector/labels (strategy.go generateSelector).
function job(name: string, image: string, spec: Partial<Job['spec']> = {}, restartPolicy = 'OnFailure'): Job {
  const uid = `uid-job-${name}`;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', uid, generation: 1 },
    spec: { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels }, spec: { restartPolicy, containers: [{ name: 'main', image }] } as Job['spec']['template']['spec'] }, ...spec },
  };
}

type Finalized = Pod['metadata'] & { finalizers?: string[] };

// SRC: job_controller.go syncJob/manageJob, backoff_utils.go (v1.31); expected statuses as `kubectl get job -o yaml` shows them.
const CASES: { name: string; job: Job; advanceMs: number[]; pods: number; phases: string[]; status: Record<string, unknown>; conditions: string[] }[] = [
  { name: 'one completion', job: job('pi', 'tool:ok'), advanceMs: [], pods: 1, phases: ['Succeeded'],
    status: { succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, active: undefined, failed: undefined }, conditions: ['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached'] },
  { name: 'three completions, two at a time', job: job('batch', 'tool:ok', { completions: 3, parallelism: 2 }), advanceMs: [], pods: 3, phases: ['Succeeded', 'Succeeded', 'Succeeded'],
    status: { succeeded: 3, ready: 0, active: undefined }, conditions: ['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached'] },
  { name: 'failing pods: the second waits out the 10 s back-off, then backoffLimit 1 is exceeded', job: job('flaky', 'tool:fail', { backoffLimit: 1 }, 'Never'), advanceMs: [5_000, 5_000, 60_000], pods: 2, phases: ['Failed', 'Failed'],
    status: { failed: 2, succeeded: undefined, active: undefined, ready: 0 }, conditions: ['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded'] },
  { name: 'a server image keeps the pod active and ready', job: job('server', 'myapp:v1'), advanceMs: [], pods: 1, phases: ['Running'],
    status: { active: 1, ready: 1, succeeded: undefined }, conditions: [] },
  { name: 'suspended: no pods, no startTime', job: job('held', 'tool:ok', { suspend: true }), advanceMs: [], pods: 0, phases: [],
    status: { active: undefined, startTime: undefined, ready: 0 }, conditions: ['Suspended=True JobSuspended'] },
];

for (const c of CASES) {
  test(`Job controller: ${c.name}`, () => {
    const ctx = labContext();
    ctx.store.put(c.job);
    settle(ctx, controllers);
    const podCounts = [ctx.store.list<Pod>('Pod').length];
    for (const ms of c.advanceMs) {
      ctx.clock.advance(ms);
      settle(ctx, controllers);
      podCounts.push(ctx.store.list<Pod>('Pod').length);
    }
    const pods = ctx.store.list<Pod>('Pod', 'default');
    assert.equal(pods.length, c.pods, `pods created (counts over time: ${podCounts.join(',')})`);
    if (c.name.startsWith('failing')) assert.deepEqual(podCounts, [1, 1, 2, 2], 'no replacement before 10 s, none after the limit');
    assert.deepEqual(pods.map((p) => p.status?.phase).sort(), [...c.phases].sort());
    const uid = c.job.metadata.uid!;
    for (const p of pods) {
      assert.match(p.metadata.name, new RegExp(`^${c.job.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`), 'name <job>-<5 chars>');
      assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-name'], c.job.metadata.name);
      assert.equal(p.metadata.labels?.['controller-uid'], uid);
      assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: c.job.metadata.name, uid, controller: true, blockOwnerDeletion: true }]);
      const finished = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
      assert.deepEqual((p.metadata as Finalized).finalizers, finished ? undefined : [JOB_TRACKING_FINALIZER], 'the tracking finalizer goes once the pod is counted');
    }
    const status = ctx.store.get<Job>('Job', c.job.metadata.name, 'default')!.status as Record<string, unknown>;
    for (const [key, value] of Object.entries(c.status)) assert.deepEqual(status[key], value, `status.${key}`);
    const conditions = (status['conditions'] as { type: string; status: string; reason: string }[] | undefined) ?? [];
    assert.deepEqual(conditions.map((x) => `${x.type}=${x.status} ${x.reason}`), c.conditions);
    const complete = c.conditions.includes('Complete=True CompletionsReached');
    assert.equal(status['completionTime'] !== undefined, complete, 'completionTime only on success');
    if (complete) assert.equal(status['startTime'], '2024-09-06T06:24:57Z');
  });
}
