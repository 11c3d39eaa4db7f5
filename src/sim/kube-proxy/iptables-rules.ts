/**
 * The nat and filter tables kube-proxy's iptables proxier writes for a ProxyRules model.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go syncProxyRules, writeServiceToEndpointRules,
 * iptablesJumpChains (v1.31). Services are written in store order (upstream iterates a Go map,
 * so the order of KUBE-SERVICES rules on a real node is arbitrary but stable between syncs).
 */
import type { ProxyRules, ServicePortRules } from './types.ts';
import { comment, jump, rule, type IptMatch, type IptRule, type IptTable } from './iptables-types.ts';
import { ruleProbability } from './probability.ts';
import { externallyAccessible } from './rules.ts';
import { fixedFilterRules, fixedNatRules } from './iptables-fixed.ts';
import ipaddr from 'ipaddr.js';

const MARK_MASQ = 'KUBE-MARK-MASQ';

/** The nat and filter tables of an iptables-mode node. */
export function iptablesModeTables(rules: ProxyRules): { nat: IptTable; filter: IptTable } {
  const nat: IptRule[] = [];
  const filter: IptRule[] = [];
  const natChains = new Set<string>(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', MARK_MASQ, 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY']);
  const svcRules: IptRule[] = [];
  const nodePortRules: IptRule[] = [];
  const perService: IptRule[] = [];
  for (const sp of rules.servicePorts) {
    writeServicePort(rules, sp, { svcRules, nodePortRules, perService, filter, natChains });
  }
  // SRC: proxier.go: the nodeports jump "must be the last rule in this chain" (nodePortAddresses unset → dst-type LOCAL).
  svcRules.push(rule('KUBE-SERVICES', [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dstType: 'LOCAL' }], jump('KUBE-NODEPORTS')));
  nat.push(...fixedNatRules(), ...svcRules, ...nodePortRules, ...perService);
  return {
    nat: { name: 'nat', builtins: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], chains: [...natChains], rules: nat },
    filter: {
      name: 'filter',
      builtins: ['INPUT', 'FORWARD', 'OUTPUT'],
      chains: ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
      rules: [...fixedFilterRules(), ...filter],
    },
  };
}

interface Sinks { svcRules: IptRule[]; nodePortRules: IptRule[]; perService: IptRule[]; filter: IptRule[]; natChains: Set<string> }

function writeServicePort(rules: ProxyRules, sp: ServicePortRules, out: Sinks): void {
  const proto = sp.protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp';
  const portMatch = (port: number): IptMatch => ({ m: proto, dport: port });
  const internalChain = sp.internalTrafficPolicy === 'Local' ? sp.chains.svl : sp.chains.svc;
  const externalPolicyChain = sp.externalTrafficPolicy === 'Local' ? sp.chains.svl : sp.chains.svc;
  const hasInternal = sp.hasEndpoints && (sp.internalTrafficPolicy === 'Cluster' || sp.localEndpoints.length > 0);
  const hasExternal = sp.hasEndpoints && (sp.externalTrafficPolicy === 'Cluster' || sp.localEndpoints.length > 0);
  const usesFw = sp.hasEndpoints && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const noEndpoints = `${sp.name} has no endpoints`;
  const noLocal = `${sp.name} has no local endpoints`;
  const internalFilter = sp.hasEndpoints ? ('DROP' as const) : ('REJECT' as const);
  const internalComment = sp.hasEndpoints ? noLocal : noEndpoints;

  const clusterIpMatches = [comment(`${sp.name} cluster IP`), portMatch(sp.port)];
  if (hasInternal) out.svcRules.push(rule('KUBE-SERVICES', clusterIpMatches, jump(internalChain), { dst: sp.clusterIP, proto }));
  else out.filter.push(rule('KUBE-SERVICES', [comment(internalComment), portMatch(sp.port)], { t: internalFilter }, { dst: sp.clusterIP, proto }));

  const externalReject = (dst: string | undefined, extra: IptMatch[], port: number) =>
    out.filter.push(rule('KUBE-EXTERNAL-SERVICES', [comment(internalComment), ...extra, portMatch(port)], { t: internalFilter }, { ...(dst ? { dst } : {}), proto }));
  for (const ip of sp.externalIPs) {
    if (sp.hasEndpoints) out.svcRules.push(rule('KUBE-SERVICES', [comment(`${sp.name} external IP`), portMatch(sp.port)], jump(sp.chains.ext), { dst: ip, proto }));
    if (!hasExternal) externalReject(ip, [], sp.port);
  }
  for (const ip of sp.loadBalancerIPs) {
    if (sp.hasEndpoints) out.svcRules.push(rule('KUBE-SERVICES', [comment(`${sp.name} loadbalancer IP`), portMatch(sp.port)], jump(usesFw ? sp.chains.fw : sp.chains.ext), { dst: ip, proto }));
    if (usesFw) out.filter.push(rule('KUBE-PROXY-FIREWALL', [comment(`${sp.name} traffic not accepted by ${sp.chains.fw}`), portMatch(sp.port)], { t: 'DROP' }, { dst: ip, proto }));
  }
  if (!hasExternal) for (const ip of sp.loadBalancerIPs) externalReject(ip, [], sp.port);
  if (sp.nodePort !== undefined) {
    if (sp.hasEndpoints) out.nodePortRules.push(rule('KUBE-NODEPORTS', [comment(sp.name), portMatch(sp.nodePort)], jump(sp.chains.ext), { proto }));
    if (!hasExternal) externalReject(undefined, [{ m: 'addrtype', dstType: 'LOCAL' }], sp.nodePort);
  }
  if (sp.healthCheckNodePort !== undefined) {
    out.filter.push(rule('KUBE-NODEPORTS', [comment(`${sp.name} health check node port`), { m: 'tcp', dport: sp.healthCheckNodePort }], { t: 'ACCEPT' }, { proto: 'tcp' }));
  }

  const svcChainRules = out.perService;
  if (hasInternal) {
    // SRC: proxier.go "masquerade off-cluster traffic to a service VIP" (localDetector from clusterCIDR)
    svcChainRules.push(rule(internalChain, clusterIpMatches, jump(MARK_MASQ), { src: rules.clusterCIDR, srcInvert: true, dst: sp.clusterIP, proto }));
  }
  if (sp.hasEndpoints && externallyAccessible(sp)) {
    out.natChains.add(sp.chains.ext);
    const ext = sp.chains.ext;
    if (sp.externalTrafficPolicy === 'Cluster') {
      svcChainRules.push(rule(ext, [comment(`masquerade traffic for ${sp.name} external destinations`)], jump(MARK_MASQ)));
    } else {
      svcChainRules.push(rule(ext, [comment(`pod traffic for ${sp.name} external destinations`)], jump(sp.chains.svc), { src: rules.clusterCIDR }));
      svcChainRules.push(rule(ext, [comment(`masquerade LOCAL traffic for ${sp.name} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }], jump(MARK_MASQ)));
      svcChainRules.push(rule(ext, [comment(`route LOCAL traffic for ${sp.name} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }], jump(sp.chains.svc)));
    }
    if (hasExternal) svcChainRules.push(rule(ext, [], jump(externalPolicyChain)));
  }
  if (usesFw) {
    // One rule per source range (any LB IP, any port: KUBE-SERVICES matched those), the LB IPs themselves when a
    // range holds the node IP (hairpin from this node), then a target-less rule: what falls through is dropped
    // by the KUBE-PROXY-FIREWALL rule in filter. SRC: proxier.go syncProxyRules "Set up firewall chain".
    out.natChains.add(sp.chains.fw);
    const fwComment = comment(`${sp.name} loadbalancer IP`);
    for (const range of sp.loadBalancerSourceRanges) svcChainRules.push(rule(sp.chains.fw, [fwComment], jump(sp.chains.ext), { src: range }));
    if (sp.loadBalancerSourceRanges.some((range) => cidrContains(range, rules.nodeIP))) {
      for (const ip of sp.loadBalancerIPs) svcChainRules.push(rule(sp.chains.fw, [fwComment], jump(sp.chains.ext), { src: ip }));
    }
    svcChainRules.push(rule(sp.chains.fw, [comment(`other traffic to ${sp.name} will be dropped by KUBE-PROXY-FIREWALL`)], { t: 'none' }));
  }
  const usesCluster = sp.clusterEndpoints.length > 0;
  const usesLocal = sp.localEndpoints.length > 0 && (sp.internalTrafficPolicy === 'Local' || sp.externalTrafficPolicy === 'Local');
  if (usesCluster) writeBalancing(sp, sp.chains.svc, sp.clusterEndpoints, out);
  if (usesLocal) writeBalancing(sp, sp.chains.svl, sp.localEndpoints, out);
  for (const ep of sp.reachableEndpoints) {
    out.natChains.add(ep.chain);
    svcChainRules.push(rule(ep.chain, [comment(sp.name)], jump(MARK_MASQ), { src: ep.ip }));
    const affinity: IptMatch[] = sp.sessionAffinity ? [{ m: 'recent', op: 'set', name: ep.chain }] : [];
    svcChainRules.push(rule(ep.chain, [comment(sp.name), ...affinity, { m: proto }], { t: 'DNAT', to: ep.address }, { proto }));
  }
}

// SRC: proxier.go writeServiceToEndpointRules: affinity rules first, then 1/(n-i) probability rules.
function writeBalancing(sp: ServicePortRules, chain: string, endpoints: ServicePortRules['endpoints'], out: Sinks): void {
  out.natChains.add(chain);
  if (sp.sessionAffinity) {
    for (const ep of endpoints) {
      out.perService.push(rule(chain, [comment(`${sp.name} -> ${ep.address}`), { m: 'recent', op: 'rcheck', name: ep.chain, seconds: sp.sessionAffinity.timeoutSeconds, reap: true }], jump(ep.chain)));
    }
  }
  endpoints.forEach((ep, i) => {
    const statistic: IptMatch[] = i < endpoints.length - 1 ? [{ m: 'statistic', probability: ruleProbability(endpoints.length - i) }] : [];
    out.perService.push(rule(chain, [comment(`${sp.name} -> ${ep.address}`), ...statistic], jump(ep.chain)));
  });
}

function cidrContains(cidr: string, ip: string): boolean {
  try {
    const range = ipaddr.parseCIDR(cidr);
    const addr = ipaddr.parse(ip);
    return range[0].kind() === addr.kind() && addr.match(range);
  } catch {
    return false;
  }
}
