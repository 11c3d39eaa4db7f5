import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../simulation.ts';
import { installMetallb, configureMetallbPool, POOL_WEBHOOK } from './install.ts';
import { announcingNode } from './l2.ts';
import type { Pod, Service, KubeEvent } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';

function lab(): Simulation {
  const sim = new Simulation({ seed: 3 });
  installMetallb(sim);
  configureMetallbPool(sim, '172.25.250.50-172.25.250.99');
  return sim;
}

const lbService = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } });

test('install: controller Deployment pod and one speaker per node run (tutorial 4.5: 1 controller + 3 speakers)', () => {
  const sim = lab();
  const pods = sim.store.list<Pod>('Pod', 'metallb-system');
  assert.equal(pods.filter((p) => p.metadata.name.startsWith('controller-') && p.status?.phase === 'Running').length, 1);
  assert.deepEqual(pods.filter((p) => p.metadata.name.startsWith('speaker-') && p.status?.phase === 'Running').map((p) => p.spec.nodeName).sort(), ['k8s-master', 'k8s-node1', 'k8s-node2']);
  assert.ok(sim.resources.byKind('metallb.io/v1beta1', 'IPAddressPool'));
  assert.equal(sim.config.addons.metallb, true);
});

test('install: LoadBalancer services get .50 then .51; IPAllocated event; announced from a worker', () => {
  const sim = lab();
  sim.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'howe', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'howe' } }, template: { metadata: { labels: { app: 'howe' } }, spec: { containers: [{ name: 'myapp', image: 'myapp:v1' }] } } } });
  sim.api.create(lbService('loadbalancer'));
  sim.settle();
  sim.clock.advance(1000);
  sim.api.create(lbService('second'));
  sim.settle();
  const ip = (n: string) => sim.store.get<Service>('Service', n, 'default')?.status?.loadBalancer?.ingress?.[0]?.ip;
  assert.equal(ip('loadbalancer'), '172.25.250.50');
  assert.equal(ip('second'), '172.25.250.51');
  const events = sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === 'loadbalancer').map((e) => e.reason);
  assert.deepEqual(events.sort(), ['IPAllocated', 'nodeAssigned']);
  assert.ok(['k8s-node1', 'k8s-node2'].includes(announcingNode(sim, '172.25.250.50') ?? ''));
});

test('install: the pool webhook denies overlaps and bad ranges with 403 Forbidden', () => {
  const sim = lab();
  const r = sim.api.create({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'second', namespace: 'metallb-system' }, spec: { addresses: ['172.25.250.60-172.25.250.70'] } });
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual({ code: r.status.code, reason: r.status.reason, message: r.status.message }, {
    code: 403, reason: 'Forbidden', message: `admission webhook "${POOL_WEBHOOK}" denied the request: CIDR "172.25.250.60/30" in pool "second" overlaps with already defined CIDR "172.25.250.56/29"`,
  });
  assert.throws(() => configureMetallbPool(sim, '172.25.250.99-172.25.250.50'), /start IP "172.25.250.99" is after the end IP "172.25.250.50"/);
});

test('without MetalLB a LoadBalancer service stays pending', () => {
  const sim = new Simulation({ seed: 3 });
  sim.api.create(lbService('lb'));
  sim.settle();
  assert.equal(sim.store.get<Service>('Service', 'lb', 'default')?.status?.loadBalancer?.ingress, undefined);
  assert.throws(() => configureMetallbPool(sim, '172.25.250.50-172.25.250.99'), /not installed/);
});
