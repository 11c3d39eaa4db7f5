import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service } from '../model/core.ts';
import { createWireCluster } from './wire-cluster.ts';

const workdir = () => mkdtempSync(join(tmpdir(), 'kubelab-wire-'));

test('WireCluster: the client host curls a NodePort over a real socket; nodes and pods stay in process', async () => {
  await using cluster = await createWireCluster({ seed: 3 });
  assert.equal(cluster.info.backend, 'wire');
  const wd = workdir();
  for (const line of ['kubectl create deployment howe --image=myapp:v1 --replicas=2', 'kubectl expose deployment howe --port=80 --type=NodePort']) {
    assert.equal((await cluster.run(line, { kind: 'host' }, wd)).exitCode, 0, line);
  }
  const nodePort = ((await cluster.get('Service', 'howe', 'default')) as Service).spec.ports![0]!.nodePort!;
  const lab = await cluster.served();
  assert.ok(lab.addressOf('172.25.250.10', nodePort), 'the NodePort got a listener after the command that created it');
  const cases = [
    { name: 'host → NodePort', where: { kind: 'host' as const }, line: `curl -s 172.25.250.10:${nodePort}/hostname.html`, wire: 1, stdout: /^howe-[a-z0-9]+-[a-z0-9]{5}\n$/ },
    { name: 'host → cluster IP (unreachable: no socket)', where: { kind: 'host' as const }, line: 'curl -s --max-time 2 10.96.0.1', wire: 0, stdout: /^$/ },
    { name: 'node → NodePort', where: { kind: 'node' as const, node: 'k8s-node1' }, line: `curl -s 172.25.250.20:${nodePort}/`, wire: 0, stdout: /^Hello MyApp \| Version: v1/ },
  ];
  for (const c of cases) {
    const before = lab.correlation.issued;
    const result = await cluster.run(c.line, c.where, wd);
    assert.equal(lab.correlation.issued - before, c.wire, `${c.name}: requests over the wire`);
    assert.match(result.stdout, c.stdout, c.name);
    if (c.wire) {
      assert.equal(result.http[0]?.response?.status, 200, c.name);
      assert.match(result.http[0]?.servedBy?.pod ?? '', /^howe-/, `${c.name}: servedBy correlated`);
      assert.ok((result.http[0]?.trace.length ?? 0) > 0, `${c.name}: trace correlated`);
    }
  }
  const timedOut = await cluster.run('curl -s --max-time 2 10.96.0.1', { kind: 'host' }, wd);
  assert.equal(timedOut.exitCode, 28, 'a cluster IP from the client host times out as on the simulator');
});

test('WireCluster: same seed, same answers as the simulator backend (the wire does not shift random picks)', async () => {
  const { createSimulatedCluster } = await import('../cluster/simulator/simulated-cluster.ts');
  type Runner = { run: (l: string, w: { kind: 'host' }, d: string) => Promise<{ stdout: string }>; get: (k: string, n: string, ns?: string) => Promise<unknown> };
  const picks = async (cluster: Runner) => {
    const wd = workdir();
    await cluster.run('kubectl create deployment howe --image=myapp:v1 --replicas=3', { kind: 'host' }, wd);
    await cluster.run('kubectl expose deployment howe --port=80 --type=NodePort --name=howe', { kind: 'host' }, wd);
    const nodePort = ((await cluster.get('Service', 'howe', 'default')) as Service).spec.ports![0]!.nodePort!;
    const out: string[] = [];
    for (let i = 0; i < 6; i++) out.push((await cluster.run(`curl -s 172.25.250.100:${nodePort}/hostname.html`, { kind: 'host' }, wd)).stdout);
    return out;
  };
  await using wire = await createWireCluster({ seed: 11 });
  await using sim = createSimulatedCluster({ seed: 11 });
  const [a, b] = [await picks(wire), await picks(sim)];
  assert.deepEqual(a, b);
  assert.ok(new Set(a).size > 1, 'several pods answered');
});

test('WireCluster: HTTPS to kube-apiserver crosses the wire; curl verifies the certificate that really arrived', async () => {
  await using cluster = await createWireCluster({ seed: 2 });
  const lab = await cluster.served();
  const cases = [
    { name: 'curl -k accepts', line: 'curl -k -s https://172.25.250.100:6443/version', exitCode: 0, stdout: /"gitVersion": "v1\.31\.0"/ },
    { name: 'curl verifies and rejects (kubeadm CA unknown to the client host)', line: 'curl -s https://172.25.250.100:6443/version', exitCode: 60, stdout: /^$/ },
  ];
  for (const c of cases) {
    const before = lab.correlation.issued;
    const result = await cluster.run(c.line, { kind: 'host' }, workdir());
    assert.equal(result.exitCode, c.exitCode, c.name);
    assert.match(result.stdout, c.stdout, c.name);
    assert.equal(lab.correlation.issued - before, 1, `${c.name}: one request over the wire`);
    assert.match(result.http[0]?.tls?.certPem ?? '', /^-----BEGIN CERTIFICATE-----\n/, `${c.name}: the peer certificate captured from the socket`);
  }
});
