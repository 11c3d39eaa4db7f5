import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../../model/core.ts';
import { Simulation } from '../simulation.ts';
import { lastRenewal } from './node-lease.ts';

// The kubelet renews its kube-node-lease Lease every 10 s (0.25 × the 40 s duration); renewTime is a MicroTime
// (six fractional digits). SRC: component-helpers/apimachinery/lease/controller.go; pkg/kubelet/kubelet.go (v1.31).
const node = (status: 'True' | 'False') => ({ status: { addresses: [], conditions: [{ type: 'Ready', status, lastTransitionTime: '2024-09-03T06:24:57Z' }] } }) as unknown as Node;
const cases: { name: string; status: 'True' | 'False'; now: string; want: string | undefined }[] = [
  { name: 'at the transition', status: 'True', now: '2024-09-03T06:24:57Z', want: '2024-09-03T06:24:57.000000Z' },
  { name: '9.9 s later', status: 'True', now: '2024-09-03T06:25:06.900Z', want: '2024-09-03T06:24:57.000000Z' },
  { name: '10 s later', status: 'True', now: '2024-09-03T06:25:07Z', want: '2024-09-03T06:25:07.000000Z' },
  { name: 'not Ready: no renewals', status: 'False', now: '2024-09-03T06:30:00Z', want: undefined },
];
for (const c of cases) {
  test(`node lease renewal: ${c.name}`, () => assert.equal(lastRenewal(node(c.status), new Date(c.now)), c.want));
}

test('node lease: one per node in kube-node-lease, owned by the Node, renewed with the lab clock', () => {
  const sim = new Simulation({ seed: 7 });
  const leases = sim.store.list('Lease', 'kube-node-lease');
  assert.deepEqual(leases.map((l) => l.metadata.name), ['k8s-master', 'k8s-node1', 'k8s-node2']);
  const lease = sim.store.get('Lease', 'k8s-node1', 'kube-node-lease')!;
  const nodeUid = sim.store.get<Node>('Node', 'k8s-node1')!.metadata.uid;
  assert.deepEqual(lease.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Node', name: 'k8s-node1', uid: nodeUid }]);
  assert.deepEqual(lease.spec, { holderIdentity: 'k8s-node1', leaseDurationSeconds: 40, renewTime: '2024-09-06T06:24:57.000000Z' });
  sim.clock.advance(25_000);
  sim.settle();
  assert.equal((sim.store.get('Lease', 'k8s-node1', 'kube-node-lease')!.spec as { renewTime: string }).renewTime, '2024-09-06T06:25:17.000000Z');
});
