import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metallbController } from './metallb.ts';
import { ObjectStore } from '../store.ts';
import { ManualClock, Random } from '../context.ts';
import { defaultTopology } from '../topology.ts';
import { defaultClusterConfig } from '../cluster-config.ts';
import { announcingNodeFrom, leaderHash, EXCLUDE_LB_LABEL } from '../metallb/l2.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { Service, KubeEvent, EndpointSlice } from '../../model/core.ts';

const topology = defaultTopology();

function lab(opts: { pool?: string[] | null; controller?: boolean; l2?: boolean; extra?: KubeObject[] } = {}): ObjectStore {
  const store = new ObjectStore();
  const objects: KubeObject[] = [
    ...topology.nodes.map((n) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels: (n.role === 'control-plane' ? { [EXCLUDE_LB_LABEL]: '' } : {}) as Record<string, string> }, spec: { podCIDR: n.podCIDR }, status: { addresses: [{ type: 'InternalIP', address: n.ip }], conditions: [{ type: 'Ready', status: 'True' }] } })),
    ...topology.nodes.map((n, i) => pod(`speaker-${i}`, 'speaker', n.name)),
    ...(opts.controller === false ? [] : [pod('controller-65957f77c8-spdkq', 'controller', 'k8s-node1')]),
    ...(opts.pool === null ? [] : [{ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'first-pool', namespace: 'metallb-system' }, spec: { addresses: opts.pool ?? ['172.25.250.50-172.25.250.99'] } }]),
    ...(opts.l2 === false ? [] : [{ apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: { name: 'example', namespace: 'metallb-system' }, spec: { ipAddressPools: ['first-pool'] } }]),
    ...(opts.extra ?? []),
  ];
  for (const o of objects) store.put(o);
  return store;
}

function pod(name: string, component: string, node: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'metallb-system', labels: { app: 'metallb', component } }, spec: { nodeName: node, containers: [] }, status: { phase: 'Running' } };
}

function lb(name: string, created: string, extra: { annotations?: Record<string, string>; spec?: Partial<Service['spec']> } = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', creationTimestamp: created, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: { type: 'LoadBalancer', clusterIP: '10.99.217.26', selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30908 }], ...extra.spec } };
}

function slice(svc: string, node: string): KubeObject {
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', metadata: { name: `${svc}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } }, endpoints: [{ addresses: ['10.244.1.8'], conditions: { ready: true }, nodeName: node }], ports: [{ port: 80 }] };
}

// A small settle loop: the controller's changes applied until it asks for none.
function settle(store: ObjectStore): void {
  const ctx = { store, clock: new ManualClock(topology.start), rng: new Random(1), topology, config: defaultClusterConfig(topology.serviceCIDR) };
  for (let i = 0; i < 10; i++) {
    const changes = metallbController.reconcile(ctx);
    if (changes.length === 0) return;
    for (const c of changes) if (c.op === 'put') store.put(c.object);
  }
  assert.fail('metallb controller did not settle');
}

const ipOf = (store: ObjectStore, name: string) => store.get<Service>('Service', name, 'default')?.status?.loadBalancer?.ingress?.[0]?.ip;
const events = (store: ObjectStore, name: string) => store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.source.component}: ${e.message}`);

test('metallb: first service gets .50, second .51 (creation order), with VIP ingress, pool annotation and IPAllocated event', () => {
  const store = lab({ extra: [lb('zzz-first', '2024-09-06T06:00:00Z'), lb('aaa-second', '2024-09-06T06:01:00Z')] });
  settle(store);
  assert.equal(ipOf(store, 'zzz-first'), '172.25.250.50');
  assert.equal(ipOf(store, 'aaa-second'), '172.25.250.51');
  const svc = store.get<Service>('Service', 'zzz-first', 'default')!;
  assert.deepEqual(svc.status?.loadBalancer?.ingress, [{ ip: '172.25.250.50', ipMode: 'VIP' }]);
  assert.equal(svc.metadata.annotations?.['metallb.universe.tf/ip-allocated-from-pool'], 'first-pool');
  assert.deepEqual(events(store, 'zzz-first'), ['Normal IPAllocated metallb-controller: Assigned IP ["172.25.250.50"]']);
});

const failures: { name: string; store: () => ObjectStore; svc: string; ip?: string; events: string[] }[] = [
  { name: 'exhausted pool → AllocationFailed once', store: () => lab({ pool: ['172.25.250.50/32'], extra: [lb('a', '2024-09-06T06:00:00Z'), lb('b', '2024-09-06T06:01:00Z')] }), svc: 'b',
    events: ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/b": no available IPs'] },
  { name: 'no pools → pending, no event', store: () => lab({ pool: null, extra: [lb('a', '2024-09-06T06:00:00Z')] }), svc: 'a', events: [] },
  { name: 'MetalLB not installed → pending forever', store: () => lab({ controller: false, extra: [lb('a', '2024-09-06T06:00:00Z')] }), svc: 'a', events: [] },
  { name: 'loadBalancerIPs annotation', store: () => lab({ extra: [lb('a', 't', { annotations: { 'metallb.universe.tf/loadBalancerIPs': '172.25.250.60' } })] }), svc: 'a', ip: '172.25.250.60', events: ['Normal IPAllocated metallb-controller: Assigned IP ["172.25.250.60"]'] },
  { name: 'spec.loadBalancerIP', store: () => lab({ extra: [lb('a', 't', { spec: { loadBalancerIP: '172.25.250.70' } })] }), svc: 'a', ip: '172.25.250.70', events: ['Normal IPAllocated metallb-controller: Assigned IP ["172.25.250.70"]'] },
  { name: 'both requests → error', store: () => lab({ extra: [lb('a', 't', { annotations: { 'metallb.universe.tf/loadBalancerIPs': '172.25.250.60' }, spec: { loadBalancerIP: '172.25.250.60' } })] }), svc: 'a',
    events: ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/a": service can not have both metallb.universe.tf/loadBalancerIPs and svc.Spec.LoadBalancerIP'] },
  { name: 'requested IP outside pools', store: () => lab({ extra: [lb('a', 't', { spec: { loadBalancerIP: '192.168.5.5' } })] }), svc: 'a',
    events: ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/a": ["192.168.5.5"] is not allowed in config'] },
  { name: 'unknown pool annotation', store: () => lab({ extra: [lb('a', 't', { annotations: { 'metallb.universe.tf/address-pool': 'foo' } })] }), svc: 'a',
    events: ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/a": unknown pool "foo"'] },
  { name: 'avoidBuggyIPs skips .0', store: () => { const s = lab({ pool: ['10.10.0.0/30'], extra: [lb('a', 't')] }); const p = s.get('IPAddressPool', 'first-pool', 'metallb-system')!; s.put({ ...p, spec: { addresses: ['10.10.0.0/30'], avoidBuggyIPs: true } }); return s; }, svc: 'a', ip: '10.10.0.1', events: ['Normal IPAllocated metallb-controller: Assigned IP ["10.10.0.1"]'] },
  { name: 'CIDR pool hands out the network address', store: () => lab({ pool: ['10.10.0.0/30'], extra: [lb('a', 't')] }), svc: 'a', ip: '10.10.0.0', events: ['Normal IPAllocated metallb-controller: Assigned IP ["10.10.0.0"]'] },
  { name: 'autoAssign false → only on request', store: () => { const s = lab({ extra: [lb('a', 't')] }); const p = s.get('IPAddressPool', 'first-pool', 'metallb-system')!; s.put({ ...p, spec: { addresses: ['172.25.250.50-172.25.250.99'], autoAssign: false } }); return s; }, svc: 'a',
    events: ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/a": no available IPs'] },
];

for (const f of failures) {
  test(`metallb: ${f.name}`, () => {
    const store = f.store();
    settle(store);
    assert.equal(ipOf(store, f.svc), f.ip);
    assert.deepEqual(events(store, f.svc), f.events);
  });
}

test('metallb: a sharing key lets two services (different ports) use one IP', () => {
  const shared = { 'metallb.universe.tf/allow-shared-ip': 'k', 'metallb.universe.tf/loadBalancerIPs': '172.25.250.80' };
  const store = lab({ extra: [lb('a', '1', { annotations: shared }), lb('b', '2', { annotations: shared, spec: { ports: [{ port: 443, protocol: 'TCP' }] } }), lb('c', '3', { annotations: { 'metallb.universe.tf/loadBalancerIPs': '172.25.250.80' } })] });
  settle(store);
  assert.equal(ipOf(store, 'a'), '172.25.250.80');
  assert.equal(ipOf(store, 'b'), '172.25.250.80');
  assert.equal(ipOf(store, 'c'), undefined);
  assert.deepEqual(events(store, 'c'), ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/c": can\'t change sharing key for "default/c", address also in use by default/a,default/b']);
});

test('metallb: a kept IP survives re-reconciling; switching to ClusterIP drops the annotation', () => {
  const store = lab({ extra: [lb('a', '1')] });
  settle(store);
  settle(store);
  assert.equal(events(store, 'a').length, 1);
  const svc = store.get<Service>('Service', 'a', 'default')!;
  store.put({ ...svc, spec: { ...svc.spec, type: 'ClusterIP' }, status: {} });
  settle(store);
  assert.equal(store.get<Service>('Service', 'a', 'default')?.metadata.annotations, undefined);
});

test('l2: leader is the candidate with the smallest sha256(node#ip); the excluded control plane never announces', () => {
  const store = lab({ extra: [lb('a', '1'), slice('a', 'k8s-node1')] });
  settle(store);
  const ip = ipOf(store, 'a')!;
  const expected = ['k8s-node1', 'k8s-node2'].sort((x, y) => Buffer.compare(leaderHash(x, ip), leaderHash(y, ip)))[0];
  assert.equal(announcingNodeFrom(store, ip), expected);
  assert.deepEqual(events(store, 'a').filter((e) => e.includes('nodeAssigned')), [`Normal nodeAssigned metallb-speaker: announcing from node "${expected}" with protocol "layer2"`]);
  // Pinned value: the hash order does not depend on the run.
  assert.equal(leaderHash('k8s-node1', '172.25.250.50').toString('hex').length, 64);
});

test('l2: no announcement without an L2Advertisement or without ready endpoints', () => {
  const noAd = lab({ l2: false, extra: [lb('a', '1'), slice('a', 'k8s-node1')] });
  settle(noAd);
  assert.equal(ipOf(noAd, 'a'), '172.25.250.50');
  assert.equal(announcingNodeFrom(noAd, '172.25.250.50'), undefined);
  const noEp = lab({ extra: [lb('a', '1')] });
  settle(noEp);
  assert.equal(announcingNodeFrom(noEp, '172.25.250.50'), undefined);
});

test('l2: externalTrafficPolicy Local only announces from a node with a local endpoint', () => {
  for (const node of ['k8s-node1', 'k8s-node2']) {
    const store = lab({ extra: [lb('a', '1', { spec: { externalTrafficPolicy: 'Local' } }), slice('a', node)] });
    settle(store);
    assert.equal(announcingNodeFrom(store, '172.25.250.50'), node);
  }
});

// SRC: metallb v0.14.8 controller/service.go convergeBalancer, allocator.go SetPools/poolFor.
test('metallb: deleting the pool that holds an IP moves the service to another pool with ClearAssignment', () => {
  const store = lab({ extra: [lb('a', '1'), { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'second-pool', namespace: 'metallb-system' }, spec: { addresses: ['10.10.0.8/30'] } }] });
  settle(store);
  assert.equal(ipOf(store, 'a'), '172.25.250.50');
  store.delete({ kind: 'IPAddressPool', name: 'first-pool', namespace: 'metallb-system' });
  settle(store);
  assert.equal(ipOf(store, 'a'), '10.10.0.8');
  assert.deepEqual(events(store, 'a').filter((e) => !e.includes('IPAllocated')), ['Normal ClearAssignment metallb-controller: current IP for "default/a" not allowed by config, will attempt for new IP assignment: ["172.25.250.50"] is not allowed in config']);
});

test('metallb: deleting the last pool clears IP and pool annotation without an event', () => {
  const store = lab({ extra: [lb('a', '1')] });
  settle(store);
  store.delete({ kind: 'IPAddressPool', name: 'first-pool', namespace: 'metallb-system' });
  settle(store);
  const svc = store.get<Service>('Service', 'a', 'default')!;
  assert.deepEqual([svc.status?.loadBalancer, svc.metadata.annotations], [{}, undefined]);
  assert.deepEqual(events(store, 'a'), ['Normal IPAllocated metallb-controller: Assigned IP ["172.25.250.50"]']);
});

test('metallb: asking for another IP or pool re-allocates silently; a bad annotation is LoadBalancerFailed', () => {
  const store = lab({ extra: [lb('a', '1')] });
  settle(store);
  const svc = store.get<Service>('Service', 'a', 'default')!;
  store.put({ ...svc, metadata: { ...svc.metadata, annotations: { ...svc.metadata.annotations, 'metallb.universe.tf/loadBalancerIPs': '172.25.250.77' } } });
  settle(store);
  assert.equal(ipOf(store, 'a'), '172.25.250.77');
  assert.ok(!events(store, 'a').some((e) => e.includes('ClearAssignment')));
  const again = store.get<Service>('Service', 'a', 'default')!;
  store.put({ ...again, metadata: { ...again.metadata, annotations: { ...again.metadata.annotations, 'metallb.universe.tf/loadBalancerIPs': 'abc' } } });
  settle(store);
  assert.equal(ipOf(store, 'a'), '172.25.250.77');
  assert.equal(events(store, 'a').at(-1), 'Warning LoadBalancerFailed metallb-controller: invalid requested loadbalancer IPs: invalid metallb.universe.tf/loadBalancerIPs: "abc"');
});

test('metallb: with avoidBuggyIPs a requested .0 address is not allowed in config', () => {
  const store = lab({ extra: [lb('a', '1', { spec: { loadBalancerIP: '10.10.0.0' } })] });
  const p = store.get('IPAddressPool', 'first-pool', 'metallb-system')!;
  store.put({ ...p, spec: { addresses: ['10.10.0.0/30'], avoidBuggyIPs: true } });
  settle(store);
  assert.deepEqual(events(store, 'a'), ['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/a": ["10.10.0.0"] is not allowed in config']);
});

test('l2: the leader records nodeAssigned again (count 2) when the service\'s endpoints change', () => {
  const store = lab({ extra: [lb('a', '1'), slice('a', 'k8s-node1')] });
  settle(store);
  const first = store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'nodeAssigned')!;
  assert.equal(first.count, 1);
  settle(store);
  assert.equal(store.list<KubeEvent>('Event', 'default').find((e) => e.reason === 'nodeAssigned')!.count, 1, 'no change, no repeat');
  const s = store.get<EndpointSlice>('EndpointSlice', 'a-x', 'default')!;
  store.put({ ...s, endpoints: [...(s.endpoints ?? []), { addresses: ['10.244.2.8'], conditions: { ready: true }, nodeName: 'k8s-node2' }] });
  settle(store);
  const nodeAssigned = store.list<KubeEvent>('Event', 'default').filter((e) => e.reason === 'nodeAssigned');
  assert.deepEqual(nodeAssigned.map((e) => e.count), [2]);
});
