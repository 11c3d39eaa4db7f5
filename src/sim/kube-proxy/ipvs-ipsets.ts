/**
 * Which of the ipvs proxier's ipsets hold entries on a node: the iptables rules that match a set
 * are only written when the set is not empty.
 * SRC: kubernetes pkg/proxy/ipvs/proxier.go syncProxyRules (entries per service port) and
 * pkg/proxy/ipvs/ipset.go (set names and comments) (v1.31).
 */
import ipaddr from 'ipaddr.js';
import type { ProxyRules } from './types.ts';

/** An ipset kube-proxy's ipvs mode uses, with the comment its iptables rules carry. */
export interface IpvsSet { name: string; comment: string }

/** Set names and comments as pkg/proxy/ipvs/ipset.go defines them. */
export const IPVS_SETS = {
  loopBack: { name: 'KUBE-LOOP-BACK', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose' },
  clusterIP: { name: 'KUBE-CLUSTER-IP', comment: 'Kubernetes service cluster ip + port for masquerade purpose' },
  externalIP: { name: 'KUBE-EXTERNAL-IP', comment: 'Kubernetes service external ip + port for masquerade and filter purpose' },
  externalIPLocal: { name: 'KUBE-EXTERNAL-IP-LOCAL', comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local' },
  loadBalancer: { name: 'KUBE-LOAD-BALANCER', comment: 'Kubernetes service lb portal' },
  loadBalancerFW: { name: 'KUBE-LOAD-BALANCER-FW', comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange' },
  loadBalancerLocal: { name: 'KUBE-LOAD-BALANCER-LOCAL', comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local' },
  loadBalancerSourceIP: { name: 'KUBE-LOAD-BALANCER-SOURCE-IP', comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose' },
  loadBalancerSourceCIDR: { name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose' },
  healthCheckNodePort: { name: 'KUBE-HEALTH-CHECK-NODE-PORT', comment: 'Kubernetes health check node port' },
  ipvsIPs: { name: 'KUBE-IPVS-IPS', comment: 'Addresses on the ipvs interface' },
} as const satisfies Record<string, IpvsSet>;

/** KUBE-NODE-PORT-<PROTO> or KUBE-NODE-PORT-LOCAL-<PROTO>. */
export function nodePortSet(protocol: string, local: boolean): IpvsSet {
  return local
    ? { name: `KUBE-NODE-PORT-LOCAL-${protocol}`, comment: `Kubernetes nodeport ${protocol} port with externalTrafficPolicy=local` }
    : { name: `KUBE-NODE-PORT-${protocol}`, comment: `Kubernetes nodeport ${protocol} port for masquerade purpose` };
}

/** A load-balancer VIP:port whose source ranges leave out the node's own IP (KUBE-IPVS-OUT-FILTER drops it). */
export interface NoNodeAccess { ip: string; protocol: string; port: number }

/** Which sets are non-empty on this node, and the LB entries the node itself may not reach. */
export interface IpvsSetUse {
  nonEmpty: Set<string>;
  noNodeAccess: NoNodeAccess[];
}

/** The non-empty sets of a node's ipvs proxier. */
export function ipvsSetUse(rules: ProxyRules): IpvsSetUse {
  const nonEmpty = new Set<string>();
  const noNodeAccess: NoNodeAccess[] = [];
  const node = ipaddr.parse(rules.nodeIP);
  for (const sp of rules.servicePorts) {
    // Hairpin entries: every endpoint on this node, whatever its readiness (the endpoints map holds them all).
    if (sp.endpoints.some((ep) => ep.isLocal)) nonEmpty.add(IPVS_SETS.loopBack.name);
    nonEmpty.add(IPVS_SETS.clusterIP.name);
    const local = sp.externalTrafficPolicy === 'Local';
    if (sp.externalIPs.length > 0) nonEmpty.add(local ? IPVS_SETS.externalIPLocal.name : IPVS_SETS.externalIP.name);
    for (const ip of sp.loadBalancerIPs) {
      nonEmpty.add(IPVS_SETS.loadBalancer.name);
      if (local) nonEmpty.add(IPVS_SETS.loadBalancerLocal.name);
      if (sp.loadBalancerSourceRanges.length === 0) continue;
      nonEmpty.add(IPVS_SETS.loadBalancerFW.name);
      nonEmpty.add(IPVS_SETS.loadBalancerSourceCIDR.name);
      const allowFromNode = sp.loadBalancerSourceRanges.some((cidr) => contains(cidr, node));
      if (allowFromNode) nonEmpty.add(IPVS_SETS.loadBalancerSourceIP.name);
      else noNodeAccess.push({ ip, protocol: sp.protocol.toLowerCase(), port: sp.port });
    }
    // NodePorts need at least one node address to be programmed (there always is one in the lab).
    if (sp.nodePort !== undefined && rules.nodeAddresses.length > 0) {
      nonEmpty.add(nodePortSet(sp.protocol, false).name);
      if (local) nonEmpty.add(nodePortSet(sp.protocol, true).name);
    }
    if (sp.healthCheckNodePort !== undefined) nonEmpty.add(IPVS_SETS.healthCheckNodePort.name);
  }
  return { nonEmpty, noNodeAccess };
}

function contains(cidr: string, ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  try {
    const range = ipaddr.parseCIDR(cidr);
    return range[0].kind() === ip.kind() && ip.match(range);
  } catch {
    return false;
  }
}
