import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectWith } from './connect-core.ts';
import { proxyConfig } from '../kube-proxy/test-fixtures.ts';
import { labEnv, netLab } from './net-fixture.ts';
import type { Source } from './source.ts';
import type { DataplaneEnv } from './dataplane-env.ts';

const HOST: Source = { kind: 'host', ip: '172.25.250.200', hosts: new Map() };
const MASTER: Source = { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' };
const POD: Source = { kind: 'pod', pod: 'client', namespace: 'default', node: 'k8s-node1', ip: '10.244.1.20' };
const IPVS = labEnv(proxyConfig('ipvs'));

type Case = { name: string; from: Source; ip: string; port: number; proto?: 'TCP' | 'UDP'; env?: DataplaneEnv; expect: string };
// expect: 'timeout' | 'refused' | 'unreachable' | the pod that accepted ('howe' matches howe-1 or howe-2).
const CASES: Case[] = [
  { name: 'host → cluster IP', from: HOST, ip: '10.98.224.15', port: 80, expect: 'timeout' },
  { name: 'host → pod IP', from: HOST, ip: '10.244.1.8', port: 80, expect: 'timeout' },
  { name: 'host → master:nodePort', from: HOST, ip: '172.25.250.100', port: 30080, expect: 'howe' },
  { name: 'host → node1:nodePort', from: HOST, ip: '172.25.250.10', port: 30080, expect: 'howe' },
  { name: 'host → announced LB IP', from: HOST, ip: '172.25.250.50', port: 80, expect: 'howe' },
  { name: 'host → LB IP nobody announces (iptables)', from: HOST, ip: '172.25.250.51', port: 80, expect: 'unreachable' },
  { name: 'host → LB IP nobody announces (ipvs, strictARP false: kube-ipvs0 answers ARP)', from: HOST, ip: '172.25.250.51', port: 80, env: IPVS, expect: 'howe' },
  { name: 'host → LB IP nobody announces (ipvs, strictARP true)', from: HOST, ip: '172.25.250.51', port: 80, env: labEnv(proxyConfig('ipvs', { strictARP: true })), expect: 'unreachable' },
  { name: 'host → unused lab address', from: HOST, ip: '172.25.250.77', port: 80, expect: 'unreachable' },
  { name: 'host → address off the lab', from: HOST, ip: '8.8.8.8', port: 80, expect: 'timeout' },
  { name: 'host → kube-apiserver on the master', from: HOST, ip: '172.25.250.100', port: 6443, expect: 'kube-apiserver-k8s-master' },
  { name: 'host → master port nobody listens on', from: HOST, ip: '172.25.250.100', port: 8080, expect: 'refused' },
  { name: 'host → nodePort of a node without kube-proxy', from: HOST, ip: '172.25.250.10', port: 30080, env: labEnv(proxyConfig('iptables'), ['k8s-node1']), expect: 'refused' },
  { name: 'node → cluster IP', from: MASTER, ip: '10.98.224.15', port: 80, expect: 'howe' },
  { name: 'node → pod IP', from: MASTER, ip: '10.244.1.8', port: 80, expect: 'howe-1' },
  { name: 'node → unused pod IP in node1 subnet', from: MASTER, ip: '10.244.1.99', port: 80, expect: 'unreachable' },
  { name: 'node → unannounced LB IP (kube-proxy programs LB IPs locally)', from: MASTER, ip: '172.25.250.51', port: 80, expect: 'howe' },
  { name: 'node → own nodePort', from: MASTER, ip: '172.25.250.100', port: 30080, expect: 'howe' },
  { name: 'node → 127.0.0.1:nodePort (iptables: localhost NodePorts work)', from: MASTER, ip: '127.0.0.1', port: 30080, expect: 'howe' },
  { name: 'node → 127.0.0.1:nodePort (ipvs: no virtual server on loopback)', from: MASTER, ip: '127.0.0.1', port: 30080, env: IPVS, expect: 'refused' },
  { name: 'node → 127.0.0.1:6443 (hostNetwork kube-apiserver)', from: MASTER, ip: '127.0.0.1', port: 6443, expect: 'kube-apiserver-k8s-master' },
  { name: 'node without kube-proxy → cluster IP', from: MASTER, ip: '10.98.224.15', port: 80, env: labEnv(proxyConfig('iptables'), ['k8s-master']), expect: 'timeout' },
  { name: 'pod → cluster IP', from: POD, ip: '10.98.224.15', port: 80, expect: 'howe' },
  { name: 'pod → kube-dns UDP', from: POD, ip: '10.96.0.10', port: 53, proto: 'UDP', expect: 'coredns' },
  { name: 'pod → kubernetes service (hostNetwork endpoint)', from: POD, ip: '10.96.0.1', port: 443, expect: 'kube-apiserver-k8s-master' },
  { name: 'pod → service without endpoints', from: POD, ip: '10.100.0.13', port: 80, expect: 'refused' },
  { name: 'pod → cluster IP, port not in the service (iptables)', from: POD, ip: '10.98.224.15', port: 8080, expect: 'timeout' },
  { name: 'pod → cluster IP, port not in the service (ipvs)', from: POD, ip: '10.98.224.15', port: 8080, env: IPVS, expect: 'refused' },
  { name: 'pod → pod port nobody listens on', from: POD, ip: '10.244.1.8', port: 8080, expect: 'refused' },
  { name: 'pod → pod without running container', from: POD, ip: '10.244.2.30', port: 80, expect: 'refused' },
  { name: 'pod → another node nodePort', from: POD, ip: '172.25.250.20', port: 30080, expect: 'howe' },
  { name: 'pod → unknown service-range address', from: POD, ip: '10.100.9.9', port: 80, expect: 'timeout' },
  { name: 'pod → announced LB IP (ipvs)', from: POD, ip: '172.25.250.50', port: 80, env: IPVS, expect: 'howe' },
];

for (const c of CASES) {
  test(`reachability: ${c.name}`, () => {
    const out = connectWith(c.env ?? labEnv(), netLab(), c.from, c.ip, c.port, c.proto ?? 'TCP');
    const got = out.kind === 'connected' ? out.pod?.metadata.name ?? '?' : out.kind;
    assert.ok(got === c.expect || got.startsWith(`${c.expect}-`), `expected ${c.expect}, got ${got}\n${out.hops.map((h) => `${h.component}: ${h.decision}`).join('\n')}`);
  });
}

test('elapsed time: refused immediately, no route after ~3 s ARP, TCP timeout for the caller to clamp', () => {
  const at = (ip: string, port: number) => {
    const out = connectWith(labEnv(), netLab(), HOST, ip, port, 'TCP');
    return out.kind === 'connected' ? -1 : out.elapsedMs;
  };
  assert.equal(at('172.25.250.100', 8080), 0);
  assert.equal(at('172.25.250.77', 80), 3000);
  assert.equal(at('10.98.224.15', 80), 127000);
});

test('client address seen by the server: pod IP kept, NodePort traffic masqueraded (ETP Cluster)', () => {
  const fromPod = connectWith(labEnv(), netLab(), POD, '10.98.224.15', 80, 'TCP');
  assert.equal(fromPod.kind === 'connected' && fromPod.clientIP, '10.244.1.20');
  const fromHost = connectWith(labEnv(), netLab(), HOST, '172.25.250.10', 30080, 'TCP');
  assert.ok(fromHost.kind === 'connected' && ['10.244.1.1', '10.244.1.0'].includes(fromHost.clientIP), JSON.stringify(fromHost.kind === 'connected' && fromHost.clientIP));
});

test('hops name the deciding components (MetalLB announcement, kube-proxy DNAT, accepting pod)', () => {
  const out = connectWith(labEnv(), netLab(), HOST, '172.25.250.50', 80, 'TCP');
  assert.deepEqual(out.hops.map((h) => h.component), ['metallb', 'kube-proxy', 'network']);
  assert.equal(out.hops[1]!.details?.['node'], 'k8s-node2');
});

test('NodePort from the host cycles through both pods in ipvs mode (tutorial 4.3)', () => {
  const sim = netLab();
  const names = Array.from({ length: 4 }, () => {
    const out = connectWith(IPVS, sim, HOST, '172.25.250.100', 30080, 'TCP');
    return out.kind === 'connected' ? out.pod?.metadata.name : out.kind;
  });
  assert.deepEqual(names, ['howe-1', 'howe-2', 'howe-1', 'howe-2']);
});
