import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { assertGolden } from '../render/golden.ts';
import { defaultTopology } from '../topology.ts';
import { pod } from '../network/net-fixture.ts';
import { renderIpAddrFor } from './render-ip-addr.ts';
import { proxyConfig, tutorialStore } from './test-fixtures.ts';

const golden = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

function lab() {
  const store = tutorialStore();
  const at = (p: ReturnType<typeof pod>, ts: string) => ({ ...p, metadata: { ...p.metadata, creationTimestamp: ts } });
  store.put(at(pod('kube-system', 'coredns-a', 'k8s-master', '10.244.0.2'), '2024-09-03T06:00:00Z'));
  store.put(at(pod('kube-system', 'coredns-b', 'k8s-master', '10.244.0.3'), '2024-09-03T06:00:00Z'));
  const proxy = at(pod('kube-system', 'kube-proxy-9gntr', 'k8s-master', '172.25.250.100', { hostNetwork: true }), '2024-09-06T06:00:00Z');
  store.put({ ...proxy, metadata: { ...proxy.metadata, labels: { 'k8s-app': 'kube-proxy' } } });
  return { view: store.frozenView(), topology: defaultTopology() };
}

test('ipvs mode: kube-ipvs0 is interface 8 on k8s-master with the tutorial addresses in its order', () => {
  const out = renderIpAddrFor(lab(), 'k8s-master', proxyConfig('ipvs'), { device: 'kube-ipvs0' });
  const lines = out.split('\n');
  // Tutorial section 三 (`ip a | tail`, glued lines split back) and reference §3.5; the MAC is per lab.
  assert.match(lines[0]!, /^8: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default $/);
  assert.match(lines[1]!, /^ {4}link\/ether [0-9a-f]{2}(:[0-9a-f]{2}){5} brd ff:ff:ff:ff:ff:ff$/);
  assert.deepEqual(lines.slice(2, 8), [
    '    inet 10.98.224.15/32 scope global kube-ipvs0',
    '       valid_lft forever preferred_lft forever',
    '    inet 10.96.0.1/32 scope global kube-ipvs0',
    '       valid_lft forever preferred_lft forever',
    '    inet 10.96.0.10/32 scope global kube-ipvs0',
    '       valid_lft forever preferred_lft forever',
  ]);
  assert.equal(lines.length, 9);
});

test('iptables mode: no kube-ipvs0', () => {
  assert.equal(renderIpAddrFor(lab(), 'k8s-master', proxyConfig('iptables'), { device: 'kube-ipvs0' }), 'Device "kube-ipvs0" does not exist.\n');
  assert.doesNotMatch(renderIpAddrFor(lab(), 'k8s-master', proxyConfig('iptables'), {}), /kube-ipvs0/);
});

test('ens160 carries the node lab address /24', () => {
  const out = renderIpAddrFor(lab(), 'k8s-node1', proxyConfig('iptables'), { device: 'ens160' });
  assert.match(out, /^2: ens160: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000\n/);
  assert.match(out, /\n {4}inet 172\.25\.250\.10\/24 brd 172\.25\.250\.255 scope global noprefixroute ens160\n/);
});

test('golden ip-a-master-ipvs.txt', () => assertGolden(golden('ip-a-master-ipvs.txt'), renderIpAddrFor(lab(), 'k8s-master', proxyConfig('ipvs'), {}), process.env));
