import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../model/core.ts';
import { podsToDelete } from './replicaset.ts';

function pod(name: string, node: string | undefined, created: string, opts: { ready?: boolean; phase?: 'Pending' | 'Running'; restarts?: number } = {}): Pod {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { containers: [{ name: 'app', image: 'myapp:v1' }], ...(node ? { nodeName: node } : {}) },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'app', image: 'myapp:v1', ready, restartCount: opts.restarts ?? 0, state: {} }],
    },
  };
}

// SRC: kubernetes pkg/controller/controller_utils.go ActivePodsWithRanks.Less and replica_set.go
// getPodsRankedByRelatedPodsOnSameNode (v1.31).
const CASES: { name: string; pods: Pod[]; count: number; want: string[] }[] = [
  { name: 'doubled-up node goes first, even before a newer pod alone on its node', count: 1,
    pods: [pod('a', 'k8s-node1', '2024-09-06T06:00:00Z'), pod('b', 'k8s-node1', '2024-09-06T06:01:00Z'), pod('c', 'k8s-node2', '2024-09-06T06:05:00Z')], want: ['b'] },
  { name: 'unscheduled before scheduled', count: 1, pods: [pod('a', undefined, '2024-09-06T06:00:00Z', { phase: 'Pending', ready: false }), pod('b', 'k8s-node1', '2024-09-06T06:05:00Z')], want: ['a'] },
  { name: 'not ready before ready, whatever the node', count: 1,
    pods: [pod('a', 'k8s-node1', '2024-09-06T06:00:00Z'), pod('b', 'k8s-node1', '2024-09-06T06:01:00Z'), pod('c', 'k8s-node2', '2024-09-06T06:00:00Z', { ready: false })], want: ['c'] },
  { name: 'same spread: more restarts, then newest first', count: 2,
    pods: [pod('a', 'k8s-node1', '2024-09-06T06:00:00Z', { restarts: 2 }), pod('b', 'k8s-node2', '2024-09-06T06:01:00Z'), pod('c', 'k8s-master', '2024-09-06T06:00:30Z')], want: ['a', 'b'] },
];

for (const c of CASES) test(`scale down picks: ${c.name}`, () => assert.deepEqual(podsToDelete(c.pods, c.count).map((p) => p.metadata.name), c.want));
