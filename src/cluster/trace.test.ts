/** Trace rendering: numbered hops under the request, then the outcome; failures and proxy answers named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDnsTrace, formatHttpTrace, formatTraces } from './trace.ts';
import type { HttpExchange } from './exchanges.ts';

const request = { method: 'GET', scheme: 'http' as const, ip: '172.25.250.50', port: 80, path: '/', headers: { host: 'www.exam.com' } };
const hops = [
  { component: 'metallb', decision: '172.25.250.50 is announced from node k8s-node2 (layer2)' },
  { component: 'ingress-nginx', decision: 'canary: primary (math.random(100) = 84 > weight 10)' },
];

const cases: { name: string; exchange: HttpExchange; expected: string }[] = [
  {
    name: 'a response from a pod',
    exchange: { request, trace: hops, response: { status: 200, reason: 'OK', headers: {}, body: '' }, servedBy: { pod: 'myapp-v1-x', namespace: 'default' } },
    expected: [
      'GET http://www.exam.com/ → 172.25.250.50:80',
      '  1. metallb        172.25.250.50 is announced from node k8s-node2 (layer2)',
      '  2. ingress-nginx  canary: primary (math.random(100) = 84 > weight 10)',
      '   = 200 OK from pod default/myapp-v1-x',
    ].join('\n'),
  },
  {
    name: 'an answer the proxy made itself',
    exchange: { request, trace: [], response: { status: 404, reason: 'Not Found', headers: {}, body: '' } },
    expected: 'GET http://www.exam.com/ → 172.25.250.50:80\n   = 404 Not Found (answered by the proxy itself)',
  },
  {
    name: 'a network failure',
    exchange: { request, trace: [], failure: { kind: 'refused', message: 'Failed to connect to 172.25.250.50 port 80: Connection refused' } },
    expected: 'GET http://www.exam.com/ → 172.25.250.50:80\n   = no response: Failed to connect to 172.25.250.50 port 80: Connection refused',
  },
];

for (const c of cases) {
  test(`http trace: ${c.name}`, () => assert.equal(formatHttpTrace(c.exchange), c.expected));
}

test('dns trace lists the answers; formatTraces prefixes each block with its command', () => {
  const dns = { server: '10.96.0.10', question: { name: 'howe.default.svc.cluster.local.', type: 'A' }, rcode: 'NOERROR' as const, answers: [{ name: 'howe.default.svc.cluster.local.', type: 'A', ttl: 30, class: 'IN' as const, data: '10.99.13.95' }], authority: [], additional: [], trace: [{ component: 'coredns', decision: 'ClusterIP service default/howe' }] };
  assert.equal(formatDnsTrace(dns), 'DNS A howe.default.svc.cluster.local. @10.96.0.10\n  1. coredns  ClusterIP service default/howe\n   = NOERROR: A 10.99.13.95');
  assert.match(formatTraces([{ command: 'dig howe', dns: [dns], http: [] }]), /^\$ dig howe\nDNS A howe/);
  assert.equal(formatTraces([{ command: 'true', dns: [], http: [] }]), '');
});
