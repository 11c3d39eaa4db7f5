import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressMap, LAB_NODES } from './address-map.ts';

const map = AddressMap.build({
  labNodes: [...LAB_NODES],
  realNodes: [{ name: 'kubelab-42-control-plane', ip: '172.18.0.2' }, { name: 'kubelab-42-worker', ip: '172.18.0.3' }, { name: 'kubelab-42-worker2', ip: '172.18.0.4' }],
  realPool: { first: '172.18.255.205', last: '172.18.255.254' },
});

const TO_REAL = [
  { name: 'master IP and node port', lab: 'curl 172.25.250.100:31771/hostname.html', real: 'curl 172.18.0.2:31771/hostname.html' },
  { name: '.10 is not the start of .100', lab: 'curl 172.25.250.10:80 172.25.250.100:80', real: 'curl 172.18.0.3:80 172.18.0.2:80' },
  { name: 'first pool address ↔ first real pool address', lab: 'curl 172.25.250.50', real: 'curl 172.18.255.205' },
  { name: 'pool addresses map position by position', lab: '172.25.250.51 172.25.250.99', real: '172.18.255.206 172.18.255.254' },
  { name: 'node names, including inside pod names', lab: 'kubectl -n kube-system get pod kube-apiserver-k8s-master | grep k8s-node2', real: 'kubectl -n kube-system get pod kube-apiserver-kubelab-42-control-plane | grep kubelab-42-worker2' },
  { name: 'cluster IPs and other addresses are left alone', lab: 'dig @10.96.0.10 howe.default.svc.cluster.local. 1.172.25.250.100', real: 'dig @10.96.0.10 howe.default.svc.cluster.local. 1.172.25.250.100' },
];

for (const c of TO_REAL) {
  test(`lab → real: ${c.name}`, () => assert.equal(map.toReal(c.lab), c.real));
  test(`real → lab: ${c.name}`, () => assert.equal(map.toLab(c.real), c.lab));
}

const TO_LAB = [
  { name: 'worker2 is not worker + "2"', real: 'howe-1 Running kubelab-42-worker2\nhowe-2 Running kubelab-42-worker', lab: 'howe-1 Running k8s-node2\nhowe-2 Running k8s-node1' },
  { name: 'an external IP column', real: 'loadbalancer LoadBalancer 10.96.71.2 172.18.255.205 80:31771/TCP', lab: 'loadbalancer LoadBalancer 10.96.71.2 172.25.250.50 80:31771/TCP' },
];
for (const c of TO_LAB) test(`real → lab: ${c.name}`, () => assert.equal(map.toLab(c.real), c.lab));

test('objects read from the cluster come back in lab terms', () => {
  const pod = { spec: { nodeName: 'kubelab-42-worker' }, status: { hostIP: '172.18.0.3', podIP: '10.244.1.5' } };
  assert.deepEqual(map.objectToLab(pod), { spec: { nodeName: 'k8s-node1' }, status: { hostIP: '172.25.250.10', podIP: '10.244.1.5' } });
});

test('lab-subnet addresses without a counterpart are reported', () => {
  assert.deepEqual(map.unmapped('curl 172.25.250.7 172.25.250.100 10.0.0.1 172.25.250.200'), ['172.25.250.7', '172.25.250.200']);
  assert.deepEqual(map.with({ lab: '172.25.250.200', real: '172.18.0.5' }).unmapped('curl 172.25.250.200'), []);
});
