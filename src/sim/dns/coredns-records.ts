/**
 * The CoreDNS kubernetes plugin's record lookup: a name under the cluster zone → the services,
 * endpoints or pod addresses it stands for (msg.Service items), or a name error.
 */
// SRC: coredns plugin/kubernetes/parse.go parseRequest, kubernetes.go Records/findServices/findPods (v1.11)
import type { Namespace, Service, EndpointSlice } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import { labelsBefore, isIPv4 } from './names.ts';

/** The parts of a query name: `[_port._proto. | endpoint.] service.namespace.(svc|pod).zone`. */
export interface RecordRequest { port: string; protocol: string; endpoint: string; service: string; namespace: string; podOrSvc: '' | 'svc' | 'pod' }

/** One thing a name stands for: an address (or, for ExternalName, a target name) with the owner name CoreDNS builds for it. */
export interface RecordItem {
  /** IPv4 address, or the ExternalName target. */
  host: string;
  hostIsName: boolean;
  port: number;
  /** Fully qualified name of the record's owner: `<svc>.<ns>.svc.<zone>.` or `<endpoint>.<svc>.<ns>.svc.<zone>.`. */
  target: string;
}

/** Records for a name, `nodata` (name exists, nothing of this kind) or a name error (NXDOMAIN). */
export type RecordLookup = { kind: 'records'; items: RecordItem[] } | { kind: 'nxdomain' };

/** Splits a name under the zone as CoreDNS does; undefined = invalid request (answered NXDOMAIN). */
export function parseRequest(name: string, zone: string): RecordRequest | undefined {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  const segs = labelsBefore(name, zone);
  // Apex queries (zone, svc.zone, pod.zone) are NODATA.
  if (segs.length === 0 || (segs.length === 1 && (segs[0] === 'svc' || segs[0] === 'pod'))) return r;
  let last = segs.length - 1;
  const kind = segs[last--];
  if (kind !== 'svc' && kind !== 'pod') return undefined;
  r.podOrSvc = kind;
  r.namespace = segs[last--] ?? '';
  if (last < 0) return r;
  r.service = segs[last--] ?? '';
  if (last < 0) return r;
  if (last === 0) r.endpoint = segs[0]!;
  else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]!);
    r.port = stripUnderscore(segs[0]!);
  } else return undefined; // too long: NXDOMAIN
  return r;
}

/** Looks up what a parsed request names in the store (`pods insecure`, as kubeadm's Corefile sets). */
export function findRecords(store: ReadonlyStore, zone: string, r: RecordRequest): RecordLookup {
  if (r.podOrSvc === '') return { kind: 'records', items: [] };
  // SRC: namespaceExposed — a namespace that does not exist answers NXDOMAIN for everything below it.
  if (!store.get<Namespace>('Namespace', r.namespace)) return { kind: 'nxdomain' };
  if (r.service === '') return { kind: 'records', items: [] };
  return r.podOrSvc === 'pod' ? findPod(zone, r) : findServices(store, zone, r);
}

// SRC: findPods, podModeInsecure: the dashed name is turned back into an IP without checking a pod has it.
function findPod(zone: string, r: RecordRequest): RecordLookup {
  const ip = r.service.split('-').length === 4 && !r.service.includes('--') ? r.service.replaceAll('-', '.') : r.service.replaceAll('-', ':');
  if (!isIPv4(ip)) return { kind: 'nxdomain' }; // IPv6 pods are not modelled; ParseIP fails for other text
  return { kind: 'records', items: [{ host: ip, hostIsName: false, port: 0, target: `${r.service}.${r.namespace}.pod.${zone}` }] };
}

function findServices(store: ReadonlyStore, zone: string, r: RecordRequest): RecordLookup {
  const svc = store.get<Service>('Service', r.service, r.namespace);
  if (!svc) return { kind: 'nxdomain' };
  const svcName = `${svc.metadata.name}.${r.namespace}.svc.${zone}`;
  let found = false;
  const items: RecordItem[] = [];
  if (svc.spec.type === 'ExternalName') {
    // An IP-looking externalName is not a CNAME target (HostType), so nothing is served.
    const target = (svc.spec.externalName ?? '').replace(/\.$/, '');
    if (r.endpoint !== '' || target === '' || isIPv4(target)) return { kind: 'nxdomain' };
    return { kind: 'records', items: [{ host: target, hostIsName: true, port: 0, target: svcName }] };
  }
  if (svc.spec.clusterIP === 'None' || r.endpoint !== '') {
    for (const ep of readyEndpoints(store, svc)) {
      if (r.endpoint !== '' && r.endpoint !== ep.label) continue;
      for (const p of ep.ports) {
        if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
        found = true;
        items.push({ host: ep.ip, hostIsName: false, port: p.port, target: `${ep.label}.${svcName}` });
      }
    }
    return found ? { kind: 'records', items } : { kind: 'nxdomain' };
  }
  for (const p of svc.spec.ports ?? []) {
    if (!matchPortAndProtocol(r.port, p.name ?? '', r.protocol, p.protocol ?? 'TCP')) continue;
    found = true;
    const ips = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
    for (const ip of ips) items.push({ host: ip, hostIsName: false, port: p.port, target: svcName });
  }
  return found ? { kind: 'records', items } : { kind: 'nxdomain' };
}

/** A ready endpoint of a service as CoreDNS sees it: IP, its DNS label, and the slice's ports. */
export interface DnsEndpoint { ip: string; label: string; ports: { name: string; protocol: string; port: number }[] }

/** Ready endpoints of a service from its EndpointSlices (ready unset counts as ready). */
// SRC: coredns plugin/kubernetes/object/endpoint.go EndpointSliceToEndpoints (ready only; port -1 sentinel when a slice has no ports)
export function readyEndpoints(store: ReadonlyStore, svc: Service): DnsEndpoint[] {
  const out: DnsEndpoint[] = [];
  const slices = store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name && s.addressType === 'IPv4');
  for (const slice of slices) {
    const ports = (slice.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port ?? -1 }));
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        out.push({ ip, label: endpointLabel(ip, ep.hostname), ports: ports.length > 0 ? ports : [{ name: '', protocol: '', port: -1 }] });
      }
    }
  }
  return out;
}

/** The endpoint's DNS label: its hostname when set, else the IP with dots turned into dashes. */
// SRC: coredns plugin/kubernetes/kubernetes.go endpointHostname
export function endpointLabel(ip: string, hostname: string | undefined): string {
  return hostname ? hostname : ip.replaceAll('.', '-').replaceAll(':', '-');
}

// SRC: kubernetes.go matchPortAndProtocol — an empty request port/protocol matches anything; comparison ignores case.
function matchPortAndProtocol(aPort: string, bPort: string, aProto: string, bProto: string): boolean {
  return (aPort === '' || aPort.toLowerCase() === bPort.toLowerCase()) && (aProto === '' || aProto.toLowerCase() === bProto.toLowerCase());
}

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}
