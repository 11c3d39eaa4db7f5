/** PTR answers of the CoreDNS kubernetes plugin for in-addr.arpa names. */
// SRC: coredns plugin/kubernetes/reverse.go serviceRecordForIP; controller.go svcIPIndexFunc, epIPIndexFunc;
//      plugin/backend_lookup.go PTR (deduplicated) (v1.11)
import type { Service, EndpointSlice } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import type { Random } from '../context.ts';
import { endpointLabel } from './coredns-records.ts';

/**
 * Names for an IP: a service whose ClusterIP it is wins alone (the index holds ClusterIPs only, so a
 * LoadBalancer or external IP has no PTR here and falls through); otherwise one name per ready
 * endpoint address in the EndpointSlices indexed under the IP. Empty = fall through.
 */
export function reverseNames(store: ReadonlyStore, zone: string, ip: string, rng?: Random): string[] {
  const services = store.list<Service>('Service');
  for (const svc of services) {
    if (clusterIPs(svc).includes(ip)) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`];
  }
  const names: string[] = [];
  for (const slice of indexOrder(slicesWith(store, services, ip), rng)) {
    const svc = slice.metadata.labels!['kubernetes.io/service-name']!;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false || !ep.addresses.includes(ip)) continue;
      const name = `${endpointLabel(ip, ep.hostname)}.${svc}.${slice.metadata.namespace}.svc.${zone}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

// The IPv4 EndpointSlices of non-ExternalName services with `ip` as a ready address, in the order the informer added them.
function slicesWith(store: ReadonlyStore, services: Service[], ip: string): EndpointSlice[] {
  const known = new Set(services.filter((s) => s.spec.type !== 'ExternalName').map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  return store.list<EndpointSlice>('EndpointSlice')
    .filter((s) => s.addressType === 'IPv4' && known.has(`${s.metadata.namespace}/${s.metadata.labels?.['kubernetes.io/service-name']}`))
    .filter((s) => (s.endpoints ?? []).some((ep) => ep.conditions?.ready !== false && ep.addresses.includes(ip)))
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
}

/**
 * client-go's Indexer.ByIndex walks a Go map (a set of object keys). For up to 8 keys the map is one bucket
 * whose slots fill in insertion order, and iteration starts at a random slot of 8 and wraps: a rotation
 * that starts at key k with probability 1/8 each, and in insertion order otherwise.
 */
// SRC: client-go tools/cache/thread_safe_store.go ByIndex; Go runtime/map.go mapiterinit (bucketCnt = 8, go1.21)
export function indexOrder<T>(items: T[], rng: Random | undefined): T[] {
  if (!rng || items.length < 2 || items.length > 8) return items;
  const offset = rng.below(8);
  return offset < items.length ? [...items.slice(offset), ...items.slice(0, offset)] : items;
}

function clusterIPs(svc: Service): string[] {
  const ips = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
  return ips.filter((ip) => ip !== 'None');
}
