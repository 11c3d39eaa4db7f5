import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { assertGolden } from '../render/golden.ts';
import { defaultTopology } from '../topology.ts';
import { buildProxyRules } from './rules.ts';
import { renderIpvsadmList } from './render-ipvsadm.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

const topology = defaultTopology();
const golden = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const dest = (addr: string) => `  -> ${addr.padEnd(28)} Masq    1      0          0         `;

test('ipvsadm -Ln on k8s-master reproduces the tutorial (section 三) in the reference format (§3.5)', () => {
  const rules = buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('ipvs'), topology);
  // Tutorial values (its blog export glued lines together); layout from ipvsadm print_service_entry as in reference §3.5.
  const expected = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
    'TCP  10.96.0.1:443 rr',
    dest('172.25.250.100:6443'),
    'TCP  10.96.0.10:53 rr',
    dest('10.244.0.2:53'),
    dest('10.244.0.3:53'),
    'TCP  10.96.0.10:9153 rr',
    dest('10.244.0.2:9153'),
    dest('10.244.0.3:9153'),
    'TCP  10.98.224.15:80 rr',
    dest('10.244.1.8:80'),
    dest('10.244.2.11:80'),
    'UDP  10.96.0.10:53 rr',
    dest('10.244.0.2:53'),
    dest('10.244.0.3:53'),
  ].join('\n') + '\n';
  assert.equal(renderIpvsadmList(rules, { numeric: true }), expected);
  // Reference §3.5 destination line, byte for byte (trailing blanks included).
  assert.ok(expected.includes('  -> 10.244.0.2:53                Masq    1      0          0         \n'));
});

function featureRules(node: string) {
  const store = tutorialStore();
  store.put(service('default', 'web', { type: 'NodePort', clusterIP: '10.100.0.4', sessionAffinity: 'ClientIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }] }));
  store.put(slice('default', 'web', [{ port: 80 }], [{ ip: '10.244.1.5', node: 'k8s-node1' }, { ip: '10.244.2.6', node: 'k8s-node2' }]));
  store.put(service('default', 'empty', { type: 'ClusterIP', clusterIP: '10.100.0.5', selector: { app: 'none' }, ports: [{ port: 80, protocol: 'TCP' }] }));
  store.put(service('default', 'lb', { type: 'LoadBalancer', clusterIP: '10.100.0.6', ports: [{ port: 80, protocol: 'TCP', nodePort: 31000 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } }));
  store.put(slice('default', 'lb', [{ port: 80 }], [{ ip: '10.244.2.7', node: 'k8s-node2' }]));
  store.put(service('default', 'headless', { type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 80 }] }));
  store.put(service('default', 'ext', { type: 'ExternalName', externalName: 'www.baidu.com' }));
  return buildProxyRules(store, node, proxyConfig('ipvs'), topology);
}

const CASES: { name: string; check: (out: string) => void }[] = [
  { name: 'ClientIP affinity → persistent 10800', check: (out) => assert.match(out, /^TCP {2}10\.100\.0\.4:80 rr persistent 10800$/m) },
  { name: 'no endpoints → virtual server without real servers', check: (out) => assert.match(out, /^TCP {2}10\.100\.0\.5:80 rr\nTCP {2}10\.100\.0\.6:80 rr\n/m) },
  { name: 'NodePort on every node address (ens160, docker0, flannel.1, cni0)', check: (out) => {
    for (const ip of ['10.244.1.0', '10.244.1.1', '172.17.0.1', '172.25.250.10']) assert.match(out, new RegExp(`^TCP {2}${ip.replaceAll('.', '\\.')}:30080 rr persistent 10800$`, 'm'));
    assert.doesNotMatch(out, /127\.0\.0\.1:30080/);
  } },
  { name: 'LB ingress IP gets a virtual server', check: (out) => assert.match(out, /^TCP {2}172\.25\.250\.50:80 rr\n {2}-> 10\.244\.2\.7:80 /m) },
  { name: 'headless and ExternalName get nothing', check: (out) => assert.equal(out.split('\n').filter((l) => /^(TCP|UDP)/.test(l)).length, 5 + (1 + 4) + 1 + (1 + 1 + 4)) },
  { name: 'sorted by protocol then address numerically (10.96 < 10.100 < 10.244)', check: (out) => {
    const services = out.split('\n').filter((l) => l.startsWith('TCP'));
    assert.ok(services.indexOf('TCP  10.98.224.15:80 rr') < services.indexOf('TCP  10.100.0.4:80 rr persistent 10800'));
    assert.ok(services.indexOf('TCP  10.100.0.6:80 rr') < services.indexOf('TCP  10.244.1.0:30080 rr persistent 10800'));
  } },
];

for (const c of CASES) test(`ipvsadm: ${c.name}`, () => c.check(renderIpvsadmList(featureRules('k8s-node1'), { numeric: true })));

test('ipvsadm -L (no -n) names ports and node addresses', () => {
  const out = renderIpvsadmList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('ipvs'), topology), { numeric: false, hostNames: { '172.25.250.100': 'k8s-master' } });
  assert.match(out, /^TCP {2}10\.96\.0\.1:https rr\n {2}-> k8s-master:sun-sr-https {6}Masq/m);
  assert.match(out, /^UDP {2}10\.96\.0\.10:domain rr$/m);
  assert.match(out, /^TCP {2}10\.96\.0\.10:9153 rr$/m);
});

test('golden ipvsadm-Ln-node1-features.txt', () => assertGolden(golden('ipvsadm-Ln-node1-features.txt'), renderIpvsadmList(featureRules('k8s-node1'), { numeric: true }), process.env));
