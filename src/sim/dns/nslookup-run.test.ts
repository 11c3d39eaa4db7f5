import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runNslookup, type NslookupDeps } from './nslookup-run.ts';
import { fakeSimulation, fakeTransport } from './lab-dns-fixture.ts';
import { clusterFirstConf } from './resolv-conf.ts';
import { assertGolden } from './golden.ts';
import type { Source } from '../network/source.ts';

const node: Source = { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' };

function deps(style: 'busybox' | 'bind', seed = 1): NslookupDeps {
  const sim = fakeSimulation([], seed);
  return {
    style,
    query: (server, q) => fakeTransport(sim, node, server, 53, q),
    resolvConf: style === 'busybox' ? clusterFirstConf(sim.topology, 'default') : undefined,
    hosts: new Map([['localhost', '127.0.0.1'], ['test', '10.244.1.9']]),
    advance: () => {},
  };
}

// Goldens: the tutorial's busybox transcript (4.2, seed 1 shuffles .227 first as the tutorial shows) and BIND 9.16's layout.
const goldens: { name: string; style: 'busybox' | 'bind'; args: string[]; golden: string; exit: number }[] = [
  { name: 'busybox nslookup superhowe (tutorial 4.2)', style: 'busybox', args: ['superhowe'], golden: 'nslookup-busybox-tutorial-4.2.txt', exit: 0 },
  { name: 'bind nslookup on a node with the server given', style: 'bind', args: ['howe.default.svc.cluster.local', '10.96.0.10'], golden: 'nslookup-bind-clusterip.txt', exit: 0 },
  { name: 'bind nslookup NXDOMAIN', style: 'bind', args: ['nope.default.svc.cluster.local', '10.96.0.10'], golden: 'nslookup-bind-nxdomain.txt', exit: 1 },
];

for (const g of goldens) {
  test(`nslookup: ${g.name}`, async () => {
    const r = await runNslookup(g.args, deps(g.style));
    assert.equal(r.exitCode, g.exit);
    assertGolden(new URL(`testdata/${g.golden}`, import.meta.url), r.stdout);
  });
}

const cases: { name: string; style: 'busybox' | 'bind'; args: string[]; exit: number; stdout?: string; stderr?: string; contains?: string }[] = [
  { name: 'busybox: unknown name → can\'t resolve on stderr', style: 'busybox', args: ['nope'], exit: 1, stderr: "nslookup: can't resolve 'nope'\n", contains: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' },
  { name: 'busybox: ClusterIP service with its PTR name', style: 'busybox', args: ['howe'], exit: 0, contains: 'Name:      howe\nAddress 1: 10.99.13.95 howe.default.svc.cluster.local\n' },
  { name: 'busybox: address without a PTR has no name', style: 'busybox', args: ['10-244-9-9.default.pod.cluster.local'], exit: 0, contains: 'Address 1: 10.244.9.9\n' },
  { name: 'busybox: own pod name from /etc/hosts', style: 'busybox', args: ['test'], exit: 0, contains: 'Name:      test\nAddress 1: 10.244.1.9 test\n' },
  { name: 'busybox: unreachable explicit server', style: 'busybox', args: ['howe', '172.25.250.1'], exit: 1, stdout: 'Server:    172.25.250.1\nAddress 1: 172.25.250.1\n\n', stderr: "nslookup: can't resolve 'howe'\n" },
  { name: 'bind: no DNS server on a node → timeout', style: 'bind', args: ['howe.default.svc.cluster.local'], exit: 1, stdout: ';; connection timed out; no servers could be reached\n' },
  { name: 'bind: reverse lookup', style: 'bind', args: ['10.96.0.10', '10.96.0.10'], exit: 0, contains: '10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n' },
  // nslookup.c: the AAAA lookup goes to the end of the CNAME chain; forward fails there, so the SERVFAIL is printed and the exit is 1.
  { name: 'bind: ExternalName prints the canonical name, then the target\'s AAAA failure', style: 'bind', args: ['baidu.default.svc.cluster.local', '10.96.0.10'], exit: 1,
    stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nbaidu.default.svc.cluster.local\tcanonical name = www.baidu.com.\n** server can\'t find www.baidu.com: SERVFAIL\n\n' },
  { name: 'bind: a name without A records: No answer', style: 'bind', args: ['default.svc.cluster.local', '10.96.0.10'], exit: 0, contains: "*** Can't find default.svc.cluster.local: No answer\n" },
  { name: 'bind: outside name → SERVFAIL', style: 'bind', args: ['www.baidu.com', '10.96.0.10'], exit: 1, contains: "** server can't find www.baidu.com: SERVFAIL\n" },
  { name: 'options are reported', style: 'bind', args: ['-type=srv', 'x'], exit: 1 },
];

for (const c of cases) {
  test(`nslookup: ${c.name}`, async () => {
    const r = await runNslookup(c.args, deps(c.style));
    assert.equal(r.exitCode, c.exit, r.stdout + r.stderr);
    if (c.stdout !== undefined) assert.equal(r.stdout, c.stdout);
    if (c.stderr !== undefined) assert.equal(r.stderr, c.stderr);
    if (c.contains !== undefined) assert.ok(r.stdout.includes(c.contains), r.stdout);
  });
}

test('nslookup (BIND): the default lookup asks A, then AAAA for the same name', async () => {
  const r = await runNslookup(['howe.default.svc.cluster.local', '10.96.0.10'], deps('bind'));
  assert.deepEqual(r.dns.map((e) => `${e.question.name} ${e.question.type}`), ['howe.default.svc.cluster.local. A', 'howe.default.svc.cluster.local. AAAA']);
});
