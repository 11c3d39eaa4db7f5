/** Table printers for Services, Endpoints and EndpointSlices. */
import type { Endpoints, EndpointSlice, Service } from '../../../../model/core.ts';
import { age, formatLabels, listWithMore, type TablePrinter } from './printer.ts';

// SRC: kubernetes pkg/printers/internalversion/printers.go printService, getServiceExternalIP, makePortString (v1.31).
const LOAD_BALANCER_WIDTH = 16;

/** NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [SELECTOR]. */
export const servicePrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])],
  row(obj, ctx) {
    const svc = obj as Service;
    const type = svc.spec.type ?? 'ClusterIP';
    const clusterIP = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>';
    const ports = servicePorts(svc);
    const row = [svc.metadata.name, type, clusterIP === '' ? '<none>' : clusterIP, serviceExternalIP(svc, ctx.wide), ports, age(svc, ctx)];
    return ctx.wide ? [...row, formatLabels(svc.spec.selector)] : row;
  },
};

/** `80/TCP`, `80:31502/TCP`, joined by ","; `<none>` without ports. */
export function servicePorts(svc: Service): string {
  const pieces = (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`));
  return pieces.length === 0 ? '<none>' : pieces.join(',');
}

/** The EXTERNAL-IP cell. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer?.ingress ?? [], wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb === '' ? '<pending>' : lb;
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** Sorted unique ingress IPs (or hostnames), cut to 16 characters unless wide (loadBalancerStatusStringer). */
export function loadBalancerIngress(ingress: { ip?: string; hostname?: string }[], wide: boolean): string {
  const values = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter((v) => v !== ''))].sort();
  const joined = values.join(',');
  return !wide && joined.length > LOAD_BALANCER_WIDTH ? `${joined.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : joined;
}

/** NAME ENDPOINTS AGE. */
export const endpointsPrinter: TablePrinter = {
  headers: () => ['NAME', 'ENDPOINTS', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, formatEndpoints(obj as Endpoints), age(obj, ctx)],
};

/** Ready `ip:port` per (port × address), first three then "+ N more..."; `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints): string {
  // SRC: kubernetes pkg/printers/internalversion/printers.go formatEndpoints (v1.31).
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const all: string[] = [];
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) all.push(...addresses.map((a) => a.ip));
    else for (const port of ss.ports) all.push(...addresses.map((a) => joinHostPort(a.ip, port.port)));
  }
  const shown = all.slice(0, 3).join(',');
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: TablePrinter = {
  headers: () => ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row(obj, ctx) {
    // SRC: kubernetes pkg/printers/internalversion/printers.go printEndpointSlice, formatDiscoveryPorts/Endpoints (v1.31).
    const slice = obj as EndpointSlice;
    const ports = (slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : p.name ?? '*'));
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
    return [slice.metadata.name, slice.addressType, listWithMore(ports), listWithMore(addresses), age(slice, ctx)];
  },
};
