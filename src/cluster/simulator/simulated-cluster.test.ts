import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedCluster } from './simulated-cluster.ts';
import { HarnessError } from '../../errors.ts';
import type { ConfigMap } from '../../model/core.ts';

const workdir = () => mkdtempSync(join(tmpdir(), 'kubelab-cluster-'));

test('SimulatedCluster.info: backend, seed, modelled versions and the lab nodes', async () => {
  await using cluster = createSimulatedCluster({ seed: 42 });
  assert.equal(cluster.info.backend, 'simulator');
  assert.equal(cluster.info.seed, 42);
  assert.deepEqual(cluster.info.versions, { kubernetes: 'v1.31', metallb: 'v0.14.8', 'ingress-nginx': 'v1.11.x' });
  assert.deepEqual(cluster.info.nodes, [
    { name: 'k8s-master', ip: '172.25.250.100', role: 'control-plane' },
    { name: 'k8s-node1', ip: '172.25.250.10', role: 'worker' },
    { name: 'k8s-node2', ip: '172.25.250.20', role: 'worker' },
  ]);
});

const badSetups = [
  { name: 'bad flag next to a good mode', setup: { kubeProxyMode: 'ipvs' as const, apiServerFlags: ['--service-node-port-range=abc'] }, message: /--service-node-port-range/ },
  { name: 'bad pool next to good flags', setup: { apiServerFlags: ['--service-node-port-range=30000-40000'], metallbPool: 'nope' }, message: /MetalLB pool "nope"/ },
  { name: 'bad hosts entry next to a good mode', setup: { kubeProxyMode: 'ipvs' as const, hostsEntries: [{ name: 'www.exam.com', ip: 'x' }] }, message: /"x" is not an IPv4 address/ },
];
for (const c of badSetups) {
  test(`SimulatedCluster.configure is all-or-nothing: ${c.name}`, async () => {
    await using cluster = createSimulatedCluster({ seed: 1 });
    await assert.rejects(cluster.configure(c.setup), (e: unknown) => e instanceof HarnessError && e.code === 'INVALID_INPUT' && c.message.test(e.message));
    assert.deepEqual(cluster.simulation.config.serviceNodePortRange, { min: 30000, max: 32767 });
    const cm = (await cluster.get('ConfigMap', 'kube-proxy', 'kube-system')) as ConfigMap;
    assert.match(cm.data!['config.conf']!, /^mode: ""$/m);
    const hosts = await cluster.run('cat /etc/hosts', { kind: 'host' }, workdir());
    assert.doesNotMatch(hosts.stdout, /exam\.com/);
  });
}

test('SimulatedCluster.configure: flags, ipvs mode and /etc/hosts entries take effect', async () => {
  await using cluster = createSimulatedCluster({ seed: 1 });
  await cluster.configure({ kubeProxyMode: 'ipvs', apiServerFlags: ['--service-node-port-range=30000-40000'], hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] });
  assert.deepEqual(cluster.simulation.config.serviceNodePortRange, { min: 30000, max: 40000 });
  const ipvs = await cluster.run('ipvsadm -Ln', { kind: 'node', node: 'k8s-node1' }, workdir());
  assert.match(ipvs.stdout, /TCP  10\.96\.0\.1:443 rr/);
  const hosts = await cluster.run('cat /etc/hosts | grep exam', { kind: 'host' }, workdir());
  assert.equal(hosts.stdout, '172.25.250.50 www.exam.com\n');
  await cluster.configure({ kubeProxyMode: 'ipvs' }); // idempotent
  assert.match((await cluster.run('ipvsadm -Ln', { kind: 'node', node: 'k8s-node1' }, workdir())).stdout, /rr/);
});

test('SimulatedCluster.reset: a fresh lab, deterministic per seed and reset count', async () => {
  await using a = createSimulatedCluster({ seed: 5 });
  await using b = createSimulatedCluster({ seed: 5 });
  const names = async (c: typeof a) => (await c.list('Pod', 'kube-system')).map((p) => p.metadata.name);
  assert.deepEqual(await names(a), await names(b));
  await a.configure({ hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] });
  await a.run('echo hi > note.txt', { kind: 'host' }, workdir());
  const first = await names(a);
  await a.reset();
  await b.reset();
  assert.deepEqual(await names(a), await names(b));
  assert.notDeepEqual(await names(a), first, 'a reset uses a new derived seed');
  assert.doesNotMatch((await a.run('cat /etc/hosts', { kind: 'host' }, workdir())).stdout, /exam/);
});

test('SimulatedCluster.run: result records where and the command; AGE moves 1 s per program', async () => {
  await using cluster = createSimulatedCluster({ seed: 1 });
  const start = cluster.simulation.clock.now().getTime();
  const r = await cluster.run('echo a; echo b | grep b', { kind: 'node', node: 'k8s-master' }, workdir());
  assert.deepEqual([r.command, r.where, r.stdout, r.exitCode], ['echo a; echo b | grep b', { kind: 'node', node: 'k8s-master' }, 'a\nb\n', 0]);
  assert.equal(cluster.simulation.clock.now().getTime() - start, 3000);
  await assert.rejects(cluster.run('echo', { kind: 'node', node: 'nope' }, workdir()), /unknown node "nope"/);
});

test('SimulatedCluster: the MetalLB strictARP pipeline through kubectl, sed and kubectl apply -f -', async () => {
  await using cluster = createSimulatedCluster({ seed: 1 });
  await cluster.configure({ kubeProxyMode: 'ipvs' });
  const r = await cluster.run('kubectl get configmap kube-proxy -n kube-system -o yaml | sed -e "s/strictARP: false/strictARP: true/" | kubectl apply -f - -n kube-system', { kind: 'node', node: 'k8s-master' }, workdir());
  // kubectl apply on an object kubeadm created (no last-applied annotation) warns, as in MetalLB's docs.
  assert.match(r.stderr, /^Warning: resource configmaps\/kube-proxy is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout, /configmap\/kube-proxy configured/);
  const cm = (await cluster.get('ConfigMap', 'kube-proxy', 'kube-system')) as ConfigMap;
  assert.match(cm.data!['config.conf']!, /strictARP: true/);
});

test('SimulatedCluster: tutorial 4.3 — five curls to a NodePort from the client host alternate between the pods', async () => {
  await using cluster = createSimulatedCluster({ seed: 3 });
  await cluster.configure({ kubeProxyMode: 'ipvs' });
  const dir = workdir();
  const node = { kind: 'node', node: 'k8s-master' } as const;
  assert.equal((await cluster.run('kubectl create deployment howe --image myapp:v1 --replicas 2', node, dir)).exitCode, 0);
  const exposed = await cluster.run('kubectl expose deployment howe --port 80 --target-port 80 --type NodePort', node, dir);
  assert.equal(exposed.stdout, 'service/howe exposed\n');
  const svc = (await cluster.get('Service', 'howe', 'default')) as unknown as { spec: { ports: { nodePort: number }[] } };
  const r = await cluster.run(`for i in {1..5}; do curl -s 172.25.250.100:${svc.spec.ports[0]!.nodePort}/hostname.html; done`, { kind: 'host' }, dir);
  assert.equal(r.exitCode, 0);
  const names = r.stdout.trim().split('\n');
  assert.equal(names.length, 5);
  assert.equal(new Set(names).size, 2, 'both pods answer');
  // ipvs rr: consecutive requests through one node never hit the same pod twice in a row.
  for (let i = 1; i < names.length; i++) assert.notEqual(names[i], names[i - 1]);
  assert.equal(r.http.length, 5);
  assert.ok(r.http.every((x) => x.servedBy?.owner === undefined || x.servedBy.owner.includes('howe')));
});

test('SimulatedCluster: tutorial 4.5 — a MetalLB pool gives a LoadBalancer Service 172.25.250.50, reachable from the client host', async () => {
  await using cluster = createSimulatedCluster({ seed: 4 });
  await cluster.configure({ kubeProxyMode: 'ipvs', metallbPool: '172.25.250.50-172.25.250.99' });
  const cm = (await cluster.get('ConfigMap', 'kube-proxy', 'kube-system')) as ConfigMap;
  assert.match(cm.data!['config.conf']!, /strictARP: true/, 'MetalLB with IPVS needs strictARP');
  const dir = workdir();
  const node = { kind: 'node', node: 'k8s-master' } as const;
  await cluster.run('kubectl create deployment howe --image myapp:v1 --replicas 2', node, dir);
  const exposed = await cluster.run('kubectl expose deployment howe --port 80 --type LoadBalancer', node, dir);
  assert.equal(exposed.exitCode, 0, exposed.stderr);
  const r = await cluster.run('curl 172.25.250.50', { kind: 'host' }, dir);
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n', '', 0]);
  await cluster.configure({ metallbPool: '172.25.250.50-172.25.250.99' }); // idempotent
});

test('SimulatedCluster: ingress-nginx behind MetalLB — the fake certificate fails curl verification, -k passes', async () => {
  await using cluster = createSimulatedCluster({ seed: 6 });
  await cluster.configure({
    kubeProxyMode: 'ipvs', metallbPool: '172.25.250.50-172.25.250.99', ingressNginx: { serviceType: 'LoadBalancer' },
    hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }],
  });
  const dir = workdir();
  const secure = await cluster.run('curl https://www.exam.com', { kind: 'host' }, dir);
  assert.equal(secure.exitCode, 60);
  assert.match(secure.stderr, /^curl: \(60\) SSL certificate problem: self-signed certificate\nMore details here: https:\/\/curl\.se\/docs\/sslcerts\.html\n/);
  const insecure = await cluster.run('curl -kI https://www.exam.com', { kind: 'host' }, dir);
  assert.equal(insecure.exitCode, 0, insecure.stderr);
  assert.match(insecure.stdout, /^HTTP\/2 404 \r\n/, 'no Ingress yet: the controller answers 404 over h2');
});
