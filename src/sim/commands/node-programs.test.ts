// Integration: the shell, where.ts and the node programs over a real Simulation (apiserver, workloads, dataplane areas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../simulation.ts';
import { runShell } from './shell-run.ts';
import { SHELL_PROGRAMS } from './shell-programs.ts';
import { resolveWhere } from './where.ts';
import { setKubeProxyMode } from '../kube-proxy-config.ts';
import { HarnessError } from '../../errors.ts';
import type { Where } from '../../cluster/cluster.ts';

function lab() {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubelab-node-'));
  const hosts = new Map<string, string>();
  const run = (line: string, where: Where = { kind: 'node', node: 'k8s-master' }) =>
    runShell(line, { sim, source: resolveWhere(sim, where, hosts), workdir, programs: SHELL_PROGRAMS });
  return { sim, run, hosts };
}

test('ipvsadm -Ln: empty table in iptables mode, the kubernetes virtual server in ipvs mode', async () => {
  const { sim, run } = lab();
  const before = await run('ipvsadm -Ln');
  assert.equal(before.exitCode, 0);
  assert.equal(before.stdout, 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n');
  setKubeProxyMode(sim, 'ipvs');
  const after = await run('ipvsadm -L -n');
  assert.match(after.stdout, /^TCP  10\.96\.0\.1:443 rr\n  -> 172\.25\.250\.100:6443 +Masq/m);
  const named = await run('ipvsadm --list');
  assert.match(named.stdout, /TCP  10\.96\.0\.1:https rr\n  -> k8s-master:sun-sr-https/);
});

test('iptables: nat listing, one chain, -S, unknown chain and options', async () => {
  const { run } = lab();
  const nat = await run('iptables -t nat -nL');
  assert.equal(nat.exitCode, 0);
  assert.match(nat.stdout, /^Chain KUBE-SERVICES \(2 references\)$/m);
  const chain = await run('iptables -t nat -nL KUBE-SERVICES');
  assert.match(chain.stdout, /^Chain KUBE-SERVICES/);
  assert.doesNotMatch(chain.stdout, /^Chain PREROUTING/m);
  const rules = await run('iptables -t nat -S KUBE-SERVICES');
  assert.match(rules.stdout, /^-N KUBE-SERVICES\n-A KUBE-SERVICES /);
  const missing = await run('iptables -t nat -nL NOPE');
  assert.deepEqual([missing.exitCode, missing.stderr], [1, 'iptables: No chain/target/match by that name.\n']);
  const bad = await run('iptables --foo');
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /^iptables v1\.8\.7 \(nf_tables\): unknown option "--foo"\nTry `iptables -h' or 'iptables --help' for more information\.\n$/);
  const write = await run('iptables -t nat -F');
  assert.match(write.stderr, /read-only/);
  const save = await run('iptables-save -t nat | grep -c "^COMMIT"');
  assert.equal(save.stdout, '1\n');
});

test('node-only programs are missing on the client host; yum reports ipvsadm installed', async () => {
  const { run } = lab();
  const host = await run('ipvsadm -Ln', { kind: 'host' });
  assert.deepEqual([host.exitCode, host.stderr], [127, 'sh: ipvsadm: not found\n']);
  const yum = await run('yum install ipvsadm -y');
  assert.equal(yum.exitCode, 0);
  assert.match(yum.stdout, /Package ipvsadm-1\.31-6\.el9\.x86_64 is already installed\.\nDependencies resolved\.\nNothing to do\.\nComplete!\n$/);
});

test('where: node names are checked; the default client pod is created once and runs busyboxplus', async () => {
  const { sim, hosts } = lab();
  assert.throws(() => resolveWhere(sim, { kind: 'node', node: 'k8s-node3' }, hosts), (e: unknown) => e instanceof HarnessError && /unknown node "k8s-node3": the lab's nodes are k8s-master, k8s-node1, k8s-node2/.test(e.message));
  assert.deepEqual(resolveWhere(sim, { kind: 'host' }, hosts), { kind: 'host', ip: '172.25.250.200', hosts });
  const pod = resolveWhere(sim, { kind: 'pod' }, hosts);
  assert.equal(pod.kind, 'pod');
  assert.equal(pod.kind === 'pod' && pod.pod, 'test');
  const stored = sim.store.get('Pod', 'test', 'default') as unknown as { metadata: { labels?: Record<string, string> }; spec: { containers: { image: string }[] } };
  assert.deepEqual(stored.metadata.labels, { run: 'test' });
  assert.equal(stored.spec.containers[0]!.image, 'busyboxplus');
  assert.deepEqual(resolveWhere(sim, { kind: 'pod' }, hosts), pod, 'the same pod is reused');
  assert.throws(() => resolveWhere(sim, { kind: 'pod', pod: 'nope' }, hosts), (e: unknown) => e instanceof HarnessError && e.code === 'NOT_FOUND');
});

test('pod files: /etc/resolv.conf from the cluster DNS, kubelet-managed /etc/hosts, ip a', async () => {
  const { run } = lab();
  const resolv = await run('cat /etc/resolv.conf', { kind: 'pod' });
  assert.match(resolv.stdout, /nameserver 10\.96\.0\.10/);
  assert.match(resolv.stdout, /search default\.svc\.cluster\.local svc\.cluster\.local cluster\.local/);
  const hosts = await run('cat /etc/hosts', { kind: 'pod' });
  assert.match(hosts.stdout, /^# Kubernetes-managed hosts file\.\n/);
  assert.match(hosts.stdout, /\ttest\n$/);
});

test('ip a: node interfaces from the dataplane, a pod sees lo and eth0 paired with its host veth', async () => {
  const { run, sim } = lab();
  const node = await run('ip a', { kind: 'node', node: 'k8s-master' });
  assert.match(node.stdout, /^2: ens160: /m);
  const one = await run('ip addr show dev ens160', { kind: 'node', node: 'k8s-master' });
  assert.match(one.stdout, /^2: ens160: .*\n[\s\S]*inet 172\.25\.250\.100\/24 /);
  const missing = await run('ip a s nope', { kind: 'node', node: 'k8s-master' });
  assert.deepEqual([missing.exitCode, missing.stderr], [1, 'Device "nope" does not exist.\n']);
  const pod = await run('ip a', { kind: 'pod' });
  const peer = /^2: eth0@if(\d+): /m.exec(pod.stdout);
  assert.ok(peer, pod.stdout);
  const test = sim.store.get('Pod', 'test', 'default') as unknown as { spec: { nodeName: string } };
  const hostSide = await run('ip a', { kind: 'node', node: test.spec.nodeName });
  assert.match(hostSide.stdout, new RegExp(`^${peer![1]}: veth[0-9a-f]{8}@if2: `, 'm'), 'the pod\'s eth0 pairs with a veth on its node');
  const route = await run('ip route', { kind: 'node', node: 'k8s-master' });
  assert.equal(route.exitCode, 255);
  const unknown = await run('ip foo', { kind: 'node', node: 'k8s-master' });
  assert.equal(unknown.stderr, 'Object "foo" is unknown, try "ip help".\n');
});
