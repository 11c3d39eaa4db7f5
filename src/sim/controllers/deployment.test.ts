import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, ReplicaSet } from '../../model/apps.ts';
import type { Pod } from '../../model/core.ts';
import { deploymentController } from './deployment.ts';
import { replicaSetController } from './replicaset.ts';
import { createKubeletController } from './kubelet.ts';
import { deploymentObject, labContext, settle, testRegistry } from './test-support.ts';
import { fnv32a, safeEncodeString, templateHash } from './workload-meta.ts';

const controllers = [deploymentController, replicaSetController, createKubeletController(testRegistry)];

test('FNV-32a and SafeEncodeString match Go hash/fnv and apimachinery rand', () => {
  const cases = [
    { name: 'empty', input: '', fnv: 0x811c9dc5 },
    { name: 'a', input: 'a', fnv: 0xe40c292c },
    { name: 'foobar', input: 'foobar', fnv: 0xbf9cf968 },
  ];
  for (const c of cases) assert.equal(fnv32a(c.input), c.fnv, c.name);
  // '0'..'9' are code points 48..57; modulo 27 they map to 4 5 6 7 8 9 b c d f.
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  assert.match(templateHash({ spec: { containers: [] } }), /^[4-9bcdf]{1,10}$/);
});

test('howe deployment: ReplicaSet <deploy>-<hash>, 2 pods <rs>-<5> spread over the workers with sequential IPs, READY 2/2', () => {
  const ctx = labContext();
  ctx.store.put(deploymentObject('howe', 'myapp:v1', 2));
  settle(ctx, controllers);
  const rss = ctx.store.list<ReplicaSet>('ReplicaSet');
  assert.equal(rss.length, 1);
  const rs = rss[0]!;
  const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
  assert.equal(rs.metadata.name, `howe-${hash}`);
  assert.equal(rs.spec.selector.matchLabels?.['pod-template-hash'], hash);
  assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'], '3');
  const pods = ctx.store.list<Pod>('Pod');
  assert.equal(pods.length, 2);
  for (const pod of pods) {
    assert.match(pod.metadata.name, new RegExp(`^howe-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    assert.equal(pod.metadata.labels?.['pod-template-hash'], hash);
    assert.equal(pod.metadata.ownerReferences?.[0]?.name, rs.metadata.name);
    assert.equal(pod.status?.phase, 'Running');
  }
  const placement = pods.map((p) => `${p.spec.nodeName} ${p.status?.podIP}`).sort();
  assert.deepEqual(placement, ['k8s-node1 10.244.1.2', 'k8s-node2 10.244.2.2']);
  const deploy = ctx.store.get<Deployment>('Deployment', 'howe', 'default')!;
  assert.deepEqual(
    { replicas: deploy.status?.replicas, ready: deploy.status?.readyReplicas, available: deploy.status?.availableReplicas, updated: deploy.status?.updatedReplicas },
    { replicas: 2, ready: 2, available: 2, updated: 2 },
  );
  // Settled: one more pass changes nothing.
  for (const c of controllers) assert.deepEqual(c.reconcile(ctx), [], c.name);
});

test('rollout: a template change makes a second ReplicaSet (revision 2) and scales the first to 0', () => {
  const ctx = labContext();
  ctx.store.put(deploymentObject('howe', 'myapp:v1', 2));
  settle(ctx, controllers);
  const first = ctx.store.list<ReplicaSet>('ReplicaSet')[0]!;
  const deploy = ctx.store.get<Deployment>('Deployment', 'howe', 'default')!;
  deploy.spec.template.spec.containers[0]!.image = 'myapp:v2';
  deploy.metadata.generation = 2;
  ctx.store.put(deploy);
  settle(ctx, controllers);
  const rss = ctx.store.list<ReplicaSet>('ReplicaSet');
  assert.equal(rss.length, 2);
  const second = rss.find((r) => r.metadata.name !== first.metadata.name)!;
  assert.equal(ctx.store.get<ReplicaSet>('ReplicaSet', first.metadata.name, 'default')!.spec.replicas, 0);
  assert.equal(second.spec.replicas, 2);
  assert.equal(second.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  const pods = ctx.store.list<Pod>('Pod');
  assert.equal(pods.length, 2);
  assert.ok(pods.every((p) => p.metadata.name.startsWith(`${second.metadata.name}-`) && p.spec.containers[0]!.image === 'myapp:v2'));
  assert.equal(ctx.store.get<Deployment>('Deployment', 'howe', 'default')!.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
});

test('scale down deletes the newest pods first; unknown image stays Pending/ErrImagePull and never Ready', () => {
  const ctx = labContext();
  ctx.store.put(deploymentObject('howe', 'myapp:v1', 2));
  settle(ctx, controllers);
  const older = ctx.store.list<Pod>('Pod').map((p) => p.metadata.name);
  ctx.clock.advance(60_000);
  const deploy = ctx.store.get<Deployment>('Deployment', 'howe', 'default')!;
  deploy.spec.replicas = 3;
  ctx.store.put(deploy);
  settle(ctx, controllers);
  const newest = ctx.store.list<Pod>('Pod').find((p) => !older.includes(p.metadata.name))!;
  assert.ok(newest);
  const again = ctx.store.get<Deployment>('Deployment', 'howe', 'default')!;
  again.spec.replicas = 2;
  ctx.store.put(again);
  settle(ctx, controllers);
  assert.deepEqual(ctx.store.list<Pod>('Pod').map((p) => p.metadata.name).sort(), [...older].sort());

  ctx.store.put(deploymentObject('broken', 'myapp:v3', 1));
  settle(ctx, controllers);
  const broken = ctx.store.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('broken-'))!;
  assert.equal(broken.status?.phase, 'Pending');
  const waiting = broken.status?.containerStatuses?.[0]?.state.waiting;
  assert.equal(waiting?.reason, 'ErrImagePull');
  assert.match(waiting?.message ?? '', /failed to pull and unpack image "docker\.io\/library\/myapp:v3": .*not found$/);
  assert.equal(broken.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'False');
  assert.ok(broken.status?.podIP, 'the sandbox still gets an IP');
  assert.equal(ctx.store.get<Deployment>('Deployment', 'broken', 'default')!.status?.readyReplicas, undefined);
});
