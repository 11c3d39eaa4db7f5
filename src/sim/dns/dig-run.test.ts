import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDig, DIG_GIVE_UP_MS, DIG_TCP_GIVE_UP_MS, type DigDeps } from './dig-run.ts';
import { fakeSimulation, fakeTransport } from './lab-dns-fixture.ts';
import { clusterFirstConf } from './resolv-conf.ts';
import { assertGolden } from './golden.ts';
import type { Source } from '../network/source.ts';

const node: Source = { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' };

function deps(opts: { pod?: boolean; refuse?: boolean } = {}): DigDeps & { elapsed: () => number; protocols: string[] } {
  const sim = fakeSimulation();
  const start = sim.clock.now().getTime();
  const protocols: string[] = [];
  return {
    protocols,
    query: async (server, port, q, o) => {
      protocols.push(o.protocol ?? 'udp');
      return opts.refuse ? { failure: 'refused' } : fakeTransport(sim, node, server, port, q, o);
    },
    resolvConf: opts.pod ? clusterFirstConf(sim.topology, 'default') : undefined,
    rng: sim.rng,
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
    elapsed: () => sim.clock.now().getTime() - start,
  };
}

const cases: { name: string; args: string[]; exit: number; contains?: string[]; stdout?: string; pod?: boolean; asked?: string[] }[] = [
  { name: 'tutorial 4.1 on a node with @10.96.0.10', args: ['howe.default.svc.cluster.local.', '@10.96.0.10'], exit: 0,
    contains: [';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ', ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n', 'howe.default.svc.cluster.local.\t30 IN\tA\t10.99.13.95\n', ';; SERVER: 10.96.0.10#53(10.96.0.10)\n', ';; MSG SIZE  rcvd: 117\n', ';; WARNING: .local is reserved for Multicast DNS\n'] },
  { name: 'headless answer size as in tutorial 4.2', args: ['superhowe.default.svc.cluster.local.', '@10.96.0.10'], exit: 0, contains: ['ANSWER: 2,', ';; MSG SIZE  rcvd: 178\n'] },
  { name: '+short prints rdata only', args: ['+short', 'howe.default.svc.cluster.local', '@10.96.0.10'], exit: 0, stdout: '10.99.13.95\n' },
  { name: 'no server on a node → timeout, exit 9', args: ['howe.default.svc.cluster.local'], exit: 9, stdout: '\n; <<>> DiG 9.16.23-RH <<>> howe.default.svc.cluster.local\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n' },
  { name: 'unreachable server → timeout', args: ['@172.25.250.1', 'howe.default.svc.cluster.local'], exit: 9, contains: [';; connection timed out; no servers could be reached'] },
  { name: 'NXDOMAIN still exits 0', args: ['nope.default.svc.cluster.local', '@10.96.0.10'], exit: 0, contains: ['status: NXDOMAIN', ';; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. '] },
  { name: '-x gives the PTR', args: ['-x', '10.96.0.10', '@10.96.0.10', '+short'], exit: 0, stdout: 'kube-dns.kube-system.svc.cluster.local.\n' },
  { name: 'SRV by positional type', args: ['@10.96.0.10', '_dns._udp.kube-dns.kube-system.svc.cluster.local', 'SRV', '+short'], exit: 0, stdout: '0 100 53 kube-dns.kube-system.svc.cluster.local.\n' },
  { name: 'without +search the bare name goes out as is', args: ['superhowe', '@10.96.0.10', '+short'], exit: 0, stdout: '', asked: ['superhowe.'] },
  { name: '+search walks the pod search list', args: ['superhowe', '+search', '+short'], exit: 0, pod: true, asked: ['superhowe.default.svc.cluster.local.'] },
  { name: 'out-of-zone name → SERVFAIL without aa', args: ['www.baidu.com', '@10.96.0.10'], exit: 0, contains: ['status: SERVFAIL', ';; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n', ';; Query time: 4001 msec\n'] },
  { name: 'unknown +option is dig\'s error', args: ['+bogus', 'x'], exit: 1 },
  { name: 'unmodelled real option is reported', args: ['+trace', 'x'], exit: 1 },
];

for (const c of cases) {
  test(`dig: ${c.name}`, async () => {
    const d = deps({ pod: c.pod ?? false });
    const r = await runDig(c.args, d);
    assert.equal(r.exitCode, c.exit, r.stdout + r.stderr);
    for (const part of c.contains ?? []) assert.ok(r.stdout.includes(part), `missing ${JSON.stringify(part)} in\n${r.stdout}`);
    if (c.stdout !== undefined) assert.equal(r.stdout, c.stdout);
    if (c.asked) assert.deepEqual(r.dns.map((e) => e.question.name), c.asked);
    if (c.exit === 1) assert.ok(r.stderr.length > 0);
  });
}

test('dig: a timeout costs 3 tries × 5 s of lab time', async () => {
  const d = deps();
  await runDig(['howe.default.svc.cluster.local'], d);
  assert.equal(d.elapsed(), DIG_GIVE_UP_MS);
});

// SRC: bind9 bin/dig/dighost.c (v9.16.23): +tcp/+vc set tcp_mode (TCP_TIMEOUT 10 s per try, 3 tries); a failed connect prints
// "Connection to ADDR#PORT(SERVER) for NAME failed: REASON." (connect_done), and the answer itself prints as over UDP.
const conn = (why: string) => `;; Connection to 172.25.250.1#53(172.25.250.1) for howe.default.svc.cluster.local. failed: ${why}.\n`;
const tcpCases: { name: string; args: string[]; refuse?: boolean; exit: number; elapsed?: number; stdout?: string; contains?: string[] }[] = [
  { name: '+tcp answers as over UDP', args: ['+tcp', 'howe.default.svc.cluster.local.', '@10.96.0.10'], exit: 0, elapsed: 1,
    contains: ['status: NOERROR', 'howe.default.svc.cluster.local.\t30 IN\tA\t10.99.13.95\n', ';; SERVER: 10.96.0.10#53(10.96.0.10)\n', ';; MSG SIZE  rcvd: 117\n'] },
  { name: '+vc is +tcp', args: ['+vc', '+short', 'howe.default.svc.cluster.local', '@10.96.0.10'], exit: 0, stdout: '10.99.13.95\n' },
  { name: '+tcp to a silent server: three 10 s tries', args: ['+tcp', '@172.25.250.1', 'howe.default.svc.cluster.local.'], exit: 9, elapsed: DIG_TCP_GIVE_UP_MS,
    stdout: `${conn('timed out')}${conn('timed out')}\n; <<>> DiG 9.16.23-RH <<>> +tcp @172.25.250.1 howe.default.svc.cluster.local.\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n${conn('timed out')}` },
  { name: '+tcp refused: one line, at once', args: ['+tcp', '@172.25.250.1', 'howe.default.svc.cluster.local.'], refuse: true, exit: 9, elapsed: 0, stdout: conn('connection refused') },
];
for (const c of tcpCases) {
  test(`dig: ${c.name}`, async () => {
    const d = deps({ refuse: c.refuse ?? false });
    const r = await runDig(c.args, d);
    assert.equal(r.exitCode, c.exit, r.stdout + r.stderr);
    assert.deepEqual(d.protocols, ['tcp'], 'the query went over TCP');
    if (c.elapsed !== undefined) assert.equal(d.elapsed(), c.elapsed);
    if (c.stdout !== undefined) assert.equal(r.stdout, c.stdout);
    for (const part of c.contains ?? []) assert.ok(r.stdout.includes(part), `missing ${JSON.stringify(part)} in\n${r.stdout}`);
  });
}

test('dig: without +tcp the query goes over UDP', async () => {
  const d = deps();
  await runDig(['howe.default.svc.cluster.local', '@10.96.0.10'], d);
  assert.deepEqual(d.protocols, ['udp']);
});

test('dig: full output through CoreDNS (golden, checked against the tutorial 4.1 layout)', async () => {
  assertGolden(new URL('testdata/dig-run-kubernetes.txt', import.meta.url), (await runDig(['kubernetes.default.svc.cluster.local', '@10.96.0.10'], deps())).stdout);
});
