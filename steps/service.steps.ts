/** Then steps about Service objects, read through the cluster API (`namespace/name` or `name` in default). */
import { Then } from '@cucumber/cucumber';
import ipaddr from 'ipaddr.js';
import { HarnessError, type EndpointSlice, type Service } from '../src/index.ts';
import type { LabWorld } from './world.ts';
import { parseObjectRef } from './support/object-ref.ts';

async function service(world: LabWorld, name: string): Promise<Service> {
  const ref = parseObjectRef(name);
  const found = (await (await world.cluster()).get('Service', ref.name, ref.namespace)) as Service | undefined;
  if (!found) throw new Error(`service "${ref.name}" not found in namespace ${ref.namespace}`);
  return found;
}

function externalIPs(svc: Service): string[] {
  const fromStatus = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter((x) => x !== '');
  return [...fromStatus, ...(svc.spec.externalIPs ?? [])];
}

Then('service {string} has type {string}', async function (this: LabWorld, name: string, type: string) {
  const actual = (await service(this, name)).spec.type ?? 'ClusterIP';
  if (actual !== type) throw new Error(`service "${name}" has type ${actual}, not ${type}`);
});

Then('service {string} has a cluster IP in {string}', async function (this: LabWorld, name: string, cidr: string) {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(cidr);
  } catch {
    throw new HarnessError('INVALID_INPUT', `"${cidr}" is not a CIDR range such as 10.96.0.0/12`);
  }
  const ip = (await service(this, name)).spec.clusterIP;
  if (!ip || ip === 'None' || !ipaddr.isValid(ip)) throw new Error(`service "${name}" has no cluster IP (clusterIP: ${ip ?? 'unset'})`);
  const parsed = ipaddr.parse(ip);
  if (parsed.kind() !== range[0].kind() || !parsed.match(range)) throw new Error(`service "${name}" has cluster IP ${ip}, which is not in ${cidr}`);
});

Then('service {string} has no cluster IP', async function (this: LabWorld, name: string) {
  const ip = (await service(this, name)).spec.clusterIP;
  if (ip && ip !== 'None') throw new Error(`service "${name}" has cluster IP ${ip}`);
});

Then('service {string} has the external IP {string}', async function (this: LabWorld, name: string, ip: string) {
  const wanted = await this.expand(ip);
  const actual = externalIPs(await service(this, name));
  if (!actual.includes(wanted)) throw new Error(`service "${name}" has ${actual.length === 0 ? 'no external IP (<pending>)' : `external IP(s) ${actual.join(', ')}`}, not ${wanted}`);
});

Then('service {string} has no external IP', async function (this: LabWorld, name: string) {
  const actual = externalIPs(await service(this, name));
  if (actual.length > 0) throw new Error(`service "${name}" has external IP(s) ${actual.join(', ')}`);
});

Then('service {string} has the node port {int}', async function (this: LabWorld, name: string, port: number) {
  const ports = ((await service(this, name)).spec.ports ?? []).map((p) => p.nodePort).filter((p) => p !== undefined);
  if (!ports.includes(port)) throw new Error(`service "${name}" has ${ports.length === 0 ? 'no node port' : `node port(s) ${ports.join(', ')}`}, not ${port}`);
});

Then('service {string} has a node port in {int}-{int}', async function (this: LabWorld, name: string, low: number, high: number) {
  const ports = ((await service(this, name)).spec.ports ?? []).map((p) => p.nodePort);
  if (ports.length === 0 || ports.some((p) => p === undefined || p < low || p > high)) {
    throw new Error(`service "${name}" has node port(s) ${ports.map((p) => p ?? 'none').join(', ')}, expected every one in ${low}-${high}`);
  }
});

Then('service {string} has {int} endpoint(s)', async function (this: LabWorld, name: string, count: number) {
  const svc = await service(this, name);
  const ns = svc.metadata.namespace ?? 'default';
  const slices = ((await (await this.cluster()).list('EndpointSlice', ns)) as EndpointSlice[])
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  // SRC: kubernetes pkg/proxy/endpointslicecache.go — an endpoint whose ready condition is unset counts as ready.
  const ready = new Set(slices.flatMap((s) => s.endpoints.filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses)));
  if (ready.size !== count) throw new Error(`service "${name}" has ${ready.size} ready endpoint(s) (${[...ready].join(', ') || 'none'}), not ${count}`);
});
