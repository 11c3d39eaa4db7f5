import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../model/core.ts';
import { createKubeletController } from './kubelet.ts';
import { labContext, settle } from './test-support.ts';

// A registry with two run-to-completion tools and a server.
const EXITS: Record<string, number> = { 'tool:ok': 0, 'tool:fail': 1 };
const kubelet = createKubeletController((image) => image in EXITS || image === 'myapp:v1', (image) => EXITS[image]);

function pod(name: string, image: string, restartPolicy: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { nodeName: 'k8s-node1', restartPolicy, containers: [{ name: 'main', image }] } as Pod['spec'] };
}

type Terminated = { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string };
type Status = { ready: boolean; started: boolean; restartCount: number; state: { running?: unknown; waiting?: { reason: string; message: string }; terminated?: Terminated }; lastState: { terminated?: Terminated } };

// SRC: kubelet_pods.go getPhase; kuberuntime_container.go (Completed / Error); status/generate.go (PodCompleted / PodFailed) (v1.31).
const CASES = [
  { name: 'OnFailure, exit 0 (a Job pod)', image: 'tool:ok', policy: 'OnFailure', phase: 'Succeeded', terminated: 'Completed', waiting: undefined, restarts: 0, readyReason: 'PodCompleted' },
  { name: 'Never, exit 0', image: 'tool:ok', policy: 'Never', phase: 'Succeeded', terminated: 'Completed', waiting: undefined, restarts: 0, readyReason: 'PodCompleted' },
  { name: 'Never, exit 1', image: 'tool:fail', policy: 'Never', phase: 'Failed', terminated: 'Error', waiting: undefined, restarts: 0, readyReason: 'PodFailed' },
  { name: 'OnFailure, exit 1: restarted', image: 'tool:fail', policy: 'OnFailure', phase: 'Running', terminated: undefined, waiting: 'CrashLoopBackOff', restarts: 1, readyReason: 'ContainersNotReady' },
  { name: 'Always, exit 0: restarted too', image: 'tool:ok', policy: 'Always', phase: 'Running', terminated: undefined, waiting: 'CrashLoopBackOff', restarts: 1, readyReason: 'ContainersNotReady' },
];

for (const c of CASES) {
  test(`run-to-completion container, ${c.name}: ${c.phase}`, () => {
    const ctx = labContext();
    ctx.store.put(pod('job-pod', c.image, c.policy));
    settle(ctx, [kubelet]);
    ctx.clock.advance(60_000);
    settle(ctx, [kubelet]);
    const stored = ctx.store.get<Pod>('Pod', 'job-pod', 'default')!;
    const status = stored.status!.containerStatuses![0] as unknown as Status;
    assert.equal(stored.status?.phase, c.phase);
    assert.equal(status.ready, false);
    assert.equal(status.started, false);
    assert.equal(status.restartCount, c.restarts);
    assert.equal(status.state.terminated?.reason, c.terminated);
    assert.equal(status.state.waiting?.reason, c.waiting);
    const exited = status.state.terminated ?? status.lastState.terminated!;
    assert.equal(exited.exitCode, EXITS[c.image]);
    assert.equal(exited.startedAt, '2024-09-06T06:24:57Z', 'the times of the one run are kept as the clock moves');
    assert.equal(exited.finishedAt, exited.startedAt);
    if (c.waiting) assert.equal(status.state.waiting?.message, 'back-off 10s restarting failed container=main pod=job-pod_default(uid-job-pod)');
    const conditions = stored.status!.conditions! as unknown as { type: string; status: string; reason?: string; message?: string }[];
    const ready = conditions.find((x) => x.type === 'Ready')!;
    assert.equal(ready.reason, c.readyReason);
    assert.equal(ready.message, c.readyReason === 'ContainersNotReady' ? 'containers with unready status: [main]' : undefined, 'terminal pods carry no message');
    const sandbox = conditions.find((x) => x.type === 'PodReadyToStartContainers')!;
    assert.equal(sandbox.status, c.phase === 'Succeeded' || c.phase === 'Failed' ? 'False' : 'True', 'a terminal pod has no sandbox left');
  });
}

test('a server image (no exit code) still runs: Running, ready, no terminated state', () => {
  const ctx = labContext();
  ctx.store.put(pod('web', 'myapp:v1', 'Always'));
  settle(ctx, [kubelet]);
  const stored = ctx.store.get<Pod>('Pod', 'web', 'default')!;
  const status = stored.status!.containerStatuses![0] as unknown as Status;
  assert.equal(stored.status?.phase, 'Running');
  assert.equal(status.ready, true);
  assert.ok(status.state.running);
});
