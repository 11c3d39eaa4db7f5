import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpRequestRecord } from '../../cluster/exchanges.ts';
import type { AppProcess } from '../apps/app.ts';
import type { Simulation } from '../simulation.ts';
import { sendHttpWith, TLS_WRONG_VERSION } from './http-core.ts';
import { sendDnsWith } from './dns-transport-core.ts';
import { labEnv, listener, netLab } from './net-fixture.ts';
import type { Source } from './source.ts';
import { service } from '../kube-proxy/test-fixtures.ts';

const HOST: Source = { kind: 'host', ip: '172.25.250.200', hosts: new Map() };
const POD: Source = { kind: 'pod', pod: 'client', namespace: 'default', node: 'k8s-node1', ip: '10.244.1.20' };

function web(name: string): AppProcess {
  return listener(['80/TCP', '443/TCP'], {
    tls: (port) => (port === 443 ? { certificateFor: (sni) => ({ certPem: `PEM for ${sni ?? '(no sni)'}`, trace: [{ component: 'app', decision: 'tls' }] }) } : undefined),
    http: async (req) => ({
      response: { status: 200, reason: 'OK', headers: { server: 'nginx/1.12.2' }, body: `${name} ${req.ip}:${req.port}${req.path}` },
      servedBy: { pod: name, namespace: 'default' },
      trace: [{ component: 'app', decision: `${name} answered` }],
    }),
  });
}

function lab(seed = 1) {
  const sim = netLab(seed, { 'howe-1': web('howe-1'), 'howe-2': web('howe-2') }) as NetSimWithWarnings;
  sim.warnings = [];
  return sim as unknown as Simulation;
}
type NetSimWithWarnings = ReturnType<typeof netLab> & { warnings: string[] };

const request = (ip: string, port: number, scheme: 'http' | 'https' = 'http', sni?: string): HttpRequestRecord => ({
  method: 'GET', scheme, ip, port, path: '/hostname.html', headers: { host: ip, 'user-agent': 'curl/7.76.1', accept: '*/*' }, ...(sni ? { sni } : {}),
});

test('http through a NodePort reaches a pod, which sees the request on its own address', async () => {
  const ex = await sendHttpWith(labEnv(), lab(), HOST, request('172.25.250.100', 30080));
  assert.equal(ex.failure, undefined);
  assert.equal(ex.response?.status, 200);
  assert.match(ex.response!.body, /^howe-[12] 10\.244\.(1\.8|2\.11):80\/hostname\.html$/);
  assert.equal(ex.backendRequest?.port, 80);
  assert.ok(ex.servedBy?.pod.startsWith('howe-'));
  assert.deepEqual(ex.trace.map((h) => h.component), ['kube-proxy', 'network', 'app']);
});

const FAILURES: { name: string; from: Source; ip: string; port: number; timeoutMs?: number; scheme?: 'https'; kind: string; message: string }[] = [
  { name: 'refused', from: HOST, ip: '172.25.250.100', port: 8080, kind: 'refused', message: 'Failed to connect to 172.25.250.100 port 8080: Connection refused' },
  { name: 'no route', from: HOST, ip: '172.25.250.77', port: 80, kind: 'unreachable', message: 'Failed to connect to 172.25.250.77 port 80: No route to host' },
  { name: 'no route but the client gives up first', from: HOST, ip: '172.25.250.77', port: 80, timeoutMs: 2000, kind: 'timeout', message: 'Connection timed out after 2001 milliseconds' },
  { name: 'timeout clamped by the client', from: HOST, ip: '10.98.224.15', port: 80, timeoutMs: 5000, kind: 'timeout', message: 'Connection timed out after 5001 milliseconds' },
  { name: 'kernel SYN timeout', from: HOST, ip: '10.98.224.15', port: 80, kind: 'timeout', message: 'Failed to connect to 10.98.224.15 port 80: Connection timed out' },
  { name: 'https to a plain-HTTP port', from: POD, ip: '10.244.1.8', port: 80, scheme: 'https', kind: 'tls', message: TLS_WRONG_VERSION },
];

for (const c of FAILURES) {
  test(`http failure: ${c.name}`, async () => {
    const ex = await sendHttpWith(labEnv(), lab(), c.from, request(c.ip, c.port, c.scheme ?? 'http'), c.timeoutMs === undefined ? {} : { timeoutMs: c.timeoutMs });
    assert.deepEqual(ex.failure, { kind: c.kind, message: c.message });
    assert.equal(ex.response, undefined);
  });
}

test('https: the certificate for the SNI name goes into the exchange', async () => {
  const ex = await sendHttpWith(labEnv(), lab(), POD, request('10.244.1.8', 443, 'https', 'www.exam.com'));
  assert.equal(ex.tls?.certPem, 'PEM for www.exam.com');
  assert.equal(ex.response?.status, 200);
});

test('a listener without an HTTP handler closes without a reply (no response, no failure)', async () => {
  const ex = await sendHttpWith(labEnv(), lab(), POD, request('10.96.0.10', 53));
  assert.equal(ex.failure, undefined);
  assert.equal(ex.response, undefined);
});

test('dns over UDP through kube-dns reaches CoreDNS with the pod as client', () => {
  const sim = netLab(1, {
    'coredns-a': listener(['53/UDP'], { dns: (q) => ({ question: { name: q.name, type: q.type }, rcode: 'NOERROR', answers: [{ name: q.name, type: 'A', ttl: 30, class: 'IN', data: q.clientIP }], authority: [], additional: [] }) }),
    'coredns-b': listener(['53/UDP'], { dns: (q) => ({ question: { name: q.name, type: q.type }, rcode: 'NOERROR', answers: [{ name: q.name, type: 'A', ttl: 30, class: 'IN', data: q.clientIP }], authority: [], additional: [] }) }),
  }) as unknown as Simulation;
  const ex = sendDnsWith(labEnv(), sim, POD, '10.96.0.10', 53, { name: 'howe.default.svc.cluster.local.', type: 'A' });
  assert.ok(!('failure' in ex));
  assert.equal(ex.server, '10.96.0.10');
  assert.equal(ex.answers[0]?.data, '10.244.1.20');
  assert.equal(ex.trace[0]?.component, 'kube-proxy');
});

const DNS_FAILURES: { name: string; from: Source; server: string; port?: number; expect: 'timeout' | 'refused' }[] = [
  { name: 'UDP service without endpoints → refused', from: POD, server: '10.100.0.14', expect: 'refused' },
  { name: 'TCP-only service asked over UDP → no rule → timeout (iptables)', from: POD, server: '10.100.0.13', expect: 'timeout' },
  { name: 'cluster IP from the host → timeout', from: HOST, server: '10.96.0.10', expect: 'timeout' },
  { name: 'a UDP port nobody listens on → refused (ICMP port unreachable)', from: POD, server: '10.244.1.8', expect: 'refused' },
];
for (const c of DNS_FAILURES) {
  test(`dns failure: ${c.name}`, () => {
    const sim = netLab();
    sim.store.put(service('default', 'dns-empty', { type: 'ClusterIP', clusterIP: '10.100.0.14', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }));
    assert.deepEqual(sendDnsWith(labEnv(), sim as unknown as Simulation, c.from, c.server, c.port ?? 53, { name: 'x.', type: 'A' }), { failure: c.expect });
  });
}
