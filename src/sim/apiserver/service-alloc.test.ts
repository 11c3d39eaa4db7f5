/** ClusterIP and NodePort allocation: bands, determinism, requests, conflicts, release (k8s-services.md §1.2–1.6). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../model/core.ts';
import { testSimulation } from './test-sim.ts';
import { calculateRangeOffset, ipAt, offsetOf, parseServiceIPRange } from './ip-range.ts';
import { portBands } from './port-range.ts';
import { renderFieldError } from './field-errors.ts';

const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ...spec } });

const bandCases = [
  { cidr: '10.96.0.0/24', offset: 16, lastStatic: '10.96.0.16', firstDynamic: '10.96.0.17', last: '10.96.0.254' },
  { cidr: '10.96.0.0/20', offset: 256, lastStatic: '10.96.1.0', firstDynamic: '10.96.1.1', last: '10.96.15.254' },
  { cidr: '10.96.0.0/16', offset: 256, lastStatic: '10.96.1.0', firstDynamic: '10.96.1.1', last: '10.96.255.254' },
  { cidr: '10.96.0.0/12', offset: 256, lastStatic: '10.96.1.0', firstDynamic: '10.96.1.1', last: '10.111.255.254' },
];
for (const c of bandCases) {
  test(`ClusterIP bands of ${c.cidr}`, () => {
    const range = parseServiceIPRange(c.cidr);
    assert.ok(!('error' in range));
    assert.equal(range.offset, c.offset);
    assert.equal(ipAt(range, range.offset - 1), c.lastStatic);
    assert.equal(ipAt(range, range.offset), c.firstDynamic);
    assert.equal(ipAt(range, range.max - 1), c.last);
  });
}

test('calculateRangeOffset: no split at 16 addresses or fewer', () => {
  assert.deepEqual([16, 32, 4096, 1 << 20].map(calculateRangeOffset), [0, 16, 256, 256]);
});

test('default nodePort range: static 30000-30085, dynamic 30086-32767', () => {
  assert.deepEqual(portBands({ min: 30000, max: 32767 }), { static: { min: 30000, max: 30085 }, dynamic: { min: 30086, max: 32767 } });
  assert.deepEqual(portBands({ min: 30000, max: 30010 }).static, undefined);
});

test('dynamic ClusterIPs and nodePorts come from the dynamic bands and repeat for a seed', () => {
  const allocate = (seed: number) => {
    const { api } = testSimulation(seed);
    return Array.from({ length: 20 }, (_, i) => {
      const r = api.create(svc(`s${i}`, { type: 'NodePort', ports: [{ port: 80 }] }));
      assert.ok(r.ok);
      const spec = (r.object as Service).spec;
      return { ip: spec.clusterIP!, nodePort: spec.ports![0]!.nodePort! };
    });
  };
  const first = allocate(7);
  assert.deepEqual(allocate(7), first);
  assert.notDeepEqual(allocate(8), first);
  const range = parseServiceIPRange('10.96.0.0/12');
  assert.ok(!('error' in range));
  for (const { ip, nodePort } of first) {
    assert.ok(offsetOf(range, ip)! >= 256, `${ip} is in the dynamic band`);
    assert.ok(nodePort >= 30086 && nodePort <= 32767, `${nodePort} is in the dynamic band`);
  }
  assert.equal(new Set(first.map((a) => a.ip)).size, 20);
});

test('default/kubernetes gets the first address; a requested static address is honoured', () => {
  const { api } = testSimulation();
  const k = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes' }, spec: { ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
  assert.ok(k.ok);
  assert.equal((k.object as Service).spec.clusterIP, '10.96.0.1');
  const dns = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns', namespace: 'kube-system' }, spec: { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] } });
  assert.ok(dns.ok);
  assert.deepEqual((dns.object as Service).spec.clusterIPs, ['10.96.0.10']);
});

const conflictCases: { name: string; first?: Record<string, unknown>; second: Record<string, unknown>; want: string; reason?: string }[] = [
  { name: 'nodePort out of range', second: { type: 'NodePort', ports: [{ port: 80, nodePort: 33333 }] }, want: 'spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767' },
  { name: 'nodePort taken', first: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, second: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'UDP' }] }, want: 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated' },
  { name: 'clusterIP taken', first: { clusterIP: '10.96.0.50', ports: [{ port: 80 }] }, second: { clusterIP: '10.96.0.50', ports: [{ port: 80 }] }, want: 'spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated' },
  { name: 'clusterIP out of range', second: { clusterIP: '192.168.0.5', ports: [{ port: 80 }] }, want: 'spec.clusterIPs: Invalid value: []string{"192.168.0.5"}: failed to allocate IP 192.168.0.5: the provided IP (192.168.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12' },
  { name: 'broadcast address', second: { clusterIP: '10.111.255.255', ports: [{ port: 80 }] }, want: 'spec.clusterIPs: Invalid value: []string{"10.111.255.255"}: failed to allocate IP 10.111.255.255: the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12' },
];
for (const c of conflictCases) {
  test(`allocation error: ${c.name}`, () => {
    const { api } = testSimulation();
    if (c.first) assert.ok(api.create(svc('first', c.first)).ok);
    const r = api.create(svc('second', c.second));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.status.causes?.map(renderFieldError), [c.want]);
  });
}

test('allocation errors pre-empt validation errors (a bad name is not reported with them)', () => {
  const { api } = testSimulation();
  const r = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'Bad_Name' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 33333 }] } });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.status.causes?.length, 1);
});

test('ports with the same number and different protocols share one nodePort', () => {
  const { api } = testSimulation();
  const r = api.create(svc('dns', { type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'm', port: 9153 }] }));
  assert.ok(r.ok);
  const [udp, tcp, metrics] = (r.object as Service).spec.ports!;
  assert.equal(udp!.nodePort, tcp!.nodePort);
  assert.notEqual(metrics!.nodePort, udp!.nodePort);
});

test('a full nodePort range is a 500 InternalError', () => {
  const { sim, api } = testSimulation();
  sim.config.serviceNodePortRange = { min: 30000, max: 30001 };
  assert.ok(api.create(svc('a', { type: 'NodePort', ports: [{ port: 80 }, { port: 81, name: 'b' }].map((p, i) => ({ ...p, name: `p${i}` })) })).ok);
  const r = api.create(svc('b', { type: 'NodePort', ports: [{ port: 80 }] }));
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual([r.status.code, r.status.reason, r.status.message], [500, 'InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full']);
});

test('LoadBalancer + Local gets a healthCheckNodePort; NodePort + Local does not', () => {
  const { api } = testSimulation();
  const lb = api.create(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
  assert.ok(lb.ok);
  const hc = (lb.object as Service).spec.healthCheckNodePort!;
  assert.ok(hc >= 30000 && hc <= 32767);
  const np = api.create(svc('np', { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }));
  assert.ok(np.ok);
  assert.equal((np.object as Service).spec.healthCheckNodePort, undefined);
});

test('changing NodePort to ClusterIP releases the nodePort for another service', () => {
  const { api } = testSimulation();
  const created = api.apply(svc('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
  assert.ok(created.ok);
  const changed = api.apply(svc('web', { type: 'ClusterIP', ports: [{ port: 80 }] }));
  assert.ok(changed.ok);
  assert.equal((changed.object as Service).spec.ports![0]!.nodePort, undefined);
  assert.equal((changed.object as Service).spec.externalTrafficPolicy, undefined);
  assert.ok(api.create(svc('other', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })).ok);
});
