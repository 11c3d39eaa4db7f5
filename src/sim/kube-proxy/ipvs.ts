/**
 * The IPVS virtual servers an ipvs-mode kube-proxy programs: one per (cluster IP | external IP |
 * LB ingress IP, port, protocol) and one per (node address, nodePort, protocol); real servers are the
 * endpoints of the matching traffic policy, forwarding Masq, weight 1. A service without endpoints
 * keeps its virtual server with no real servers.
 * SRC: kubernetes pkg/proxy/ipvs/proxier.go syncProxyRules, syncEndpoint (onlyNodeLocalEndpoints) (v1.31);
 * pkg/proxy/ipvs/README.md; reference k8s-services.md §3.5.
 */
import type { ProxyEndpoint, ProxyRules, ServicePortRules } from './types.ts';

/** One IPVS virtual server. */
export interface VirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  port: number;
  scheduler: string;
  /** `persistent <seconds>` flag for ClientIP session affinity. */
  persistentSeconds?: number;
  kind: 'cluster-ip' | 'external-ip' | 'load-balancer' | 'node-port';
  servicePort: ServicePortRules;
  /** Real servers (forwarding Masq, weight 1), sorted by address then port. */
  destinations: ProxyEndpoint[];
}

/** Every virtual server of a node (unsorted; ipvsadm sorts when listing). */
export function ipvsVirtualServers(rules: ProxyRules): VirtualServer[] {
  const out: VirtualServer[] = [];
  for (const sp of rules.servicePorts) {
    const vs = (kind: VirtualServer['kind'], address: string, port: number, local: boolean): VirtualServer => ({
      protocol: sp.protocol,
      address,
      port,
      scheduler: rules.scheduler,
      ...(sp.sessionAffinity ? { persistentSeconds: sp.sessionAffinity.timeoutSeconds } : {}),
      kind,
      servicePort: sp,
      destinations: sortDestinations(local ? sp.localEndpoints : sp.clusterEndpoints),
    });
    out.push(vs('cluster-ip', sp.clusterIP, sp.port, sp.internalTrafficPolicy === 'Local'));
    const externalLocal = sp.externalTrafficPolicy === 'Local';
    for (const ip of sp.externalIPs) out.push(vs('external-ip', ip, sp.port, externalLocal));
    for (const ip of sp.loadBalancerIPs) out.push(vs('load-balancer', ip, sp.port, externalLocal));
    if (sp.nodePort !== undefined) for (const ip of rules.nodeAddresses) out.push(vs('node-port', ip, sp.nodePort, externalLocal));
  }
  return out;
}

/** The virtual server for a destination, if any. */
export function findVirtualServer(rules: ProxyRules, address: string, port: number, protocol: string): VirtualServer | undefined {
  return ipvsVirtualServers(rules).find((v) => v.address === address && v.port === port && v.protocol === protocol);
}

/**
 * The addresses kube-proxy binds to the kube-ipvs0 dummy device (each once, in service order): every cluster IP,
 * and the external and LB IPs that no other interface of the node already has.
 * SRC: pkg/proxy/ipvs/proxier.go syncProxyRules — `shouldBind := !nodeAddressSet.Has(serv.Address.String())` (v1.31).
 */
export function ipvsBoundAddresses(rules: ProxyRules): string[] {
  const seen = new Set<string>();
  const onNode = new Set(rules.nodeAddresses);
  for (const sp of rules.servicePorts) {
    seen.add(sp.clusterIP);
    for (const ip of [...sp.externalIPs, ...sp.loadBalancerIPs]) if (!onNode.has(ip)) seen.add(ip);
  }
  return [...seen];
}

/** An IPv4 address as a number, for ipvsadm's numeric sort. */
export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function sortDestinations(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  return [...eps].sort((a, b) => ipv4ToNumber(a.ip) - ipv4ToNumber(b.ip) || a.port - b.port);
}
