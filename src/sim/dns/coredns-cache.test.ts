import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreDnsProcess } from '../apps/coredns.ts';
import { fakeSimulation } from './lab-dns-fixture.ts';
import type { Simulation } from '../simulation.ts';
import type { ObjectStore } from '../store.ts';

// Behaviour of kubeadm's `cache 30` (coredns plugin/cache v1.11): TTL = 30 − whole seconds since the reply was kept.
const ask = (p: CoreDnsProcess, sim: Simulation, name: string, type = 'A') => p.dns({ name, type, clientIP: '10.244.1.9' }, sim);
const ttls = (a: { answers: { ttl: number }[]; authority: { ttl: number }[] }) => [...a.answers, ...a.authority].map((r) => r.ttl);

const steps: { name: string; run: (p: CoreDnsProcess, sim: Simulation, store: ObjectStore) => void }[] = [
  { name: 'a repeated answer counts its TTL down, then expires after 30 s', run: (p, sim) => {
    assert.deepEqual(ttls(ask(p, sim, 'howe.default.svc.cluster.local.')), [30]);
    sim.clock.advance(12_900);
    assert.deepEqual(ttls(ask(p, sim, 'howe.default.svc.cluster.local.')), [18]);
    sim.clock.advance(17_100); // 30 s: TTL 0 is not served, a fresh answer is kept
    assert.deepEqual(ttls(ask(p, sim, 'howe.default.svc.cluster.local.')), [30]);
  } },
  { name: 'a deleted service still answers from the cache until the entry expires', run: (p, sim, store) => {
    ask(p, sim, 'howe.default.svc.cluster.local.');
    store.delete({ kind: 'Service', name: 'howe', namespace: 'default' });
    sim.clock.advance(5_000);
    const cached = ask(p, sim, 'howe.default.svc.cluster.local.');
    assert.deepEqual([cached.rcode, cached.answers.map((r) => r.data), ttls(cached)], ['NOERROR', ['10.99.13.95'], [25]]);
    sim.clock.advance(25_000);
    assert.equal(ask(p, sim, 'howe.default.svc.cluster.local.').rcode, 'NXDOMAIN');
  } },
  { name: 'NXDOMAIN is kept too (denial cache), with the SOA TTL counted down', run: (p, sim, store) => {
    assert.equal(ask(p, sim, 'late.default.svc.cluster.local.').rcode, 'NXDOMAIN');
    store.put({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ port: 80 }] } });
    sim.clock.advance(3_000);
    const cached = ask(p, sim, 'late.default.svc.cluster.local.');
    assert.deepEqual([cached.rcode, ttls(cached)], ['NXDOMAIN', [27]]);
  } },
  { name: 'SERVFAIL from forward is not kept: every query waits for the upstream again', run: (p, sim) => {
    assert.equal(ask(p, sim, 'www.baidu.com.').latencyMs, 4000);
    assert.equal(ask(p, sim, 'www.baidu.com.').latencyMs, 4000);
  } },
  { name: 'every TTL is capped at 30 (dns-version TXT has 28800 without the cache)', run: (p, sim) => {
    assert.deepEqual(ttls(ask(p, sim, 'dns-version.cluster.local.', 'TXT')), [30]);
  } },
  { name: 'the key is name and type, case-insensitive', run: (p, sim) => {
    ask(p, sim, 'howe.default.svc.cluster.local.');
    sim.clock.advance(2_000);
    assert.deepEqual(ttls(ask(p, sim, 'HOWE.default.svc.cluster.local')), [28]);
    assert.deepEqual(ttls(ask(p, sim, 'howe.default.svc.cluster.local.', 'AAAA')), [30]);
  } },
  { name: 'each CoreDNS pod has its own cache', run: (p, sim) => {
    ask(p, sim, 'howe.default.svc.cluster.local.');
    sim.clock.advance(4_000);
    assert.deepEqual(ttls(ask(new CoreDnsProcess('1.11.3', 'coredns-other', sim), sim, 'howe.default.svc.cluster.local.')), [30]);
  } },
];

for (const s of steps) {
  test(`coredns cache: ${s.name}`, () => {
    const sim = fakeSimulation();
    s.run(new CoreDnsProcess('1.11.3', 'coredns-abc', sim), sim, sim.store as ObjectStore);
  });
}

const serialOf = (p: CoreDnsProcess, sim: Simulation, name: string) => Number(ask(p, sim, name).authority[0]?.data.split(' ')[2]);

test('coredns serial: start time; namespaces do not count; an added service dates it; a deletion is seen at the query', () => {
  const sim = fakeSimulation();
  const store = sim.store as ObjectStore;
  const start = Math.floor(sim.clock.now().getTime() / 1000);
  const p = new CoreDnsProcess('1.11.3', 'coredns-abc', sim);
  assert.equal(serialOf(p, sim, 'a.default.svc.cluster.local.'), start);
  sim.clock.advance(60_000);
  store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', creationTimestamp: sim.clock.now().toISOString() } });
  assert.equal(serialOf(p, sim, 'b.default.svc.cluster.local.'), start);
  sim.clock.advance(60_000);
  store.put({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default', creationTimestamp: new Date(start * 1000 + 90_000).toISOString() }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 80 }] } });
  assert.equal(serialOf(p, sim, 'c.default.svc.cluster.local.'), start + 90);
  store.delete({ kind: 'Service', name: 'late', namespace: 'default' });
  sim.clock.advance(10_000);
  assert.equal(serialOf(p, sim, 'd.default.svc.cluster.local.'), start + 130);
});
