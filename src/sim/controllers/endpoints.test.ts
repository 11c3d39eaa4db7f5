import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../model/core.ts';
import { endpointsController } from './endpoints.ts';
import { endpointSliceController } from './endpointslice.ts';
import { labContext, settle } from './test-support.ts';

function pod(name: string, ip: string, opts: { ready?: boolean; ports?: { name: string; containerPort: number }[]; hostname?: string; subdomain?: string; deleting?: boolean } = {}): Pod {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'howe' }, ...(opts.deleting ? { deletionTimestamp: '2024-09-06T06:25:00Z' } : {}) },
    spec: { nodeName: 'k8s-node1', containers: [{ name: 'myapp', image: 'myapp:v1', ...(opts.ports ? { ports: opts.ports } : {}) }], ...(opts.hostname ? { hostname: opts.hostname } : {}), ...(opts.subdomain ? { subdomain: opts.subdomain } : {}) },
    status: { phase: ready ? 'Running' : 'Pending', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

function service(name: string, spec: Partial<Service['spec']> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, labels: { app: 'howe' } }, spec: { selector: { app: 'howe' }, clusterIP: '10.99.113.82', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec } };
}

const controllers = [endpointsController, endpointSliceController];

const cases: { name: string; pods: Pod[]; svc: Service; endpoints: unknown; slice: { endpoints: [string, boolean][]; ports: unknown[] } | 'none' }[] = [
  {
    name: 'addresses sort by IP bytes (10.244.1.10 < 10.244.1.2); not-ready pod (ErrImagePull) is a notReadyAddress only',
    pods: [pod('a', '10.244.1.2'), pod('b', '10.244.1.10'), pod('c', '10.244.1.3', { ready: false })],
    svc: service('howe'),
    endpoints: [{ addresses: ['10.244.1.10', '10.244.1.2'], notReadyAddresses: ['10.244.1.3'], ports: [{ port: 80, protocol: 'TCP' }] }],
    slice: { endpoints: [['10.244.1.10', true], ['10.244.1.2', true], ['10.244.1.3', false]], ports: [{ name: '', port: 80, protocol: 'TCP' }] },
  },
  {
    name: 'named targetPort resolves per pod; a pod without the name is left out; different numbers make two subsets',
    pods: [pod('a', '10.244.1.2', { ports: [{ name: 'web', containerPort: 80 }] }), pod('b', '10.244.2.2', { ports: [{ name: 'web', containerPort: 8080 }] }), pod('c', '10.244.2.3')],
    svc: service('howe', { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web' }] }),
    endpoints: [
      { addresses: ['10.244.1.2'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
      { addresses: ['10.244.2.2'], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    ],
    slice: 'none',
  },
  {
    name: 'publishNotReadyAddresses makes every pod ready',
    pods: [pod('a', '10.244.1.2', { ready: false })],
    svc: service('howe', { publishNotReadyAddresses: true }),
    endpoints: [{ addresses: ['10.244.1.2'], ports: [{ port: 80, protocol: 'TCP' }] }],
    slice: { endpoints: [['10.244.1.2', true]], ports: [{ name: '', port: 80, protocol: 'TCP' }] },
  },
  {
    name: 'terminating pod: gone from Endpoints, in the slice as not ready',
    pods: [pod('a', '10.244.1.2'), pod('b', '10.244.1.3', { deleting: true })],
    svc: service('howe'),
    endpoints: [{ addresses: ['10.244.1.2'], ports: [{ port: 80, protocol: 'TCP' }] }],
    slice: { endpoints: [['10.244.1.2', true], ['10.244.1.3', false]], ports: [{ name: '', port: 80, protocol: 'TCP' }] },
  },
  {
    name: 'no matching pods: Endpoints without subsets, placeholder slice',
    pods: [],
    svc: service('howe'),
    endpoints: undefined,
    slice: { endpoints: [], ports: [] },
  },
];

for (const c of cases) {
  test(`endpoints: ${c.name}`, () => {
    const ctx = labContext();
    for (const p of c.pods) ctx.store.put(p);
    ctx.store.put(c.svc);
    settle(ctx, controllers);
    const ep = ctx.store.get<Endpoints>('Endpoints', c.svc.metadata.name, 'default')!;
    const simplified = ep.subsets?.map((s) => ({
      ...(s.addresses ? { addresses: s.addresses.map((a) => a.ip) } : {}),
      ...(s.notReadyAddresses ? { notReadyAddresses: s.notReadyAddresses.map((a) => a.ip) } : {}),
      ports: s.ports,
    }));
    assert.deepEqual(simplified, c.endpoints);
    if (c.slice === 'none') return;
    const slices = ctx.store.list<EndpointSlice>('EndpointSlice');
    assert.equal(slices.length, 1);
    const slice = slices[0]!;
    assert.match(slice.metadata.name, /^howe-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(slice.metadata.labels?.['kubernetes.io/service-name'], 'howe');
    assert.equal(slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
    assert.equal(slice.metadata.labels?.['app'], 'howe');
    assert.equal(slice.metadata.ownerReferences?.[0]?.kind, 'Service');
    assert.deepEqual(slice.endpoints.map((e) => [e.addresses[0], e.conditions?.ready]), c.slice.endpoints);
    assert.deepEqual(slice.ports, c.slice.ports);
  });
}

test('endpoints: slice name is drawn once and kept; ExternalName and selectorless services get nothing; headless label and hostname', () => {
  const ctx = labContext();
  ctx.store.put(pod('a', '10.244.1.2', { hostname: 'web-0', subdomain: 'superhowe' }));
  ctx.store.put(service('howe'));
  ctx.store.put(service('superhowe', { clusterIP: 'None' }));
  ctx.store.put(service('ext', { type: 'ExternalName', externalName: 'www.baidu.com', clusterIP: undefined }));
  ctx.store.put(service('manual', { selector: undefined }));
  settle(ctx, controllers);
  const name = ctx.store.list<EndpointSlice>('EndpointSlice').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'howe')!.metadata.name;
  ctx.store.put(pod('b', '10.244.2.2'));
  settle(ctx, controllers);
  const howeSlices = ctx.store.list<EndpointSlice>('EndpointSlice').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'howe');
  assert.deepEqual(howeSlices.map((s) => [s.metadata.name, s.endpoints.length]), [[name, 2]]);
  assert.equal(ctx.store.get('Endpoints', 'ext', 'default'), undefined);
  assert.equal(ctx.store.get('Endpoints', 'manual', 'default'), undefined);
  const headless = ctx.store.get<Endpoints>('Endpoints', 'superhowe', 'default')!;
  assert.equal(headless.metadata.labels?.['service.kubernetes.io/headless'], '');
  assert.equal(headless.subsets?.[0]?.addresses?.find((a) => a.ip === '10.244.1.2')?.hostname, 'web-0');
  // Deleting the Service removes its Endpoints and slices.
  ctx.store.delete({ kind: 'Service', name: 'howe', namespace: 'default' });
  settle(ctx, controllers);
  assert.equal(ctx.store.get('Endpoints', 'howe', 'default'), undefined);
  assert.equal(ctx.store.list<EndpointSlice>('EndpointSlice').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'howe').length, 0);
});
