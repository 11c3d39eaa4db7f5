/** The SOA record CoreDNS puts in the authority section of NXDOMAIN/NODATA answers, and the zone's serial. */
// SRC: coredns plugin/backend_lookup.go SOA; plugin/kubernetes/kubernetes.go Serial (APIConn.Modified) (v1.11)
import type { DnsRecord } from '../../cluster/exchanges.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { ReadonlyStore } from '../store.ts';

/** TTL of every kubernetes-plugin record: kubeadm's Corefile says `ttl 30` (the plugin default would be 5). */
export const KUBEADM_DNS_TTL = 30;

/** `cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. <serial> 7200 1800 86400 30`. */
export function soaRecord(zone: string, serial: number): DnsRecord {
  const ttl = Math.min(KUBEADM_DNS_TTL, 300);
  return { name: zone, type: 'SOA', ttl, class: 'IN', data: `ns.dns.${zone} hostmaster.${zone} ${serial} 7200 1800 86400 ${KUBEADM_DNS_TTL}` };
}

/**
 * CoreDNS's serial is the unix time of the last Service/EndpointSlice change its informers saw (namespace
 * changes have no handler). A running CoreDNS pod tracks it (coredns-watch.ts); without one the store's
 * newest creationTimestamp (or last-change-trigger-time annotation) stands for it, else `fallback`.
 */
export function zoneSerial(store: ReadonlyStore, fallback: Date): number {
  let newest = 0;
  for (const kind of ['Service', 'EndpointSlice']) {
    for (const obj of store.list<KubeObject>(kind)) {
      for (const stamp of [obj.metadata.creationTimestamp, obj.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']]) {
        const ms = stamp ? Date.parse(stamp) : NaN;
        if (!Number.isNaN(ms) && ms > newest) newest = ms;
      }
    }
  }
  return Math.floor((newest > 0 ? newest : fallback.getTime()) / 1000) >>> 0;
}
