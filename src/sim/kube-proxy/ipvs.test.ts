import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTopology } from '../topology.ts';
import { buildProxyRules } from './rules.ts';
import { findVirtualServer, ipvsBoundAddresses } from './ipvs.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

const topology = defaultTopology();

// SRC: kubernetes pkg/proxy/ipvs/proxier.go syncProxyRules — cluster IPs are always bound to kube-ipvs0,
// external/LB IPs only when no other interface has them (shouldBind) (v1.31).
const CASES: { name: string; node: string; bound: string[]; notBound: string[] }[] = [
  { name: 'an externalIP that is k8s-node1\'s own address stays off kube-ipvs0 there', node: 'k8s-node1', bound: ['10.100.0.7', '172.25.250.60'], notBound: ['172.25.250.10'] },
  { name: 'on another node the same externalIP is bound like any VIP', node: 'k8s-node2', bound: ['10.100.0.7', '172.25.250.10', '172.25.250.60'], notBound: [] },
];

for (const c of CASES) {
  test(`kube-ipvs0 addresses: ${c.name}`, () => {
    const store = tutorialStore();
    store.put(service('default', 'ext', { type: 'ClusterIP', clusterIP: '10.100.0.7', externalIPs: ['172.25.250.10', '172.25.250.60'], ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }] }));
    store.put(slice('default', 'ext', [{ port: 80 }], [{ ip: '10.244.2.7', node: 'k8s-node2' }]));
    const rules = buildProxyRules(store, c.node, proxyConfig('ipvs'), topology);
    const bound = ipvsBoundAddresses(rules);
    for (const ip of c.bound) assert.ok(bound.includes(ip), `${ip} bound`);
    for (const ip of c.notBound) assert.ok(!bound.includes(ip), `${ip} not bound`);
    // The virtual server exists either way.
    assert.ok(findVirtualServer(rules, '172.25.250.10', 8080, 'TCP'));
  });
}
