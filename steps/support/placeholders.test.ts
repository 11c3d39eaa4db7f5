import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeRegExp, expandPlaceholders, type PlaceholderSource } from './placeholders.ts';
import type { KubeObject } from '../../src/index.ts';

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'howe', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.99.113.82', ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'howe-service', namespace: 'default' }, spec: { type: 'NodePort', clusterIP: '10.96.182.56', ports: [{ port: 80, nodePort: 31502 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'superhowe', namespace: 'default' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'loadbalancer', namespace: 'default' }, spec: { type: 'LoadBalancer', clusterIP: '10.99.217.26', ports: [{ port: 80, nodePort: 30908 }] }, status: { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'pending', namespace: 'default' }, spec: { type: 'LoadBalancer', clusterIP: '10.99.0.9', ports: [{ port: 80, nodePort: 30001 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, spec: { type: 'NodePort', clusterIP: '10.100.0.5', ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'https', port: 443, nodePort: 30443 }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test', namespace: 'default' }, spec: { containers: [] }, status: { phase: 'Running', podIP: '10.244.1.5' } },
];

const source: PlaceholderSource = {
  info: { nodes: [{ name: 'k8s-master', ip: '172.25.250.100', role: 'control-plane' }, { name: 'k8s-node1', ip: '172.25.250.10', role: 'worker' }] },
  async get(kind, name, namespace) {
    return objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === (namespace ?? 'default'));
  },
};

const expansions = [
  { name: 'cluster IP', text: 'dig @10.96.0.10 +short → {service howe cluster IP}', want: 'dig @10.96.0.10 +short → 10.99.113.82' },
  { name: 'node IP and node port', text: 'curl {node k8s-master IP}:{service howe-service node port}/hostname.html', want: 'curl 172.25.250.100:31502/hostname.html' },
  { name: 'external IP', text: 'curl {service loadbalancer external IP}', want: 'curl 172.25.250.50' },
  { name: 'namespaced service, port by name', text: '{service ingress-nginx/ingress-nginx-controller node port https}', want: '30443' },
  { name: 'namespaced service, port by number', text: '{service ingress-nginx/ingress-nginx-controller node port 80}', want: '30080' },
  { name: 'pod IP', text: 'ping {pod test IP}', want: 'ping 10.244.1.5' },
  { name: 'shell braces untouched', text: 'for i in {1..5}; do curl x; done', want: 'for i in {1..5}; do curl x; done' },
  { name: 'regex quantifier untouched', text: 'howe-[a-z0-9]+-[a-z0-9]{5}', want: 'howe-[a-z0-9]+-[a-z0-9]{5}' },
];

for (const c of expansions) {
  test(`expands ${c.name}`, async () => {
    assert.equal(await expandPlaceholders(c.text, source), c.want);
  });
}

test('escapes values for regular expressions', async () => {
  assert.equal(await expandPlaceholders('^{service howe cluster IP}$', source, escapeRegExp), '^10\\.99\\.113\\.82$');
});

const failures = [
  { name: 'unknown attribute', text: '{service howe colour}', match: /unknown placeholder \{service howe colour\}.*\{service NAME cluster IP\}/ },
  { name: 'missing service', text: '{service nope cluster IP}', match: /service "nope" not found in namespace default/ },
  { name: 'headless has no cluster IP', text: '{service superhowe cluster IP}', match: /"superhowe" has no cluster IP/ },
  { name: 'ClusterIP has no node port', text: '{service howe node port}', match: /port 80 has no node port \(type ClusterIP\)/ },
  { name: 'pending load balancer', text: '{service pending external IP}', match: /no external IP yet.*MetalLB/ },
  { name: 'several ports need a choice', text: '{service ingress-nginx/ingress-nginx-controller node port}', match: /has 2 ports; say which/ },
  { name: 'unknown node', text: '{node k8s-node9 IP}', match: /no node "k8s-node9"; the nodes are k8s-master, k8s-node1/ },
  { name: 'bad object name', text: '{service Howe_1 cluster IP}', match: /"Howe_1" is not an object name/ },
];

for (const c of failures) {
  test(`rejects ${c.name}`, async () => {
    await assert.rejects(expandPlaceholders(c.text, source), c.match);
  });
}
