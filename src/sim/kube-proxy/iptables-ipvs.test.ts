import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTopology } from '../topology.ts';
import { ObjectStore } from '../store.ts';
import { buildProxyRules } from './rules.ts';
import { renderIptablesSave } from './render-iptables.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

const topology = defaultTopology();
const NOW = new Date('2024-09-06T06:24:57Z');

function save(store: ObjectStore, node: string, table: 'nat' | 'filter'): string[] {
  return renderIptablesSave(buildProxyRules(store, node, proxyConfig('ipvs'), topology), { now: NOW, table }).split('\n').filter((l) => l.startsWith('-A '));
}

// The lab before the howe deployment: every endpoint (apiserver, CoreDNS) is on k8s-master.
function withoutHowe(): ObjectStore {
  const store = tutorialStore();
  store.delete({ kind: 'EndpointSlice', name: 'howe-abcde', namespace: 'default' });
  return store;
}

// externalIPs (Cluster and Local) and a LoadBalancer with source ranges that leave out the node.
function edgeStore(): ObjectStore {
  const store = tutorialStore();
  store.put(service('default', 'ext', { type: 'ClusterIP', clusterIP: '10.100.0.7', externalIPs: ['172.25.250.60'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }));
  store.put(service('default', 'extl', { type: 'NodePort', clusterIP: '10.100.0.8', externalIPs: ['172.25.250.61'], externalTrafficPolicy: 'Local', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30081 }] }));
  store.put(service('default', 'fw', { type: 'LoadBalancer', clusterIP: '10.100.0.9', loadBalancerSourceRanges: ['192.168.0.0/16'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31001 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } }));
  store.put(slice('default', 'fw', [{ port: 80 }], [{ ip: '10.244.2.7', node: 'k8s-node2' }]));
  return store;
}

// SRC: kubernetes pkg/proxy/ipvs/proxier.go writeIptablesRules / ipsetWithIptablesChain / iptablesJumpChain (v1.31).
const CASES: { name: string; lines: () => string[]; want: string[]; absent?: string[] }[] = [
  {
    name: 'nat on a worker without local endpoints: localhost RETURN first, no KUBE-LOOP-BACK rule, KUBE-LOAD-BALANCER always masquerades',
    lines: () => save(withoutHowe(), 'k8s-node1', 'nat').filter((l) => /^-A KUBE-(SERVICES|POSTROUTING|LOAD-BALANCER) /.test(l)),
    want: [
      '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
    ],
  },
  {
    name: 'filter: jumps as prepended, no INVALID drop, source-ranges DROP, IPVS filter incl. EXTERNAL-IP-LOCAL',
    lines: () => save(tutorialStore(), 'k8s-node1', 'filter').filter((l) => !l.startsWith('-A KUBE-FIREWALL')),
    want: [
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      '-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
      '-A INPUT -j KUBE-FIREWALL',
      '-A FORWARD -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      '-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER',
      '-A OUTPUT -j KUBE-FIREWALL',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
      '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-NODE-PORT -m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT',
      '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
    ],
  },
  {
    name: 'master: hairpin masquerade for its CoreDNS endpoints comes first in KUBE-POSTROUTING',
    lines: () => save(tutorialStore(), 'k8s-master', 'nat').filter((l) => l.startsWith('-A KUBE-POSTROUTING')).slice(0, 1),
    want: ['-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE'],
  },
  {
    name: 'external IPs: masquerade + two ACCEPTs (Cluster), ACCEPTs only (Local); no KUBE-EXTERNAL-SERVICES chain',
    lines: () => save(edgeStore(), 'k8s-node1', 'nat').filter((l) => /EXTERNAL/.test(l)),
    want: [
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -m addrtype --dst-type LOCAL -j ACCEPT',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT',
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -m addrtype --dst-type LOCAL -j ACCEPT',
    ],
  },
  {
    name: 'loadBalancerSourceRanges without the node IP: filter firewall sets and a node-access DROP',
    lines: () => save(edgeStore(), 'k8s-node1', 'filter').filter((l) => /SOURCE-RANGES|OUT-FILTER -s|LOAD-BALANCER-FW/.test(l)),
    want: [
      '-A KUBE-IPVS-OUT-FILTER -s 172.25.250.50/32 -m ipvs --vaddr 172.25.250.50/32 --vproto 6 --vport 80 -j DROP',
      '-A KUBE-PROXY-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL',
      '-A KUBE-SOURCE-RANGES-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port + source cidr for packet filter purpose" -m set --match-set KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN',
      '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
    ],
  },
  {
    name: 'ETP Local NodePort: LOCAL set RETURN before the masquerade rule',
    lines: () => save(edgeStore(), 'k8s-node1', 'nat').filter((l) => l.startsWith('-A KUBE-NODE-PORT')),
    want: [
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ],
  },
];

for (const c of CASES) test(`ipvs-mode iptables: ${c.name}`, () => assert.deepEqual(c.lines(), c.want));

test('ipvs-mode chain declarations (iptables-save -t filter)', () => {
  const out = renderIptablesSave(buildProxyRules(tutorialStore(), 'k8s-node1', proxyConfig('ipvs'), topology), { now: NOW, table: 'filter' });
  const chains = out.split('\n').filter((l) => l.startsWith(':KUBE-')).map((l) => l.split(' ')[0]);
  assert.deepEqual(chains, [':KUBE-FIREWALL', ':KUBE-FORWARD', ':KUBE-IPVS-FILTER', ':KUBE-IPVS-OUT-FILTER', ':KUBE-KUBELET-CANARY', ':KUBE-NODE-PORT', ':KUBE-PROXY-FIREWALL', ':KUBE-SOURCE-RANGES-FIREWALL']);
});
