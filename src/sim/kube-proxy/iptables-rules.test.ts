import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTopology } from '../topology.ts';
import { buildProxyRules } from './rules.ts';
import { renderIptablesList, renderIptablesSave } from './render-iptables.ts';
import { serviceChains } from './chain-names.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

const topology = defaultTopology();
const NOW = new Date('2024-09-06T06:24:57Z');

// A MetalLB LoadBalancer restricted to the lab /24 (which holds the node IP) and one restricted elsewhere.
function firewallStore(ranges: string[]) {
  const store = tutorialStore();
  store.put(service('default', 'fw', { type: 'LoadBalancer', clusterIP: '10.100.0.9', loadBalancerSourceRanges: ranges, ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31001 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } }));
  store.put(slice('default', 'fw', [{ port: 80 }], [{ ip: '10.244.2.7', node: 'k8s-node2' }]));
  return store;
}

const fw = serviceChains('default/fw', 'tcp');

// SRC: kubernetes pkg/proxy/iptables/proxier.go syncProxyRules "Set up firewall chain" (v1.31).
const CASES: { name: string; ranges: string[]; want: string[] }[] = [
  {
    name: 'ranges holding the node IP: one rule per range, then the LB IP itself (hairpin), then a counting rule without target',
    ranges: ['172.25.250.0/24', '192.168.0.0/16'],
    want: [
      `-A ${fw.fw} -s 172.25.250.0/24 -m comment --comment "default/fw loadbalancer IP" -j ${fw.ext}`,
      `-A ${fw.fw} -s 192.168.0.0/16 -m comment --comment "default/fw loadbalancer IP" -j ${fw.ext}`,
      `-A ${fw.fw} -s 172.25.250.50/32 -m comment --comment "default/fw loadbalancer IP" -j ${fw.ext}`,
      `-A ${fw.fw} -m comment --comment "other traffic to default/fw will be dropped by KUBE-PROXY-FIREWALL"`,
    ],
  },
  {
    name: 'ranges without the node IP: no LB-IP source rule',
    ranges: ['192.168.0.0/16'],
    want: [
      `-A ${fw.fw} -s 192.168.0.0/16 -m comment --comment "default/fw loadbalancer IP" -j ${fw.ext}`,
      `-A ${fw.fw} -m comment --comment "other traffic to default/fw will be dropped by KUBE-PROXY-FIREWALL"`,
    ],
  },
];

for (const c of CASES) {
  test(`iptables mode KUBE-FW chain: ${c.name}`, () => {
    const save = renderIptablesSave(buildProxyRules(firewallStore(c.ranges), 'k8s-node1', proxyConfig('iptables'), topology), { now: NOW, table: 'nat' });
    assert.deepEqual(save.split('\n').filter((l) => l.startsWith(`-A ${fw.fw} `)), c.want);
  });
}

test('a rule without target lists with an empty target column', () => {
  const out = renderIptablesList(buildProxyRules(firewallStore(['192.168.0.0/16']), 'k8s-node1', proxyConfig('iptables'), topology), { table: 'nat', chain: fw.fw, numeric: true });
  assert.equal(out.trimEnd().split('\n').at(-1), '           all  --  0.0.0.0/0            0.0.0.0/0            /* other traffic to default/fw will be dropped by KUBE-PROXY-FIREWALL */');
});
