import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Where } from '../cluster/cluster.ts';
import type { Service } from '../model/core.ts';
import { createSimulatedCluster } from '../cluster/simulator/simulated-cluster.ts';
import { createWireCluster } from './wire-cluster.ts';
import { probeDnsTraffic } from './dns-traffic-probe.ts';

const workdir = () => mkdtempSync(join(tmpdir(), 'kubelab-wire-dns-'));
const SETUP = ['kubectl create deployment howe --image=myapp:v1 --replicas=2', 'kubectl expose deployment howe --port=80', 'kubectl expose deployment howe --name=superhowe --port=80 --cluster-ip=None'];
const master: Where = { kind: 'node', node: 'k8s-master' };

// Expected answers: tutorial 4.1/4.2 and reference k8s-services.md §4 (A = cluster IP, headless = pod IPs, NXDOMAIN with the zone SOA);
// where they travel: dig/nslookup on nodes and the client host over real UDP (TCP with +tcp), pods in process.
const cases: { name: string; where: Where; line: string; exit: number; rcode?: string; a?: 'clusterIP' | number; soa?: boolean; udp: number; tcp: number; firstHop?: RegExp; stdout?: RegExp }[] = [
  { name: 'node: service name → its cluster IP, over UDP', where: master, line: 'dig howe.default.svc.cluster.local. @10.96.0.10', exit: 0, rcode: 'NOERROR', a: 'clusterIP', udp: 1, tcp: 0, firstHop: /k8s-master/ },
  { name: 'node: +tcp goes over TCP', where: master, line: 'dig +tcp howe.default.svc.cluster.local. @10.96.0.10', exit: 0, rcode: 'NOERROR', a: 'clusterIP', udp: 0, tcp: 1 },
  { name: 'node: unknown name → NXDOMAIN with the SOA, over UDP', where: master, line: 'dig nobody.default.svc.cluster.local. @10.96.0.10', exit: 0, rcode: 'NXDOMAIN', a: 0, soa: true, udp: 1, tcp: 0 },
  { name: 'node: headless → both pod IPs', where: master, line: 'dig superhowe.default.svc.cluster.local. @10.96.0.10', exit: 0, rcode: 'NOERROR', a: 2, udp: 1, tcp: 0 },
  { name: 'another node: the served DNS answers from that node (correlated source)', where: { kind: 'node', node: 'k8s-node1' }, line: 'dig +short howe.default.svc.cluster.local @10.96.0.10', exit: 0, rcode: 'NOERROR', a: 'clusterIP', udp: 1, tcp: 0, firstHop: /k8s-node1/ },
  { name: 'node: BIND nslookup asks A then AAAA, both over UDP', where: master, line: 'nslookup howe.default.svc.cluster.local 10.96.0.10', exit: 0, rcode: 'NOERROR', udp: 2, tcp: 0 },
  // The client host has no route to cluster IPs: the query goes out, serve mode stays silent as the simulated network does.
  { name: 'client host → cluster DNS: no route, silence, dig times out', where: { kind: 'host' }, line: 'dig howe.default.svc.cluster.local @10.96.0.10', exit: 9, udp: 0, tcp: 0, stdout: /connection timed out; no servers could be reached/ },
  { name: 'pod: stays in process (a socket cannot carry the pod as source)', where: { kind: 'pod' }, line: 'nslookup howe', exit: 0, udp: 0, tcp: 0, stdout: /Address 1: 10\.\d+\.\d+\.\d+ howe\.default\.svc\.cluster\.local/ },
];

test('wire DNS: dig and nslookup from nodes and the client host cross real sockets; answers as on the simulator', async () => {
  const probe = probeDnsTraffic(() => lab.dnsAddress?.port);
  await using cluster = await createWireCluster({ seed: 5 });
  const lab = await cluster.served();
  const wd = workdir();
  for (const line of SETUP) assert.equal((await cluster.run(line, { kind: 'host' }, wd)).exitCode, 0, line);
  const clusterIP = ((await cluster.get('Service', 'howe', 'default')) as Service).spec.clusterIP;
  try {
    for (const c of cases) {
      const before = probe.now();
      const issued = lab.dnsCorrelation.issued;
      const result = await cluster.run(c.line, c.where, wd);
      const after = probe.now();
      assert.equal(result.exitCode, c.exit, `${c.name}\n${result.stdout}${result.stderr}`);
      assert.equal(after.udpReplies - before.udpReplies, c.udp, `${c.name}: DNS replies received over UDP`);
      assert.equal(after.tcpConnections - before.tcpConnections, c.tcp, `${c.name}: TCP connections to the served DNS`);
      const wireQueries = c.where.kind === 'host' ? 1 : c.udp + c.tcp;
      assert.equal(lab.dnsCorrelation.issued - issued, wireQueries, `${c.name}: queries sent over the wire`);
      if (c.stdout) assert.match(result.stdout, c.stdout, c.name);
      const answer = result.dns[0];
      if (c.rcode) assert.equal(answer?.rcode, c.rcode, c.name);
      const a = answer?.answers.filter((r) => r.type === 'A').map((r) => r.data) ?? [];
      if (c.a === 'clusterIP') assert.deepEqual(a, [clusterIP], c.name);
      else if (c.a !== undefined) assert.equal(a.length, c.a, c.name);
      if (c.soa) assert.match(answer?.authority[0]?.data ?? '', /^ns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30$/, c.name);
      if (c.firstHop) assert.match(JSON.stringify(answer?.trace[0] ?? {}), c.firstHop, `${c.name}: the trace is the simulated one`);
    }
  } finally {
    probe.stop();
  }
});

test('wire DNS: same seed, same dig and nslookup output and the same DNS records as the simulator backend', async () => {
  const lines: [string, Where][] = [
    ['dig superhowe.default.svc.cluster.local. @10.96.0.10', master], ['dig +tcp superhowe.default.svc.cluster.local. @10.96.0.10', master],
    ['dig -x 10.96.0.10 @10.96.0.10', master], ['dig nobody.default.svc.cluster.local. @10.96.0.10', master],
    ['nslookup superhowe.default.svc.cluster.local 10.96.0.10', { kind: 'node', node: 'k8s-node2' }], ['nslookup superhowe', { kind: 'pod' }],
  ];
  const transcript = async (cluster: { run: (l: string, w: Where, d: string) => Promise<{ stdout: string; dns: unknown[] }> }) => {
    const wd = workdir();
    for (const line of SETUP) await cluster.run(line, { kind: 'host' }, wd);
    const out: { stdout: string; dns: unknown[] }[] = [];
    for (const [line, where] of lines) for (let i = 0; i < 2; i++) { const r = await cluster.run(line, where, wd); out.push({ stdout: r.stdout, dns: r.dns }); }
    return out;
  };
  await using wire = await createWireCluster({ seed: 9 });
  await using sim = createSimulatedCluster({ seed: 9 });
  const [overWire, inProcess] = [await transcript(wire), await transcript(sim)];
  for (const [i, r] of overWire.entries()) assert.deepEqual(r, inProcess[i], `${lines[Math.floor(i / 2)]![0]} (run ${(i % 2) + 1})`);
});
