import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../context.ts';
import { defaultTopology } from '../topology.ts';
import { buildProxyRules } from './rules.ts';
import { pickEndpoint, type PickSim } from './route.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

function fakeSim(seed: number): PickSim {
  const counters = new Map<string, number>();
  return {
    rng: new Random(seed),
    counters,
    nextCount(key: string) {
      const v = counters.get(key) ?? 0;
      counters.set(key, v + 1);
      return v;
    },
  };
}

function store() {
  const s = tutorialStore();
  s.put(service('default', 'three', { type: 'ClusterIP', clusterIP: '10.100.0.3', ports: [{ port: 80, protocol: 'TCP' }] }));
  s.put(slice('default', 'three', [{ port: 80 }], [{ ip: '10.244.1.5', node: 'k8s-node1' }, { ip: '10.244.2.6', node: 'k8s-node2' }, { ip: '10.244.2.7', node: 'k8s-node2' }]));
  s.put(service('default', 'sticky', { type: 'ClusterIP', clusterIP: '10.100.0.4', sessionAffinity: 'ClientIP', ports: [{ port: 80, protocol: 'TCP' }] }));
  s.put(slice('default', 'sticky', [{ port: 80 }], [{ ip: '10.244.1.5', node: 'k8s-node1' }, { ip: '10.244.2.6', node: 'k8s-node2' }]));
  s.put(service('default', 'empty', { type: 'ClusterIP', clusterIP: '10.100.0.5', ports: [{ port: 80, protocol: 'TCP' }] }));
  s.put(service('default', 'itp', { type: 'ClusterIP', clusterIP: '10.100.0.6', internalTrafficPolicy: 'Local', ports: [{ port: 80, protocol: 'TCP' }] }));
  s.put(slice('default', 'itp', [{ port: 80 }], [{ ip: '10.244.2.6', node: 'k8s-node2' }]));
  s.put(service('default', 'etp', { type: 'NodePort', clusterIP: '10.100.0.7', externalTrafficPolicy: 'Local', ports: [{ port: 80, protocol: 'TCP', nodePort: 30007 }] }));
  s.put(slice('default', 'etp', [{ port: 80 }], [{ ip: '10.244.2.6', node: 'k8s-node2' }]));
  s.put(service('default', 'notready', { type: 'ClusterIP', clusterIP: '10.100.0.8', ports: [{ port: 80, protocol: 'TCP' }] }));
  s.put(slice('default', 'notready', [{ port: 80 }], [{ ip: '10.244.2.9', node: 'k8s-node2', ready: false, serving: true, terminating: true }, { ip: '10.244.1.9', node: 'k8s-node1', ready: false }]));
  return s;
}

const topology = defaultTopology();
const rulesFor = (mode: 'iptables' | 'ipvs', node = 'k8s-node1') => buildProxyRules(store(), node, proxyConfig(mode), topology);
const chosen = (r: ReturnType<typeof pickEndpoint>) => (r.kind === 'endpoint' ? r.endpoint.address : r.kind);

test('ipvs rr alternates between the two howe endpoints, per virtual server', () => {
  const sim = fakeSim(1);
  const rules = rulesFor('ipvs', 'k8s-master');
  const picks = Array.from({ length: 4 }, () => chosen(pickEndpoint(sim, rules, '10.98.224.15', 80, 'TCP', '172.25.250.100')));
  assert.deepEqual(picks, ['10.244.1.8:80', '10.244.2.11:80', '10.244.1.8:80', '10.244.2.11:80']);
  const other = rulesFor('ipvs', 'k8s-node1');
  assert.equal(chosen(pickEndpoint(sim, other, '10.98.224.15', 80, 'TCP', '172.25.250.10')), '10.244.1.8:80', 'rr state is per node');
});

test('iptables random pick reaches every endpoint within 50 connections (seeded) and stays near uniform', () => {
  for (const seed of [1, 2, 3]) {
    const sim = fakeSim(seed);
    const rules = rulesFor('iptables');
    const counts = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      const c = chosen(pickEndpoint(sim, rules, '10.100.0.3', 80, 'TCP', '10.244.1.20'));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    assert.deepEqual([...counts.keys()].sort(), ['10.244.1.5:80', '10.244.2.6:80', '10.244.2.7:80'], `seed ${seed}`);
    for (const n of counts.values()) assert.ok(n >= 5 && n <= 30, `seed ${seed}: counts ${[...counts.values()]}`);
  }
});

test('iptables decision is inspectable: chain, candidates, draws', () => {
  const r = pickEndpoint(fakeSim(7), rulesFor('iptables'), '10.100.0.3', 80, 'TCP', '10.244.1.20');
  assert.equal(r.kind, 'endpoint');
  const d = r.hop.details!;
  assert.equal(d['mode'], 'iptables');
  assert.deepEqual(d['candidates'], ['10.244.1.5:80', '10.244.2.6:80', '10.244.2.7:80']);
  assert.ok(Array.isArray(d['draws']) && (d['draws'] as number[]).length >= 1);
  assert.match(String(d['chain']), /^KUBE-SVC-/);
  assert.equal(r.kind === 'endpoint' && r.masquerade, false, 'pod-CIDR client is not masqueraded');
});

const CASES: { name: string; mode: 'iptables' | 'ipvs'; node?: string; vip: string; port: number; client: string; expect: string }[] = [
  { name: 'iptables: no endpoints → refused', mode: 'iptables', vip: '10.100.0.5', port: 80, client: '10.244.1.20', expect: 'refused' },
  { name: 'ipvs: no endpoints → refused (ip_vs_leave port unreachable)', mode: 'ipvs', vip: '10.100.0.5', port: 80, client: '10.244.1.20', expect: 'refused' },
  { name: 'iptables: ITP Local without local endpoint → dropped', mode: 'iptables', vip: '10.100.0.6', port: 80, client: '10.244.1.20', expect: 'dropped' },
  { name: 'iptables: ITP Local on the endpoint node', mode: 'iptables', node: 'k8s-node2', vip: '10.100.0.6', port: 80, client: '10.244.2.20', expect: '10.244.2.6:80' },
  { name: 'iptables: ETP Local nodePort from outside on a node without endpoint → dropped', mode: 'iptables', vip: '172.25.250.10', port: 30007, client: '172.25.250.200', expect: 'dropped' },
  { name: 'iptables: ETP Local nodePort from a pod takes the cluster chain', mode: 'iptables', vip: '172.25.250.10', port: 30007, client: '10.244.1.20', expect: '10.244.2.6:80' },
  { name: 'iptables: ETP Local nodePort on the endpoint node', mode: 'iptables', node: 'k8s-node2', vip: '172.25.250.20', port: 30007, client: '172.25.250.200', expect: '10.244.2.6:80' },
  { name: 'iptables: wrong port on a cluster IP → no rule', mode: 'iptables', vip: '10.98.224.15', port: 8080, client: '10.244.1.20', expect: 'no-rule' },
  { name: 'ipvs: wrong port on a kube-ipvs0 address → refused', mode: 'ipvs', vip: '10.98.224.15', port: 8080, client: '10.244.1.20', expect: 'refused' },
  { name: 'terminating but serving endpoint is the fallback', mode: 'iptables', vip: '10.100.0.8', port: 80, client: '10.244.1.20', expect: '10.244.2.9:80' },
];

for (const c of CASES) {
  test(c.name, () => assert.equal(chosen(pickEndpoint(fakeSim(1), rulesFor(c.mode, c.node), c.vip, c.port, 'TCP', c.client)), c.expect));
}

for (const mode of ['iptables', 'ipvs'] as const) {
  test(`${mode}: ClientIP affinity sticks per client`, () => {
    const sim = fakeSim(11);
    const rules = rulesFor(mode);
    const first = chosen(pickEndpoint(sim, rules, '10.100.0.4', 80, 'TCP', '10.244.1.20'));
    for (let i = 0; i < 20; i++) assert.equal(chosen(pickEndpoint(sim, rules, '10.100.0.4', 80, 'TCP', '10.244.1.20')), first);
    const others = new Set(Array.from({ length: 30 }, (_, i) => chosen(pickEndpoint(sim, rules, '10.100.0.4', 80, 'TCP', `10.244.1.${100 + i}`))));
    assert.equal(others.size, 2, 'different clients still spread over both endpoints');
  });
}
