/** A pod's /etc/resolv.conf (dnsPolicy ClusterFirst) and the glibc search-list walk over it. */
// SRC: kubernetes pkg/kubelet/network/dns/dns.go (v1.31) — search <ns>.svc.<domain> svc.<domain> <domain>, options ndots:5
import ipaddr from 'ipaddr.js';
import type { Simulation } from '../simulation.ts';
import type { Topology } from '../topology.ts';
import { absolute } from './names.ts';

/** The resolver settings a resolv.conf gives. */
export interface ResolvConf { nameservers: string[]; search: string[]; ndots: number }

/** kubeadm's clusterDNS: the tenth address of the service CIDR (10.96.0.10 for 10.96.0.0/12). */
// SRC: kubernetes cmd/kubeadm/app/constants GetDNSIP (v1.31)
export function clusterDnsIP(topology: Topology): string {
  const [network] = ipaddr.IPv4.parseCIDR(topology.serviceCIDR);
  const bytes = network.toByteArray();
  const value = (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0) + 10;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The settings kubelet gives a ClusterFirst pod in `namespace`. */
export function clusterFirstConf(topology: Topology, namespace: string): ResolvConf {
  const domain = topology.clusterDomain;
  return { nameservers: [clusterDnsIP(topology)], search: [`${namespace}.svc.${domain}`, `svc.${domain}`, domain], ndots: 5 };
}

/** The file text kubelet writes for a ClusterFirst pod in `namespace` (nameserver, search, options). */
export function podResolvConf(sim: Simulation, namespace: string): string {
  return renderResolvConf(clusterFirstConf(sim.topology, namespace));
}

/** resolv.conf text in kubelet's line order. */
export function renderResolvConf(conf: ResolvConf): string {
  return [...conf.nameservers.map((ns) => `nameserver ${ns}`), `search ${conf.search.join(' ')}`, `options ndots:${conf.ndots}`].join('\n') + '\n';
}

/**
 * The absolute names a stub resolver asks for, in order. A trailing dot means exactly that name;
 * a name with at least `ndots` dots is tried as is first, then with each search suffix; a shorter
 * one gets the search suffixes first and is tried as is last.
 */
// SRC: glibc resolv/res_query.c __res_context_search (2.34)
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const suffixed = conf.search.map((domain) => absolute(`${name}.${domain}`));
  return dots >= conf.ndots ? [absolute(name), ...suffixed] : [...suffixed, absolute(name)];
}
