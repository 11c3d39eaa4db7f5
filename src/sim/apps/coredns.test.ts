import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corednsImage, CoreDnsProcess } from './coredns.ts';
import { fakeSimulation } from '../dns/lab-dns-fixture.ts';
import type { Pod } from '../../model/core.ts';

const pod = (image: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'coredns-abc', namespace: 'kube-system' }, spec: { containers: [{ name: 'coredns', image }] } });

const images: [string, boolean][] = [
  ['registry.k8s.io/coredns/coredns:v1.11.3', true],
  ['reg.exam.com/coredns/coredns:v1.11.1', true],
  ['coredns/coredns:v1.11.3', true],
  ['registry.k8s.io/coredns/coredns:v1.10.1', false],
  ['registry.k8s.io/coredns:v1.11.3', false],
];
for (const [image, ok] of images) test(`coredns image matches ${image}: ${ok}`, () => assert.equal(corednsImage.matches(image), ok));

test('coredns listens on 53 UDP+TCP and 9153/TCP (kubeadm manifest), not 9153/UDP', () => {
  const p = corednsImage.start(pod('registry.k8s.io/coredns/coredns:v1.11.3'), fakeSimulation());
  assert.deepEqual([p.listens(53, 'UDP'), p.listens(53, 'TCP'), p.listens(9153, 'TCP'), p.listens(9153, 'UDP'), p.listens(80, 'TCP')], [true, true, true, false, false]);
});

test('coredns process answers DNS from the store', () => {
  const p = new CoreDnsProcess('1.11.3', 'coredns-abc');
  const a = p.dns({ name: 'howe.default.svc.cluster.local', type: 'A', clientIP: '10.244.1.9' }, fakeSimulation());
  assert.equal(a.rcode, 'NOERROR');
  assert.deepEqual(a.answers.map((r) => r.data), ['10.99.13.95']);
  assert.equal(a.trace?.[0]?.details?.pod, 'coredns-abc');
});

test('coredns health and ready endpoints', async () => {
  const p = new CoreDnsProcess('1.11.3', 'c');
  const req = (port: number, path: string) => ({ method: 'GET', scheme: 'http' as const, ip: '10.244.0.2', port, path, headers: {} });
  assert.equal((await p.http(req(8080, '/health'))).response.body, 'OK');
  assert.equal((await p.http(req(8181, '/ready'))).response.status, 200);
  assert.equal((await p.http(req(8080, '/nope'))).response.status, 404);
});
