import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../model/core.ts';
import { Simulation } from './simulation.ts';
import { nodeAllocatable, nodeCapacity, nodeImages } from './bootstrap-node.ts';

// Facts: kubelet v1.31 nodestatus/setters.go (capacity incl. both x86 hugepage sizes and max-pods 110),
// node_container_manager_linux.go hardEvictionReservation with the Linux defaults memory.available<100Mi and
// nodefs.available<10% (a float32); kubeadm markcontrolplane labels; DisableNodeKubeProxyVersion on in v1.31.0.
test('node capacity and allocatable: eviction thresholds come off memory (100Mi) and ephemeral storage (10%)', () => {
  assert.deepEqual(nodeCapacity(), { cpu: '2', 'ephemeral-storage': '17811456Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3736952Ki', pods: '110' });
  const allocatable = nodeAllocatable();
  assert.equal(allocatable['memory'], `${3736952 - 102400}Ki`);
  // 17811456Ki = 18238930944 bytes; int64(18238930944 * float64(float32(0.1))) = 1823893121.
  assert.equal(allocatable['ephemeral-storage'], '16415037823');
  assert.equal(allocatable['pods'], '110');
});

const nodeCases: { name: string; node: string; labels: Record<string, string>; taints: number; images: string[] }[] = [
  {
    name: 'control plane', node: 'k8s-master', taints: 1,
    labels: { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '', 'kubernetes.io/hostname': 'k8s-master' },
    images: ['registry.k8s.io/etcd:3.5.15-0', 'registry.k8s.io/kube-proxy:v1.31.0', 'registry.k8s.io/kube-apiserver:v1.31.0'],
  },
  { name: 'worker', node: 'k8s-node1', taints: 0, labels: { 'kubernetes.io/hostname': 'k8s-node1', 'kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64' }, images: ['registry.k8s.io/kube-proxy:v1.31.0', 'registry.k8s.io/pause:3.10'] },
];
for (const c of nodeCases) {
  test(`node object: ${c.name}`, () => {
    const sim = new Simulation({ seed: 7 });
    const node = sim.store.get<Node>('Node', c.node)!;
    for (const [k, v] of Object.entries(c.labels)) assert.equal(node.metadata.labels?.[k], v, k);
    if (c.taints === 0) assert.equal(node.metadata.labels?.['node-role.kubernetes.io/control-plane'], undefined);
    assert.equal(node.spec.taints?.length ?? 0, c.taints);
    assert.deepEqual(node.status.images?.slice(0, c.images.length).map((i) => i.names[0]), c.images);
    const sizes = node.status.images!.map((i) => i.sizeBytes);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'largest first');
    assert.deepEqual(node.status.daemonEndpoints, { kubeletEndpoint: { Port: 10250 } });
    const info = node.status.nodeInfo!;
    assert.match(info.machineID, /^[0-9a-f]{32}$/);
    assert.match(info.systemUUID, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(info.bootID, info.systemUUID);
    assert.equal(info.kubeletVersion, 'v1.31.0');
    assert.equal(info.kubeProxyVersion, '');
    assert.deepEqual(node.status.conditions!.map((cond) => `${cond.type}=${cond.status}:${cond.reason}`), [
      'MemoryPressure=False:KubeletHasSufficientMemory', 'DiskPressure=False:KubeletHasNoDiskPressure', 'PIDPressure=False:KubeletHasSufficientPID', 'Ready=True:KubeletReady',
    ]);
  });
}

test('node ids differ between nodes', () => {
  const sim = new Simulation({ seed: 7 });
  const ids = sim.store.list<Node>('Node').map((n) => n.status.nodeInfo!.machineID);
  assert.equal(new Set(ids).size, 3);
});
