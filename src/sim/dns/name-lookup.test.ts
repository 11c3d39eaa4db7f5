import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHostVia, reverseLookupVia, sourceResolvConf } from './name-lookup.ts';
import { fakeSimulation, fakeTransport, clientPod } from './lab-dns-fixture.ts';
import type { Source } from '../network/source.ts';

const pod: Source = { kind: 'pod', pod: 'test', namespace: 'default', node: 'k8s-node1', ip: '10.244.1.9' };
const node: Source = { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' };
const host: Source = { kind: 'host', ip: '172.25.250.200', hosts: new Map([['www.exam.com', '172.25.250.50']]) };

// Reference §4.3 (search list, ndots:5) and the contract: host = /etc/hosts only, node = lab names only.
const cases: { name: string; source: Source; query: string; ips?: string[]; asked: string[]; extra?: Record<string, unknown> }[] = [
  { name: 'pod: bare headless name hits the first search domain', source: pod, query: 'superhowe', ips: ['10.244.57.226', '10.244.57.227'], asked: ['superhowe.default.svc.cluster.local.'] },
  { name: 'pod: service.namespace walks to svc.cluster.local', source: pod, query: 'kube-dns.kube-system', ips: ['10.96.0.10'], asked: ['kube-dns.kube-system.default.svc.cluster.local.', 'kube-dns.kube-system.svc.cluster.local.'] },
  { name: 'pod: absolute name is asked once', source: pod, query: 'howe.default.svc.cluster.local.', ips: ['10.99.13.95'], asked: ['howe.default.svc.cluster.local.'] },
  { name: 'pod: outside name walks the whole list, then SERVFAIL', source: pod, query: 'www.baidu.com', asked: ['www.baidu.com.default.svc.cluster.local.', 'www.baidu.com.svc.cluster.local.', 'www.baidu.com.cluster.local.', 'www.baidu.com.'] },
  { name: 'pod: ExternalName gives only a CNAME, so no address', source: pod, query: 'baidu', asked: ['baidu.default.svc.cluster.local.', 'baidu.svc.cluster.local.', 'baidu.cluster.local.', 'baidu.'] },
  { name: 'pod: its own name comes from the kubelet hosts file', source: pod, query: 'test', ips: ['10.244.1.9'], asked: [] },
  { name: 'pod: IP literal needs no lookup', source: pod, query: '10.96.0.1', ips: ['10.96.0.1'], asked: [] },
  { name: 'node: lab node name from /etc/hosts', source: node, query: 'k8s-node2', ips: ['172.25.250.20'], asked: [] },
  { name: 'node: cluster names do not resolve (no CoreDNS on nodes)', source: node, query: 'howe.default.svc.cluster.local', asked: [] },
  { name: 'host: /etc/hosts entry', source: host, query: 'www.exam.com', ips: ['172.25.250.50'], asked: [] },
  { name: 'host: anything else fails', source: host, query: 'myappv1.exam.com', asked: [] },
  { name: 'hostNetwork pod uses the node resolver', source: { ...pod, pod: 'hn' }, query: 'howe', asked: [], extra: { hostNetwork: true } },
];

for (const c of cases) {
  test(`resolve: ${c.name}`, async () => {
    const sim = fakeSimulation([clientPod(), clientPod('hn', '172.25.250.10', c.extra ?? {})]);
    const r = await resolveHostVia(fakeTransport, sim, c.source, c.query);
    assert.equal(r.ok, c.ips !== undefined);
    if (r.ok) assert.deepEqual([...r.ips].sort(), c.ips);
    // getaddrinfo(AF_UNSPEC) asks A and AAAA for every candidate (glibc T_QUERY_A_AND_AAAA).
    assert.deepEqual(r.exchanges.map((e) => `${e.question.name} ${e.question.type}`), c.asked.flatMap((n) => [`${n} A`, `${n} AAAA`]));
  });
}

test('resolve: a DNS timeout ends the walk', async () => {
  const sim = fakeSimulation([clientPod()]);
  const r = await resolveHostVia(async () => ({ failure: 'timeout' }), sim, pod, 'howe');
  assert.deepEqual(r, { ok: false, exchanges: [] });
});

test('reverse lookup: endpoint name via PTR, own IP via hosts, unknown → none', async () => {
  const sim = fakeSimulation([clientPod()]);
  assert.equal((await reverseLookupVia(fakeTransport, sim, pod, '10.244.57.227')).name, '10-244-57-227.superhowe.default.svc.cluster.local');
  assert.equal((await reverseLookupVia(fakeTransport, sim, pod, '10.96.0.10')).name, 'kube-dns.kube-system.svc.cluster.local');
  assert.equal((await reverseLookupVia(fakeTransport, sim, pod, '10.244.1.9')).name, 'test');
  assert.equal((await reverseLookupVia(fakeTransport, sim, pod, '10.244.9.9')).name, undefined);
});

test('resolv.conf only for ClusterFirst pods', () => {
  const sim = fakeSimulation([clientPod()]);
  assert.equal(sourceResolvConf(sim, pod)?.nameservers[0], '10.96.0.10');
  assert.equal(sourceResolvConf(sim, node), undefined);
  assert.equal(sourceResolvConf(sim, host), undefined);
});
