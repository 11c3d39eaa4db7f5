import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, EndpointSlice, Endpoints, Pod, Service } from '../model/core.ts';
import type { Deployment } from '../model/apps.ts';
import { Simulation } from './simulation.ts';
import { readKubeProxyConfig, setKubeProxyMode } from './kube-proxy-config.ts';
import { activeKubeProxyConfig } from './apps/kube-proxy.ts';

test('bootstrap: the kubeadm lab the tutorial starts from', () => {
  const sim = new Simulation({ seed: 7 });
  const pods = sim.store.list<Pod>('Pod', 'kube-system');
  const coredns = pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
  assert.deepEqual(coredns.map((p) => `${p.spec.nodeName} ${p.status?.podIP} ${p.status?.phase}`).sort().map((s) => s.replace(/ \w+$/, '')), ['k8s-master 10.244.0.2', 'k8s-master 10.244.0.3']);
  const proxies = pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
  assert.deepEqual(proxies.map((p) => `${p.spec.nodeName} ${p.status?.podIP} ${p.status?.phase}`).sort(), [
    'k8s-master 172.25.250.100 Running', 'k8s-node1 172.25.250.10 Running', 'k8s-node2 172.25.250.20 Running',
  ]);
  for (const p of proxies) assert.match(p.metadata.name, /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const apiserver = sim.store.get<Pod>('Pod', 'kube-apiserver-k8s-master', 'kube-system')!;
  assert.equal(apiserver.status?.podIP, '172.25.250.100');
  assert.equal(apiserver.status?.phase, 'Running');

  const kubernetes = sim.store.get<Service>('Service', 'kubernetes', 'default')!;
  assert.equal(kubernetes.spec.clusterIP, '10.96.0.1');
  const ep = sim.store.get<Endpoints>('Endpoints', 'kubernetes', 'default')!;
  assert.deepEqual(ep.subsets, [{ addresses: [{ ip: '172.25.250.100' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  assert.deepEqual(sim.store.get<EndpointSlice>('EndpointSlice', 'kubernetes', 'default')!.endpoints[0]!.addresses, ['172.25.250.100']);

  const dnsEp = sim.store.get<Endpoints>('Endpoints', 'kube-dns', 'kube-system')!;
  // Ready once the DNS area's CoreDNS image is in the catalogue; until then ErrImagePull keeps them notReady.
  const subset = dnsEp.subsets?.[0];
  assert.deepEqual([...(subset?.addresses ?? []), ...(subset?.notReadyAddresses ?? [])].map((a) => a.ip), ['10.244.0.2', '10.244.0.3']);
  assert.deepEqual(subset?.ports?.map((p) => `${p.name}/${p.port}/${p.protocol}`), ['dns-tcp/53/TCP', 'dns/53/UDP', 'metrics/9153/TCP']);
  assert.equal(sim.store.get<Deployment>('Deployment', 'coredns', 'kube-system')!.status?.replicas, 2);

  // System objects are three days old when the scenario starts.
  const created = Date.parse(kubernetes.metadata.creationTimestamp ?? '');
  assert.equal(sim.clock.now().getTime() - created, 3 * 24 * 3600 * 1000);
  assert.equal(Date.parse(coredns[0]!.status?.startTime ?? ''), created);
});

test('kube-proxy ConfigMap is kubeadm\'s KubeProxyConfiguration: mode "" → iptables, strictARP false', () => {
  const sim = new Simulation({ seed: 7 });
  const cm = sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system')!;
  const lines = cm.data!['config.conf']!.split('\n');
  // kubectl edit shows 7 header lines before config.conf; the tutorial edits line 44 (strictARP) and 59 (mode).
  assert.equal(lines[44 - 8], '  strictARP: false');
  assert.equal(lines[59 - 8], 'mode: ""');
  assert.equal(lines[58 - 8], 'metricsBindAddress: ""');
  assert.ok(cm.data!['kubeconfig.conf']!.includes('server: https://172.25.250.100:6443'));
  assert.deepEqual(readKubeProxyConfig(cm), { mode: 'iptables', strictARP: false, scheduler: '', clusterCIDR: '10.244.0.0/16' });
  for (const node of ['k8s-master', 'k8s-node1', 'k8s-node2']) assert.equal(activeKubeProxyConfig(sim, node)?.mode, 'iptables');
});

test('setKubeProxyMode: a ConfigMap edit alone changes nothing; restarted kube-proxy pods load ipvs', () => {
  const sim = new Simulation({ seed: 7 });
  const originalLines = sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system')!.data!['config.conf']!.split('\n').length;
  const before = sim.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy').map((p) => p.metadata.name);
  // An edit without restarting (what `kubectl edit cm` does) is not picked up.
  const cm = sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system')!;
  sim.api.update({ ...cm, data: { ...cm.data, 'config.conf': cm.data!['config.conf']!.replace('mode: ""', 'mode: "ipvs"') } });
  sim.settle();
  assert.equal(activeKubeProxyConfig(sim, 'k8s-node1')?.mode, 'iptables');

  setKubeProxyMode(sim, 'ipvs', { strictARP: true });
  const after = sim.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
  assert.equal(after.length, 3);
  assert.ok(after.every((p) => !before.includes(p.metadata.name)), 'pods were recreated with new names');
  for (const node of ['k8s-master', 'k8s-node1', 'k8s-node2']) assert.deepEqual(activeKubeProxyConfig(sim, node), { mode: 'ipvs', strictARP: true, scheduler: '', clusterCIDR: '10.244.0.0/16' });
  const text = sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system')!.data!['config.conf']!;
  assert.equal(text.split('\n').length, originalLines, 'other lines are kept');
  assert.ok(text.includes('mode: "ipvs"') && text.includes('  strictARP: true') && text.includes('  masqueradeAll: false'));
});
