import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { assertGolden } from '../render/golden.ts';
import { defaultTopology } from '../topology.ts';
import { ObjectStore } from '../store.ts';
import { buildProxyRules } from './rules.ts';
import { hasChain, renderIptablesList, renderIptablesSave } from './render-iptables.ts';
import { endpointChain, serviceChains } from './chain-names.ts';
import { proxyConfig, service, slice, tutorialStore } from './test-fixtures.ts';

const golden = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const topology = defaultTopology();
const NOW = new Date('2024-09-06T06:24:57Z');

// Reference k8s-services.md §3.4 real-cluster example: ithome/nginx 10.96.191.108:8080 with three endpoints.
function ithomeStore(): ObjectStore {
  const store = new ObjectStore();
  store.put(service('ithome', 'nginx', { type: 'ClusterIP', clusterIP: '10.96.191.108', ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }] }));
  store.put(slice('ithome', 'nginx', [{ port: 80 }], [{ ip: '10.244.2.3', node: 'k8s-node2' }, { ip: '10.244.1.2', node: 'k8s-node1' }, { ip: '10.244.2.2', node: 'k8s-node2' }]));
  return store;
}

// NodePort + ETP Local + ClientIP affinity, a service without endpoints, and a MetalLB LoadBalancer.
function featureStore(): ObjectStore {
  const store = tutorialStore();
  store.put(service('default', 'web', { type: 'NodePort', clusterIP: '10.100.0.4', externalTrafficPolicy: 'Local', sessionAffinity: 'ClientIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }] }));
  store.put(slice('default', 'web', [{ port: 80 }], [{ ip: '10.244.1.5', node: 'k8s-node1' }, { ip: '10.244.2.6', node: 'k8s-node2' }, { ip: '10.244.1.10', node: 'k8s-node1' }]));
  store.put(service('default', 'empty', { type: 'ClusterIP', clusterIP: '10.100.0.5', selector: { app: 'none' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }));
  store.put(service('default', 'lb', { type: 'LoadBalancer', clusterIP: '10.100.0.6', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31000 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.50', ipMode: 'VIP' }] } }));
  store.put(slice('default', 'lb', [{ port: 80 }], [{ ip: '10.244.2.7', node: 'k8s-node2' }]));
  return store;
}

test('iptables -t nat -nL reproduces the reference ithome/nginx chains', () => {
  const rules = buildProxyRules(ithomeStore(), 'k8s-node1', proxyConfig('iptables'), topology);
  const svc = renderIptablesList(rules, { table: 'nat', chain: 'KUBE-SVC-V6MXQNFYUC7YNW7B', numeric: true });
  const sep = renderIptablesList(rules, { table: 'nat', chain: 'KUBE-SEP-7DAGYOML5QKPWFSL', numeric: true });
  const expectedSvc = [
    'Chain KUBE-SVC-V6MXQNFYUC7YNW7B (1 references)',
    'target     prot opt source               destination',
    'KUBE-MARK-MASQ  tcp  -- !10.244.0.0/16        10.96.191.108        /* ithome/nginx cluster IP */ tcp dpt:8080',
    'KUBE-SEP-7DAGYOML5QKPWFSL  all  --  0.0.0.0/0            0.0.0.0/0            /* ithome/nginx -> 10.244.1.2:80 */ statistic mode random probability 0.33333333349',
    'KUBE-SEP-YJAODCWU7PX6K2OG  all  --  0.0.0.0/0            0.0.0.0/0            /* ithome/nginx -> 10.244.2.2:80 */ statistic mode random probability 0.50000000000',
    'KUBE-SEP-DYRIFX6ZVNZI7BRA  all  --  0.0.0.0/0            0.0.0.0/0            /* ithome/nginx -> 10.244.2.3:80 */',
  ];
  const expectedSep = [
    'Chain KUBE-SEP-7DAGYOML5QKPWFSL (1 references)',
    'target     prot opt source               destination',
    'KUBE-MARK-MASQ  all  --  10.244.1.2           0.0.0.0/0            /* ithome/nginx */',
    'DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            /* ithome/nginx */ tcp to:10.244.1.2:80',
  ];
  // The reference copy lost trailing blanks; the real header line has them (print_header pads "destination" to 19 + 1).
  assert.deepEqual(svc.trimEnd().split('\n').map((l) => l.trimEnd()), expectedSvc);
  assert.deepEqual(sep.trimEnd().split('\n').map((l) => l.trimEnd()), expectedSep);
  assert.equal(svc.split('\n')[1], 'target     prot opt source               destination         ');
});

const REFERENCE_LINES: { name: string; render: () => string; line: string }[] = [
  {
    name: 'kubernetes cluster IP entry (-nL)',
    render: () => renderIptablesList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { table: 'nat', numeric: true }),
    line: 'KUBE-SVC-NPX46M4PTMTKRN6Y  tcp  --  0.0.0.0/0            10.96.0.1            /* default/kubernetes:https cluster IP */ tcp dpt:443',
  },
  {
    name: 'nodeports jump is the last KUBE-SERVICES rule',
    render: () => renderIptablesList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { table: 'nat', chain: 'KUBE-SERVICES', numeric: true }).trimEnd().split('\n').at(-1)!,
    line: 'KUBE-NODEPORTS  all  --  0.0.0.0/0            0.0.0.0/0            /* kubernetes service nodeports; NOTE: this must be the last rule in this chain */ ADDRTYPE match dst-type LOCAL',
  },
  {
    name: 'KUBE-MARK-MASQ',
    render: () => renderIptablesList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { table: 'nat', numeric: true }),
    line: 'MARK       all  --  0.0.0.0/0            0.0.0.0/0            MARK or 0x4000',
  },
  {
    name: 'iptables-save canonical kube-dns rule',
    render: () => renderIptablesSave(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { now: NOW }),
    line: '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU',
  },
  {
    name: 'no endpoints → filter REJECT (proxier_test "has no endpoints")',
    render: () => renderIptablesSave(buildProxyRules(featureStore(), 'k8s-node1', proxyConfig('iptables'), topology), { now: NOW, table: 'filter' }),
    line: '-A KUBE-SERVICES -d 10.100.0.5/32 -p tcp -m comment --comment "default/empty has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
  },
  {
    name: 'ClientIP affinity check rule before the probability rules',
    render: () => renderIptablesSave(buildProxyRules(featureStore(), 'k8s-node1', proxyConfig('iptables'), topology), { now: NOW }),
    line: `-A ${serviceChains('default/web', 'tcp').svl} -m comment --comment "default/web -> 10.244.1.10:80" -m recent --rcheck --seconds 10800 --reap --name ${endpointChain('default/web', 'tcp', '10.244.1.10:80')} --mask 255.255.255.255 --rsource -j ${endpointChain('default/web', 'tcp', '10.244.1.10:80')}`,
  },
  {
    name: 'without -n: anywhere and port names',
    render: () => renderIptablesList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { table: 'nat', chain: 'KUBE-SERVICES', numeric: false }),
    line: 'KUBE-SVC-5NTRM4TSNTP4MGN2  tcp  --  anywhere             10.98.224.15         /* default/howe cluster IP */ tcp dpt:http',
  },
];

for (const c of REFERENCE_LINES) {
  test(`reference line: ${c.name}`, () => {
    const out = c.render();
    assert.ok(out.split('\n').some((l) => l.startsWith(c.line)), `missing line starting with:\n${c.line}\nin:\n${out}`);
  });
}

test('NodePort with externalTrafficPolicy Local: EXT chain shortcuts pod and LOCAL traffic, SVL holds only local endpoints', () => {
  const rules = buildProxyRules(featureStore(), 'k8s-node1', proxyConfig('iptables'), topology);
  const web = rules.servicePorts.find((sp) => sp.name === 'default/web')!;
  assert.deepEqual(web.localEndpoints.map((e) => e.address), ['10.244.1.10:80', '10.244.1.5:80']);
  const save = renderIptablesSave(rules, { now: NOW, table: 'nat' });
  const ext = save.split('\n').filter((l) => l.startsWith(`-A ${web.chains.ext} `));
  assert.deepEqual(ext, [
    `-A ${web.chains.ext} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j ${web.chains.svc}`,
    `-A ${web.chains.ext} -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
    `-A ${web.chains.ext} -m comment --comment "route LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j ${web.chains.svc}`,
    `-A ${web.chains.ext} -j ${web.chains.svl}`,
  ]);
  assert.ok(save.includes(`-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j ${web.chains.ext}`));
});

test('unknown chain is reported, known ones are found', () => {
  const rules = buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology);
  assert.equal(hasChain(rules, 'nat', 'KUBE-SVC-NPX46M4PTMTKRN6Y'), true);
  assert.equal(hasChain(rules, 'nat', 'KUBE-NOPE'), false);
  assert.throws(() => renderIptablesList(rules, { table: 'nat', chain: 'KUBE-NOPE', numeric: true }), /No chain\/target\/match by that name/);
});

const GOLDENS: { file: string; render: () => string }[] = [
  { file: 'iptables-nat-nL-master.txt', render: () => renderIptablesList(buildProxyRules(tutorialStore(), 'k8s-master', proxyConfig('iptables'), topology), { table: 'nat', numeric: true }) },
  { file: 'iptables-save-node1-features.txt', render: () => renderIptablesSave(buildProxyRules(featureStore(), 'k8s-node1', proxyConfig('iptables'), topology), { now: NOW }) },
  { file: 'iptables-filter-L-node1-features.txt', render: () => renderIptablesList(buildProxyRules(featureStore(), 'k8s-node1', proxyConfig('iptables'), topology), { table: 'filter', numeric: false }) },
  { file: 'iptables-nat-nL-ipvs-mode.txt', render: () => renderIptablesList(buildProxyRules(featureStore(), 'k8s-master', proxyConfig('ipvs'), topology), { table: 'nat', numeric: true }) },
];

for (const g of GOLDENS) {
  test(`golden ${g.file}`, () => assertGolden(golden(g.file), g.render(), process.env));
}
