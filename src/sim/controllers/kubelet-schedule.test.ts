import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../model/core.ts';
import { nextPodIP } from './kubelet-schedule.ts';
import { createKubeletController } from './kubelet.ts';
import { labContext, settle, testRegistry } from './test-support.ts';

// SRC: containernetworking/plugins host-local allocator.go GetIter/Next — resume after the last
// reserved IP, skip the gateway (.1), wrap from .254 to the range start, give up after one turn.
const IPAM_CASES: { name: string; inUse: string[]; last?: string; want: string | undefined }[] = [
  { name: 'fresh node starts after the gateway', inUse: [], want: '10.244.1.2' },
  { name: 'resumes after the last reserved IP, not at the lowest free one', inUse: ['10.244.1.2'], last: '10.244.1.7', want: '10.244.1.8' },
  { name: 'a released last IP is not handed out again first', inUse: [], last: '10.244.1.10', want: '10.244.1.11' },
  { name: 'skips addresses still in use', inUse: ['10.244.1.11', '10.244.1.12'], last: '10.244.1.10', want: '10.244.1.13' },
  { name: 'wraps from .254 to .2 (gateway .1 skipped)', inUse: [], last: '10.244.1.254', want: '10.244.1.2' },
  { name: 'a last IP outside the range restarts at the range start', inUse: [], last: '10.244.2.9', want: '10.244.1.2' },
  { name: 'hands out the last reserved IP itself only after a full turn', inUse: allExcept('10.244.1.9'), last: '10.244.1.9', want: '10.244.1.9' },
  { name: 'full range', inUse: allExcept(), last: '10.244.1.9', want: undefined },
];

function allExcept(...free: string[]): string[] {
  return Array.from({ length: 253 }, (_, i) => `10.244.1.${i + 2}`).filter((ip) => !free.includes(ip));
}

test('host-local IPAM picks the next pod IP after the node\'s last reserved one', () => {
  for (const c of IPAM_CASES) assert.equal(nextPodIP('10.244.1.0/24', new Set(c.inUse), c.last), c.want, c.name);
});

test('kubelet: a replacement pod gets a new IP (.3), not the released .2; the node remembers outside the store', () => {
  const ctx = { ...labContext(), nodeState: { lastReservedIP: new Map<string, string>() } };
  const kubelet = createKubeletController(testRegistry);
  const pod = (name: string): Pod => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { nodeName: 'k8s-node1', containers: [{ name: 'app', image: 'myapp:v1' }] },
  });
  ctx.store.put(pod('a'));
  settle(ctx, [kubelet]);
  assert.equal(ctx.store.get<Pod>('Pod', 'a', 'default')?.status?.podIP, '10.244.1.2');
  ctx.store.delete({ kind: 'Pod', name: 'a', namespace: 'default' });
  ctx.store.put(pod('b'));
  settle(ctx, [kubelet]);
  assert.equal(ctx.store.get<Pod>('Pod', 'b', 'default')?.status?.podIP, '10.244.1.3');
  assert.equal(ctx.nodeState.lastReservedIP.get('k8s-node1'), '10.244.1.3');
  assert.equal(ctx.nodeState.lastReservedIP.get('k8s-node2'), undefined);
});
