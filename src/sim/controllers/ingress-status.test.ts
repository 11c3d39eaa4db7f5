import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../model/meta.ts';
import type { Ingress } from '../../model/networking.ts';
import type { KubeEvent } from '../../model/core.ts';
import { Simulation } from '../simulation.ts';
import { installIngressNginx } from '../ingress-nginx/install.ts';

// status.go (controller-v1.11.2): a sync when leading starts (the pod is not Ready yet), then every 60 s.
function create(sim: Simulation, name: string): void {
  const r = sim.api.create({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' }, spec: { ingressClassName: 'nginx', rules: [{ host: `${name}.test`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'howe-svc', port: { number: 80 } } } }] } }] } } as KubeObject);
  if (!r.ok) throw new Error(r.status.message);
  sim.settle();
}
const address = (sim: Simulation, name: string) => (sim.store.get<Ingress>('Ingress', name, 'default')?.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname).join(',');
const advance = (sim: Simulation, seconds: number) => { sim.clock.advance(seconds * 1000); sim.settle(); };

test('ADDRESS appears at the 60 s status sync, not at creation', () => {
  const sim = new Simulation({ seed: 3 });
  installIngressNginx(sim, { serviceType: 'NodePort' });
  advance(sim, 5);
  create(sim, 'early');
  assert.equal(address(sim, 'early'), '', 'no sync has seen a Ready controller pod yet');
  advance(sim, 54);
  assert.equal(address(sim, 'early'), '', '59 s after the controller started');
  advance(sim, 1);
  const nodeIp = address(sim, 'early');
  assert.match(nodeIp, /^172\.25\.250\.\d+$/, 'the node of the controller pod (no --publish-service)');
  advance(sim, 10);
  create(sim, 'late');
  assert.equal(address(sim, 'late'), '', 'created after the last tick');
  advance(sim, 49);
  assert.equal(address(sim, 'late'), '');
  advance(sim, 1);
  assert.equal(address(sim, 'late'), nodeIp, 'the 120 s tick');
});

test('the second "Scheduled for sync" event is stamped at the status write', () => {
  const sim = new Simulation({ seed: 3 });
  installIngressNginx(sim, { serviceType: 'NodePort' });
  advance(sim, 30);
  create(sim, 'web');
  const events = () => sim.store.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === 'web' && e.reason === 'Sync');
  assert.equal(events()[0]?.count, 1);
  advance(sim, 45);
  const [event] = events();
  assert.equal(event?.count, 2);
  assert.equal(Date.parse(event!.lastTimestamp!) - Date.parse(event!.firstTimestamp!), 30_000, 'created at +30 s, status written at +60 s');
});
