import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../../model/core.ts';
import { Simulation } from '../simulation.ts';
import { lastReport } from './node-heartbeat.ts';

// The kubelet posts an unchanged status every nodeStatusReportFrequency (5m, kubelet config defaults v1.31):
// lastHeartbeatTime moves in 5-minute steps from the last transition, lastTransitionTime stays.
const conditions = [{ type: 'Ready', status: 'True' as const, lastTransitionTime: '2024-09-03T06:24:57Z', lastHeartbeatTime: '2024-09-03T06:24:57Z' }];
const reportCases: { name: string; now: string; want: string }[] = [
  { name: 'at the transition', now: '2024-09-03T06:24:57Z', want: '2024-09-03T06:24:57Z' },
  { name: 'just before the first report', now: '2024-09-03T06:29:56Z', want: '2024-09-03T06:24:57Z' },
  { name: 'at the first report', now: '2024-09-03T06:29:57Z', want: '2024-09-03T06:29:57Z' },
  { name: 'three days later, 12 minutes into the scenario', now: '2024-09-06T06:36:57Z', want: '2024-09-06T06:34:57Z' },
];
for (const c of reportCases) {
  test(`node heartbeat: ${c.name}`, () => assert.equal(lastReport(conditions, new Date(c.now)), c.want));
}

test('node heartbeat: the lab clock moves every node condition heartbeat, not the transition', () => {
  const sim = new Simulation({ seed: 7 });
  const ready = () => sim.store.get<Node>('Node', 'k8s-node1')!.status.conditions!.find((c) => c.type === 'Ready')!;
  // Installed three days before the scenario starts: 3 d is a whole number of reports.
  assert.equal(ready().lastTransitionTime, '2024-09-03T06:24:57Z');
  assert.equal(ready().lastHeartbeatTime, '2024-09-06T06:24:57Z');
  sim.clock.advance(11 * 60_000);
  sim.settle();
  assert.equal(ready().lastHeartbeatTime, '2024-09-06T06:34:57Z');
  assert.equal(ready().lastTransitionTime, '2024-09-03T06:24:57Z');
  const rv = sim.store.get<Node>('Node', 'k8s-node1')!.metadata.resourceVersion;
  sim.settle();
  assert.equal(sim.store.get<Node>('Node', 'k8s-node1')!.metadata.resourceVersion, rv, 'no write until the next report is due');
});
