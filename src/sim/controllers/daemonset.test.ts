import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../model/meta.ts';
import type { Node, Pod } from '../../model/core.ts';
import { daemonSetController } from './daemonset.ts';
import { createKubeletController } from './kubelet.ts';
import { labContext, labNode, settle, testRegistry } from './test-support.ts';

const controllers = [daemonSetController, createKubeletController(testRegistry)];

function daemonSet(name: string, tolerations: unknown[]): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', uid: `uid-ds-${name}`, generation: 1 },
    spec: { selector: { matchLabels: { 'k8s-app': name } }, template: { metadata: { labels: { 'k8s-app': name } }, spec: { hostNetwork: true, tolerations, containers: [{ name, image: 'registry.k8s.io/kube-proxy:v1.31.0' }] } } },
  };
}

const cases = [
  { name: 'tolerates everything (kube-proxy): one pod per node incl. the tainted master', tolerations: [{ operator: 'Exists' }], nodes: ['k8s-master', 'k8s-node1', 'k8s-node2'] },
  { name: 'no toleration: the control-plane NoSchedule taint keeps it off the master', tolerations: [], nodes: ['k8s-node1', 'k8s-node2'] },
];

for (const c of cases) {
  test(`daemonset: ${c.name}`, () => {
    const ctx = labContext();
    ctx.store.put(daemonSet('kube-proxy', c.tolerations));
    settle(ctx, controllers);
    const pods = ctx.store.list<Pod>('Pod');
    assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), c.nodes);
    for (const p of pods) {
      assert.match(p.metadata.name, /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.equal(p.status?.podIP, ctx.topology.nodes.find((n) => n.name === p.spec.nodeName)!.ip, 'hostNetwork pod IP = node IP');
    }
    const ds = ctx.store.get('DaemonSet', 'kube-proxy', 'kube-system') as KubeObject & { status: Record<string, number> };
    assert.equal(ds.status['desiredNumberScheduled'], c.nodes.length);
    assert.equal(ds.status['numberReady'], c.nodes.length);
  });
}

test('daemonset: a deleted pod is replaced under a new name; a new node gets a pod', () => {
  const ctx = labContext();
  ctx.store.put(daemonSet('kube-proxy', [{ operator: 'Exists' }]));
  settle(ctx, controllers);
  const victim = ctx.store.list<Pod>('Pod').find((p) => p.spec.nodeName === 'k8s-node1')!;
  ctx.store.delete({ kind: 'Pod', name: victim.metadata.name, namespace: 'kube-system' });
  ctx.store.put(labNode('k8s-node3', '172.25.250.30', '10.244.3.0/24', false) as Node);
  settle(ctx, controllers);
  const pods = ctx.store.list<Pod>('Pod');
  assert.equal(pods.length, 4);
  const replacement = pods.find((p) => p.spec.nodeName === 'k8s-node1')!;
  assert.notEqual(replacement.metadata.name, victim.metadata.name);
  assert.ok(pods.some((p) => p.spec.nodeName === 'k8s-node3'));
});
