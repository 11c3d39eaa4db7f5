import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { PortAllocator, isLoopback, loopbackTwin, renderMappingTable } from './port-map.ts';

const twins = [
  { name: 'node address', ip: '172.25.250.10', want: '127.25.250.10' },
  { name: 'MetalLB address', ip: '172.25.250.50', want: '127.25.250.50' },
  { name: 'kube-dns cluster IP', ip: '10.96.0.10', want: '127.96.0.10' },
];
for (const c of twins) test(`loopbackTwin: ${c.name}`, () => assert.equal(loopbackTwin(c.ip), c.want));

const loopbacks = [
  { host: '127.0.0.1', want: true }, { host: '127.25.250.10', want: true },
  { host: '0.0.0.0', want: false }, { host: '172.25.250.10', want: false }, { host: '::', want: false },
];
for (const c of loopbacks) test(`isLoopback: ${c.host}`, () => assert.equal(isLoopback(c.host), c.want));

test('PortAllocator: mirror keeps the port, port-base numbers endpoints by first appearance and keeps them', () => {
  const mirror = new PortAllocator({ mode: 'mirror' });
  assert.deepEqual(mirror.addressFor({ ip: '172.25.250.50', port: 80, protocol: 'TCP' }), { host: '127.25.250.50', port: 80 });
  const based = new PortAllocator({ mode: 'port-base', base: 18000 });
  const a = { ip: '172.25.250.10', port: 30080, protocol: 'TCP' as const };
  const b = { ip: '172.25.250.20', port: 30080, protocol: 'TCP' as const };
  assert.deepEqual(based.addressFor(a), { host: '127.0.0.1', port: 18000 });
  assert.deepEqual(based.addressFor(b), { host: '127.0.0.1', port: 18001 });
  assert.deepEqual(based.addressFor(a), { host: '127.0.0.1', port: 18000 }, 'a re-sync keeps the port');
  assert.deepEqual(based.addressFor({ ...a, protocol: 'UDP' }), { host: '127.0.0.1', port: 18002 }, 'UDP is a separate endpoint');
});

test('renderMappingTable: columns padded to the widest cell (golden)', () => {
  const text = renderMappingTable([
    { simulated: '172.25.250.10:31234', served: '127.25.250.10:31234', what: 'NodePort default/howe-service (http)' },
    { simulated: '172.25.250.50:80', served: '127.25.250.50:80', what: 'LoadBalancer default/loadbalancer (http)' },
    { simulated: '172.25.250.100:6443', served: 'not served', what: 'hostNetwork kube-system/kube-apiserver-k8s-master: binding 127.25.250.100:6443 failed: busy' },
    { simulated: '10.96.0.10:53/udp+tcp', served: '127.96.0.10:53', what: 'cluster DNS (kube-system/kube-dns, as seen from a node)' },
  ]);
  const golden = new URL('./testdata/mapping-table.txt', import.meta.url);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, text);
  assert.equal(text, readFileSync(golden, 'utf8'));
});
