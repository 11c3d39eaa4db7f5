/** PTR answers of the CoreDNS kubernetes plugin for in-addr.arpa names. */
// SRC: coredns plugin/kubernetes/reverse.go serviceRecordForIP; controller.go svcIPIndexFunc (v1.11)
import type { Service } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import { readyEndpoints } from './coredns-records.ts';

/**
 * Names for an IP: a service whose ClusterIP (or external/LoadBalancer IP) it is wins alone;
 * otherwise one name per service that has the IP as a ready endpoint. Empty = fall through.
 */
export function reverseNames(store: ReadonlyStore, zone: string, ip: string): string[] {
  const services = store.list<Service>('Service');
  for (const svc of services) {
    if (serviceIPs(svc).includes(ip)) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`];
  }
  const names: string[] = [];
  for (const svc of services) {
    if (svc.spec.type === 'ExternalName') continue;
    for (const ep of readyEndpoints(store, svc)) {
      if (ep.ip !== ip) continue;
      const name = `${ep.label}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

// CoreDNS's object.Service keeps ClusterIPs plus spec.externalIPs and status LoadBalancer IPs, and indexes all of them.
function serviceIPs(svc: Service): string[] {
  const cluster = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
  const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => ip !== undefined);
  return [...cluster.filter((ip) => ip !== 'None'), ...(svc.spec.externalIPs ?? []), ...lb];
}
