import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../model/core.ts';
import { createKubeletController } from './kubelet.ts';
import { labContext, settle, testRegistry } from './test-support.ts';

const kubelet = createKubeletController(testRegistry);

function barePod(name: string, image: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { nodeName: 'k8s-node1', containers: [{ name: 'app', image }] } };
}

// SRC: kubernetes pkg/kubelet/images/image_manager.go EnsureImageExists (ErrImagePull, then ErrImagePullBackOff
// with "Back-off pulling image %q" while backing off from 10s) (v1.31).
const PULL_CASES: { name: string; afterMs: number; reason: string; message: RegExp }[] = [
  { name: 'right after the failed pull', afterMs: 0, reason: 'ErrImagePull', message: /^rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/library\/nginx:bad"/ },
  { name: 'still within the first back-off', afterMs: 9_000, reason: 'ErrImagePull', message: /not found$/ },
  { name: 'once the back-off has started', afterMs: 10_000, reason: 'ImagePullBackOff', message: /^Back-off pulling image "nginx:bad"$/ },
  { name: 'minutes later', afterMs: 300_000, reason: 'ImagePullBackOff', message: /^Back-off pulling image "nginx:bad"$/ },
];

for (const c of PULL_CASES) {
  test(`image pull failure ${c.name}: ${c.reason}, never ready, no restarts`, () => {
    const ctx = labContext();
    ctx.store.put(barePod('bad', 'nginx:bad'));
    settle(ctx, [kubelet]);
    ctx.clock.advance(c.afterMs);
    settle(ctx, [kubelet]);
    const pod = ctx.store.get<Pod>('Pod', 'bad', 'default')!;
    const status = pod.status!.containerStatuses![0]!;
    assert.equal(status.state.waiting?.reason, c.reason);
    assert.match(status.state.waiting?.message ?? '', c.message);
    assert.equal(status.ready, false);
    assert.equal(status.restartCount, 0);
    assert.equal(status.image, 'nginx:bad', 'a waiting container reports the spec image');
    assert.equal(pod.status?.phase, 'Pending');
  });
}

test('pod conditions: kubelet order, Ready/ContainersReady False for a failed pull, transition times kept while unchanged', () => {
  const ctx = labContext();
  ctx.store.put(barePod('bad', 'nginx:bad'));
  settle(ctx, [kubelet]);
  const first = ctx.store.get<Pod>('Pod', 'bad', 'default')!.status!.conditions! as unknown as (Record<string, unknown> & { type: string })[];
  assert.deepEqual(first.map((c) => `${c.type}=${c.status}`), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=False', 'ContainersReady=False', 'PodScheduled=True']);
  const ready = first.find((c) => c.type === 'Ready')!;
  assert.equal(ready['reason'], 'ContainersNotReady');
  assert.equal(ready['message'], 'containers with unready status: [app]');
  ctx.clock.advance(60_000);
  settle(ctx, [kubelet]);
  const later = ctx.store.get<Pod>('Pod', 'bad', 'default')!.status!.conditions! as unknown as Record<string, unknown>[];
  assert.deepEqual(later.map((c) => c['lastTransitionTime']), first.map((c) => c['lastTransitionTime']));
});
