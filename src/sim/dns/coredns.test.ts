import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuery, FORWARD_FAILURE_MS } from './coredns.ts';
import { dnsFixtureStore } from './dns-fixture.ts';
import { defaultTopology } from '../topology.ts';
import { Random } from '../context.ts';
import type { DnsRecord } from '../../cluster/exchanges.ts';

const topology = defaultTopology();
const show = (rs: DnsRecord[]) => rs.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.data}`).sort();
const SOA = 'cluster.local. 30 SOA ns.dns.cluster.local. hostmaster.cluster.local. 1725602400 7200 1800 86400 30';

// Expected values: reference k8s-services.md §4.2 (coredns plugin/kubernetes), one case per row.
const cases: { name: string; q: [string, string]; rcode: string; answers?: string[]; authority?: string[]; additional?: string[]; aa?: boolean }[] = [
  { name: 'ClusterIP service A = cluster IP (no endpoints needed)', q: ['howe.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['howe.default.svc.cluster.local. 30 A 10.99.13.95'], authority: [] },
  { name: 'kubernetes.default', q: ['kubernetes.default.svc.cluster.local', 'A'], rcode: 'NOERROR', answers: ['kubernetes.default.svc.cluster.local. 30 A 10.96.0.1'] },
  { name: 'headless A = one per ready endpoint', q: ['superhowe.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['superhowe.default.svc.cluster.local. 30 A 10.244.57.226', 'superhowe.default.svc.cluster.local. 30 A 10.244.57.227'] },
  { name: 'headless without ready endpoints = NXDOMAIN', q: ['empty-hl.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN', answers: [], authority: [SOA] },
  { name: 'ExternalName = CNAME only (upstream unreachable)', q: ['baidu.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['baidu.default.svc.cluster.local. 30 CNAME www.baidu.com.'] },
  { name: 'ExternalName to an in-zone name is followed', q: ['alias.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['alias.default.svc.cluster.local. 30 CNAME howe.default.svc.cluster.local.', 'howe.default.svc.cluster.local. 30 A 10.99.13.95'] },
  { name: 'ExternalName that is an IP = NXDOMAIN', q: ['ipname.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN', answers: [] },
  { name: 'dashed endpoint name of a headless service', q: ['10-244-57-227.superhowe.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['10-244-57-227.superhowe.default.svc.cluster.local. 30 A 10.244.57.227'] },
  { name: 'dashed endpoint name of a ClusterIP service', q: ['10-244-2-6.web.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['10-244-2-6.web.default.svc.cluster.local. 30 A 10.244.2.6'] },
  { name: 'not-ready endpoint has no name', q: ['10-244-57-228.superhowe.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN' },
  { name: 'hostname.subdomain', q: ['web-0.sub.default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['web-0.sub.default.svc.cluster.local. 30 A 10.244.2.10'] },
  { name: 'dashed form no longer matches a pod with a hostname', q: ['10-244-2-10.sub.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN' },
  { name: 'SRV of a ClusterIP port', q: ['_http._tcp.web.default.svc.cluster.local.', 'SRV'], rcode: 'NOERROR', answers: ['_http._tcp.web.default.svc.cluster.local. 30 SRV 0 100 80 web.default.svc.cluster.local.'], additional: ['web.default.svc.cluster.local. 30 A 10.96.100.7'] },
  { name: 'SRV of kube-dns udp port', q: ['_dns._udp.kube-dns.kube-system.svc.cluster.local.', 'SRV'], rcode: 'NOERROR', answers: ['_dns._udp.kube-dns.kube-system.svc.cluster.local. 30 SRV 0 100 53 kube-dns.kube-system.svc.cluster.local.'] },
  { name: 'SRV headless, 2 endpoints → weight 50', q: ['_http._tcp.sub.default.svc.cluster.local.', 'SRV'], rcode: 'NOERROR', answers: ['_http._tcp.sub.default.svc.cluster.local. 30 SRV 0 100 80 web-0.sub.default.svc.cluster.local.'], additional: ['web-0.sub.default.svc.cluster.local. 30 A 10.244.2.10'] },
  { name: 'SRV headless without port names, 2 endpoints → weight 50', q: ['superhowe.default.svc.cluster.local.', 'SRV'], rcode: 'NOERROR', answers: ['superhowe.default.svc.cluster.local. 30 SRV 0 50 80 10-244-57-226.superhowe.default.svc.cluster.local.', 'superhowe.default.svc.cluster.local. 30 SRV 0 50 80 10-244-57-227.superhowe.default.svc.cluster.local.'] },
  { name: 'SRV unknown port = NXDOMAIN', q: ['_nope._tcp.web.default.svc.cluster.local.', 'SRV'], rcode: 'NXDOMAIN' },
  { name: 'pod A record, pods insecure', q: ['10-244-9-9.default.pod.cluster.local.', 'A'], rcode: 'NOERROR', answers: ['10-244-9-9.default.pod.cluster.local. 30 A 10.244.9.9'] },
  { name: 'pod A record in a missing namespace', q: ['10-244-9-9.nope.pod.cluster.local.', 'A'], rcode: 'NXDOMAIN' },
  { name: 'namespace name = NODATA', q: ['default.svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: [], authority: [SOA] },
  { name: 'svc.cluster.local = NODATA', q: ['svc.cluster.local.', 'A'], rcode: 'NOERROR', answers: [], authority: [SOA] },
  { name: 'missing service = NXDOMAIN + SOA', q: ['nope.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN', answers: [], authority: [SOA] },
  { name: 'missing namespace = NXDOMAIN', q: ['howe.nope.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN', authority: [SOA] },
  { name: 'search-path miss (name.ns.ns.svc) = NXDOMAIN', q: ['howe.default.default.svc.cluster.local.', 'A'], rcode: 'NXDOMAIN' },
  { name: 'AAAA of an IPv4 service = NODATA', q: ['howe.default.svc.cluster.local.', 'AAAA'], rcode: 'NOERROR', answers: [], authority: [SOA] },
  { name: 'PTR of a ClusterIP', q: ['95.13.99.10.in-addr.arpa.', 'PTR'], rcode: 'NOERROR', answers: ['95.13.99.10.in-addr.arpa. 30 PTR howe.default.svc.cluster.local.'] },
  { name: 'PTR of kube-dns', q: ['10.0.96.10.in-addr.arpa.', 'PTR'], rcode: 'NOERROR', answers: ['10.0.96.10.in-addr.arpa. 30 PTR kube-dns.kube-system.svc.cluster.local.'] },
  { name: 'PTR of an endpoint pod IP', q: ['227.57.244.10.in-addr.arpa.', 'PTR'], rcode: 'NOERROR', answers: ['227.57.244.10.in-addr.arpa. 30 PTR 10-244-57-227.superhowe.default.svc.cluster.local.'] },
  { name: 'PTR of an unknown IP falls through to forward → SERVFAIL', q: ['9.9.9.10.in-addr.arpa.', 'PTR'], rcode: 'SERVFAIL', answers: [], aa: false },
  { name: 'out-of-zone name → forward → SERVFAIL', q: ['www.baidu.com.', 'A'], rcode: 'SERVFAIL', answers: [], authority: [], aa: false },
  { name: 'zone apex SOA', q: ['cluster.local.', 'SOA'], rcode: 'NOERROR', answers: [SOA] },
  { name: 'dns-version TXT', q: ['dns-version.cluster.local.', 'TXT'], rcode: 'NOERROR', answers: ['dns-version.cluster.local. 28800 TXT "1.1.0"'] },
  { name: 'invalid label under the zone = NXDOMAIN', q: ['foo.cluster.local.', 'A'], rcode: 'NXDOMAIN' },
];

for (const c of cases) {
  test(`coredns: ${c.name}`, () => {
    const a = answerQuery(dnsFixtureStore(), topology, { name: c.q[0], type: c.q[1] }, { rng: new Random(1) });
    assert.equal(a.rcode, c.rcode);
    if (c.answers) assert.deepEqual(show(a.answers), [...c.answers].sort());
    if (c.authority) assert.deepEqual(show(a.authority), c.authority);
    if (c.additional) assert.deepEqual(show(a.additional), c.additional);
    assert.equal(a.authoritative, c.aa ?? true);
  });
}

test('coredns: SRV weight is floor(100/N): 3 endpoints → 33', () => {
  const a = answerQuery(dnsFixtureStore(), topology, { name: 'web.default.svc.cluster.local.', type: 'SRV' });
  // A ClusterIP service's plain SRV has one record per port: here one → 100.
  assert.deepEqual(a.answers.map((r) => r.data), ['0 100 80 web.default.svc.cluster.local.']);
  const ep = answerQuery(dnsFixtureStore(), topology, { name: '_http._tcp.web.default.svc.cluster.local.', type: 'SRV' });
  assert.equal(ep.answers.length, 1);
  const hl = answerQuery(dnsFixtureStore(), topology, { name: 'kube-dns.kube-system.svc.cluster.local.', type: 'SRV' });
  assert.deepEqual(hl.answers.map((r) => r.data).sort(), ['0 33 53 kube-dns.kube-system.svc.cluster.local.', '0 33 9153 kube-dns.kube-system.svc.cluster.local.']);
});

test('coredns: headless answer order is shuffled by the injected generator (loadbalance), deterministic per seed', () => {
  const orders = new Set<string>();
  for (let seed = 0; seed < 20; seed++) {
    const a = answerQuery(dnsFixtureStore(), topology, { name: 'superhowe.default.svc.cluster.local.', type: 'A' }, { rng: new Random(seed) });
    orders.add(a.answers.map((r) => r.data).join(','));
    const again = answerQuery(dnsFixtureStore(), topology, { name: 'superhowe.default.svc.cluster.local.', type: 'A' }, { rng: new Random(seed) });
    assert.deepEqual(again.answers, a.answers);
  }
  assert.equal(orders.size, 2);
});

test('coredns: forwarded and ExternalName lookups take the forward timeout', () => {
  assert.equal(answerQuery(dnsFixtureStore(), topology, { name: 'www.baidu.com', type: 'A' }).latencyMs, FORWARD_FAILURE_MS);
  assert.equal(answerQuery(dnsFixtureStore(), topology, { name: 'howe.default.svc.cluster.local', type: 'A' }).latencyMs, 0);
});

test('coredns: SOA serial is the newest object change', () => {
  const store = dnsFixtureStore([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default', creationTimestamp: '2024-09-10T04:32:26Z' }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 80 }] } }]);
  const a = answerQuery(store, topology, { name: 'nope.default.svc.cluster.local.', type: 'A' });
  assert.equal(a.authority[0]?.data.split(' ')[2], String(Date.parse('2024-09-10T04:32:26Z') / 1000));
});

test('coredns: a LoadBalancer or external IP has no PTR (svcIPIndexFunc indexes ClusterIPs only) → falls through → SERVFAIL', () => {
  const lb = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default', creationTimestamp: '2024-09-06T06:00:00Z' },
    spec: { type: 'LoadBalancer', clusterIP: '10.99.217.26', clusterIPs: ['10.99.217.26'], externalIPs: ['172.25.250.40'], ports: [{ port: 80 }] },
    status: { loadBalancer: { ingress: [{ ip: '172.25.250.50', ipMode: 'VIP' }] } } };
  for (const q of ['50.250.25.172.in-addr.arpa.', '40.250.25.172.in-addr.arpa.']) {
    assert.equal(answerQuery(dnsFixtureStore([lb]), topology, { name: q, type: 'PTR' }).rcode, 'SERVFAIL');
  }
  assert.deepEqual(answerQuery(dnsFixtureStore([lb]), topology, { name: '26.217.99.10.in-addr.arpa.', type: 'PTR' }).answers.map((r) => r.data), ['lb.default.svc.cluster.local.']);
});

test('coredns: a pod behind two services has two PTR names, in slice insertion order 7 times in 8 (Go map rotation)', () => {
  const second = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'zz-other', namespace: 'default', creationTimestamp: '2024-09-06T07:00:00Z' }, spec: { clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }] } },
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', metadata: { name: 'zz-other-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'zz-other' }, creationTimestamp: '2024-09-06T07:00:00Z' },
      endpoints: [{ addresses: ['10.244.57.227'], conditions: { ready: true } }], ports: [{ port: 80 }] },
  ];
  const counts = new Map<string, number>();
  for (let seed = 0; seed < 800; seed++) {
    const a = answerQuery(dnsFixtureStore(second), topology, { name: '227.57.244.10.in-addr.arpa.', type: 'PTR' }, { rng: new Random(seed) });
    const order = a.answers.map((r) => r.data.split('.')[1]).join(',');
    counts.set(order, (counts.get(order) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort(), ['superhowe,zz-other', 'zz-other,superhowe']);
  // Expected 700 of 800 (7/8); the binomial 99.9% band is about ±30.
  assert.ok(Math.abs(counts.get('superhowe,zz-other')! - 700) < 35, JSON.stringify([...counts]));
});
