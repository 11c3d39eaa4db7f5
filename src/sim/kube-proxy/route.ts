/**
 * The endpoint kube-proxy's rules send one new connection to, as an inspectable decision.
 * iptables mode: the statistic rules of the service chain, in order, each matching with probability
 * 1/(n-i) (a 31-bit draw from sim.rng against the kernel's stored threshold), so every connection
 * is uniform over the endpoints. ipvs mode: round robin per virtual server per node (sim.nextCount).
 * sessionAffinity ClientIP: the first pick is remembered per node, service port and client IP
 * (iptables `recent` lists / IPVS persistence templates). The affinity timeout is not modelled: a
 * scenario is far shorter than the 10800 s default, so a remembered pick never expires.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go writeServiceToEndpointRules; linux net/netfilter/xt_statistic.c,
 * xt_recent.c; net/netfilter/ipvs/ip_vs_rr.c, ip_vs_core.c ip_vs_sched_persist (v1.31 / linux 5.14).
 */
import type { Hop } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { ProxyEndpoint, ProxyRules, ServicePortRules } from './types.ts';
import { ruleProbability, statisticMatches } from './probability.ts';
import { ipvsBoundAddresses, ipv4ToNumber, findVirtualServer } from './ipvs.ts';
import { cidrContains } from '../network/cidr.ts';

/** The parts of a simulation an endpoint pick uses (random draws and data-plane counters). */
export type PickSim = Pick<Simulation, 'rng' | 'counters' | 'nextCount'>;

/** Where kube-proxy sent a connection, or why it did not. */
export type PickResult =
  | { kind: 'endpoint'; endpoint: ProxyEndpoint; servicePort: ServicePortRules; masquerade: boolean; hop: Hop }
  /** refused: REJECT / IPVS with no real server (ICMP port unreachable); dropped: DROP (the client times out). */
  | { kind: 'refused' | 'dropped'; servicePort?: ServicePortRules; hop: Hop }
  /** No rule matches: the packet leaves kube-proxy's chains untouched. */
  | { kind: 'no-rule'; hop: Hop };

type Traffic = { servicePort: ServicePortRules; external: boolean; what: string };

/** Picks the endpoint for a new connection from `clientIP` to `vip:port/proto` on the node of `rules`. */
export function pickEndpoint(sim: PickSim, rules: ProxyRules, vip: string, port: number, proto: 'TCP' | 'UDP', clientIP: string, localAddresses: string[] = []): PickResult {
  return rules.mode === 'ipvs' ? pickIpvs(sim, rules, vip, port, proto, clientIP) : pickIptables(sim, rules, vip, port, proto, clientIP, localAddresses);
}

function matchTraffic(rules: ProxyRules, vip: string, port: number, proto: string, localAddresses: string[]): Traffic | undefined {
  for (const sp of rules.servicePorts) {
    if (sp.protocol !== proto) continue;
    if (sp.clusterIP === vip && sp.port === port) return { servicePort: sp, external: false, what: 'cluster IP' };
    if (sp.port === port && sp.externalIPs.includes(vip)) return { servicePort: sp, external: true, what: 'external IP' };
    if (sp.port === port && sp.loadBalancerIPs.includes(vip)) return { servicePort: sp, external: true, what: 'loadbalancer IP' };
  }
  // KUBE-NODEPORTS is entered for --dst-type LOCAL: any address of the node.
  if (localAddresses.includes(vip) || rules.nodeAddresses.includes(vip)) {
    const sp = rules.servicePorts.find((s) => s.nodePort === port && s.protocol === proto);
    if (sp) return { servicePort: sp, external: true, what: 'node port' };
  }
  return undefined;
}

function pickIptables(sim: PickSim, rules: ProxyRules, vip: string, port: number, proto: string, clientIP: string, local: string[]): PickResult {
  const base = { node: rules.node, mode: 'iptables', destination: `${vip}:${port}/${proto}`, clientIP };
  const traffic = matchTraffic(rules, vip, port, proto, local);
  if (!traffic) return { kind: 'no-rule', hop: hop(`no KUBE-SERVICES rule matches ${vip}:${port}/${proto} on ${rules.node}`, base) };
  const sp = traffic.servicePort;
  const info = { ...base, service: sp.name, matched: traffic.what };
  if (!sp.hasEndpoints) return { kind: 'refused', servicePort: sp, hop: hop(`${sp.name} has no endpoints: REJECT (icmp-port-unreachable)`, { ...info, rule: 'filter KUBE-SERVICES/KUBE-EXTERNAL-SERVICES REJECT' }) };
  const fromPod = cidrContains(rules.clusterCIDR, clientIP);
  const fromLocal = local.includes(clientIP);
  let chain: string;
  let endpoints: ProxyEndpoint[];
  let masquerade: boolean;
  if (!traffic.external) {
    const localPolicy = sp.internalTrafficPolicy === 'Local';
    [chain, endpoints] = localPolicy ? [sp.chains.svl, sp.localEndpoints] : [sp.chains.svc, sp.clusterEndpoints];
    masquerade = !fromPod;
  } else {
    if (traffic.what === 'loadbalancer IP' && sp.loadBalancerSourceRanges.length > 0 && !sp.loadBalancerSourceRanges.some((r) => cidrContains(r, clientIP))) {
      return { kind: 'dropped', servicePort: sp, hop: hop(`${clientIP} is outside loadBalancerSourceRanges of ${sp.name}: DROP`, { ...info, chain: sp.chains.fw }) };
    }
    const shortcut = sp.externalTrafficPolicy === 'Cluster' || fromPod || fromLocal;
    [chain, endpoints] = shortcut ? [sp.chains.svc, sp.clusterEndpoints] : [sp.chains.svl, sp.localEndpoints];
    masquerade = sp.externalTrafficPolicy === 'Cluster' || (!fromPod && fromLocal);
  }
  if (endpoints.length === 0) return { kind: 'dropped', servicePort: sp, hop: hop(`${sp.name} has no local endpoints on ${rules.node}: DROP`, { ...info, chain }) };
  const candidates = endpoints.map((e) => e.address);
  const remembered = sticky(sim, rules, sp, clientIP, endpoints);
  let chosen = remembered;
  const draws: number[] = [];
  for (let i = 0; chosen === undefined && i < endpoints.length - 1; i++) {
    const draw = sim.rng.intBetween(0, 0x7fffffff);
    draws.push(draw);
    if (statisticMatches(ruleProbability(endpoints.length - i), draw)) chosen = endpoints[i];
  }
  chosen ??= endpoints[endpoints.length - 1]!;
  remember(sim, rules, sp, clientIP, chosen);
  masquerade ||= chosen.ip === clientIP;
  const how = remembered ? 'recent (ClientIP affinity)' : endpoints.length === 1 ? 'only endpoint' : 'statistic mode random';
  return {
    kind: 'endpoint', endpoint: chosen, servicePort: sp, masquerade,
    hop: hop(`${sp.name} ${traffic.what} → ${chain} → ${chosen.chain} DNAT ${chosen.address} (${how})`, { ...info, chain, candidates, chosen: chosen.address, endpointChain: chosen.chain, draws, affinity: sp.sessionAffinity ? (remembered ? 'sticky' : 'new') : 'none', masquerade }),
  };
}

function pickIpvs(sim: PickSim, rules: ProxyRules, vip: string, port: number, proto: string, clientIP: string): PickResult {
  const base = { node: rules.node, mode: 'ipvs', destination: `${vip}:${port}/${proto}`, clientIP };
  const vs = findVirtualServer(rules, vip, port, proto);
  if (!vs) {
    if (ipvsBoundAddresses(rules).includes(vip)) return { kind: 'refused', hop: hop(`${vip} is on kube-ipvs0 but no virtual server has port ${port}/${proto}: KUBE-IPVS-FILTER REJECT`, base) };
    return { kind: 'no-rule', hop: hop(`no IPVS virtual server for ${vip}:${port}/${proto} on ${rules.node}`, base) };
  }
  const sp = vs.servicePort;
  const name = `${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}`;
  const info = { ...base, service: sp.name, virtualServer: name, candidates: vs.destinations.map((d) => d.address) };
  // SRC: linux ip_vs_core.c ip_vs_leave: no destination → ICMP port unreachable.
  if (vs.destinations.length === 0) return { kind: 'refused', servicePort: sp, hop: hop(`virtual server ${name} has no real servers: ICMP port unreachable`, info) };
  const remembered = sticky(sim, rules, sp, clientIP, vs.destinations);
  const position = remembered ? undefined : sim.nextCount(`ipvs-rr/${rules.node}/${vs.protocol}/${vs.address}:${vs.port}`);
  const chosen = remembered ?? vs.destinations[position! % vs.destinations.length]!;
  remember(sim, rules, sp, clientIP, chosen);
  const masquerade = vs.kind === 'cluster-ip' ? !cidrContains(rules.clusterCIDR, clientIP) : sp.externalTrafficPolicy === 'Cluster';
  return {
    kind: 'endpoint', endpoint: chosen, servicePort: sp, masquerade: masquerade || chosen.ip === clientIP,
    hop: hop(`${name} → ${chosen.address} (${remembered ? `persistent ${vs.persistentSeconds}` : vs.scheduler})`, { ...info, chosen: chosen.address, rrPosition: position, affinity: sp.sessionAffinity ? (remembered ? 'sticky' : 'new') : 'none' }),
  };
}

function affinityKey(rules: ProxyRules, sp: ServicePortRules, clientIP: string): string {
  return `kube-proxy-affinity/${rules.node}/${sp.name}/${sp.protocol}/${clientIP}`;
}

// The remembered endpoint is stored as ip*65536+port+1 in sim.counters (0/absent = none).
function sticky(sim: PickSim, rules: ProxyRules, sp: ServicePortRules, clientIP: string, endpoints: ProxyEndpoint[]): ProxyEndpoint | undefined {
  if (!sp.sessionAffinity) return undefined;
  const code = sim.counters.get(affinityKey(rules, sp, clientIP));
  return code === undefined ? undefined : endpoints.find((e) => ipv4ToNumber(e.ip) * 65536 + e.port + 1 === code);
}

function remember(sim: PickSim, rules: ProxyRules, sp: ServicePortRules, clientIP: string, ep: ProxyEndpoint): void {
  if (sp.sessionAffinity) sim.counters.set(affinityKey(rules, sp, clientIP), ipv4ToNumber(ep.ip) * 65536 + ep.port + 1);
}

function hop(decision: string, details: Record<string, unknown>): Hop {
  return { component: 'kube-proxy', decision, details };
}
