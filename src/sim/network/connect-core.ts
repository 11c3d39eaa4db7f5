/**
 * Where a new connection lands, as a value: connected to a process, refused, timed out, or
 * unreachable ("No route to host"), with the hops that decided it.
 * - Service VIPs are DNATed by the kube-proxy of the node the packet enters: the source's own node
 *   for nodes and pods (OUTPUT/PREROUTING), the node whose address was hit for NodePorts, the node
 *   that answers ARP for a LoadBalancer IP (MetalLB's announcer). No kube-proxy there → no rules.
 * - From the client host, cluster IPs and pod IPs are not routable (timeout); the lab /24 is.
 * - An address on the lab /24 nobody answers ARP for fails after ~3 s with EHOSTUNREACH.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go (PREROUTING/OUTPUT → KUBE-SERVICES, KUBE-NODEPORTS for
 * --dst-type LOCAL); reference k8s-services.md §1.5, §1.6, §3.5 (strictARP), §5 (L2 announcements).
 */
import type { Pod } from '../../model/core.ts';
import type { Hop } from '../../cluster/exchanges.ts';
import type { AppProcess } from '../apps/app.ts';
import type { Source } from './source.ts';
import type { DataplaneEnv, NetSim } from './dataplane-env.ts';
import { buildProxyRules } from '../kube-proxy/rules.ts';
import { pickEndpoint } from '../kube-proxy/route.ts';
import { ipvsBoundAddresses } from '../kube-proxy/ipvs.ts';
import type { ProxyEndpoint } from '../kube-proxy/types.ts';
import { cidrContains } from './cidr.ts';
import { labNode, localAddresses } from './node-interfaces.ts';
import { deliverToNode, deliverToPod, type Delivery } from './delivery.ts';

/** The outcome of a connect. `clientIP` is the source address the server sees (after any masquerade). */
export type ConnectOutcome =
  | { kind: 'connected'; process: AppProcess; pod?: Pod; ip: string; port: number; clientIP: string; hops: Hop[] }
  | { kind: 'refused' | 'timeout' | 'unreachable'; hops: Hop[]; elapsedMs: number };

/** The lab network every node and the client host sit on. SRC: seed/README.md (172.25.250.0/24). */
export const LAB_SUBNET = '172.25.250.0/24';
/** Linux gives up on an unanswered SYN after 127 s (tcp_syn_retries=6); the client's own timeout is usually shorter. */
export const TCP_SYN_TIMEOUT_MS = 127_000;
/** Neighbour discovery gives up after 3 unanswered ARP probes, 1 s apart (ucast/mcast_solicit=3, retrans_time 1 s). */
export const ARP_FAILURE_MS = 3_000;

type Ctx = { env: DataplaneEnv; sim: NetSim; hops: Hop[]; protocol: 'TCP' | 'UDP' };

/** Opens a connection (TCP) or sends the first datagram (UDP) from `source` to `ip:port`. */
export function connectWith(env: DataplaneEnv, sim: NetSim, source: Source, ip: string, port: number, protocol: 'TCP' | 'UDP'): ConnectOutcome {
  const ctx: Ctx = { env, sim, hops: [], protocol };
  if (ip.startsWith('127.')) {
    // iptables mode serves NodePorts on 127.0.0.1 too (KUBE-NODEPORTS is entered for any LOCAL
    // destination, route_localnet=1); ipvs mode has no virtual server on loopback.
    const natted = source.kind === 'node' ? dnatAt(ctx, source.node, ip, port, ip) : undefined;
    if (natted) return natted;
    const delivery = source.kind === 'node' ? deliverToNode(sim, source.node, ip, port, protocol) : source.kind === 'pod' ? deliverToPod(sim, source.ip, port, protocol) : undefined;
    return delivery ? finish(ctx, delivery, ip, port, source.ip) : fail(ctx, 'refused', `nothing listens on ${ip}:${port} on the client host`);
  }
  if (source.kind !== 'host') {
    // OUTPUT (node) / PREROUTING (pod) on the source's node: its kube-proxy rules see the packet first.
    const natted = dnatAt(ctx, source.node, ip, port, source.ip);
    if (natted) return natted;
    if (ip === source.ip && source.kind === 'node') return finish(ctx, deliverToNode(sim, source.node, ip, port, protocol), ip, port, source.ip);
  }
  return route(ctx, source, ip, port);
}

// Plain routing of a packet no kube-proxy rule on the source's node rewrote.
function route(ctx: Ctx, source: Source, ip: string, port: number): ConnectOutcome {
  const { sim } = ctx;
  const node = sim.topology.nodes.find((n) => n.ip === ip);
  if (node) return arriveAtNode(ctx, node.name, ip, port, source.ip);
  if (ip === sim.topology.clientHostIP) return fail(ctx, 'refused', `nothing listens on the client host ${ip}:${port}`);
  if (cidrContains(sim.topology.podCIDR, ip)) {
    if (source.kind === 'host') return fail(ctx, 'timeout', `the client host has no route to the pod network ${sim.topology.podCIDR}: packets to ${ip} go to its default gateway and are lost`);
    const delivery = deliverToPod(sim, ip, port, ctx.protocol);
    if (delivery.kind !== 'no-pod') return finish(ctx, delivery, ip, port, source.ip);
    const owner = sim.topology.nodes.find((n) => cidrContains(n.podCIDR, ip));
    if (owner) return fail(ctx, 'unreachable', `no pod has ${ip}: ARP on ${owner.name}'s cni0 gets no answer (No route to host)`);
    return fail(ctx, 'timeout', `${ip} is in no node's pod subnet: no route`);
  }
  if (cidrContains(LAB_SUBNET, ip)) return arriveViaArp(ctx, ip, port, source.ip);
  if (cidrContains(sim.topology.serviceCIDR, ip) && source.kind !== 'host') {
    return fail(ctx, 'timeout', `no kube-proxy rule for ${ip}:${port}/${ctx.protocol} on ${source.node}: the packet leaves by the default route and is lost`);
  }
  return fail(ctx, 'timeout', `nothing routes ${ip}: packets are lost`);
}

// Who answers ARP for an address on the lab /24: a node's own address, MetalLB's announcer, or (ipvs
// without strictARP) any node holding it on kube-ipvs0 — the reason MetalLB requires strictARP (§3.5).
function arriveViaArp(ctx: Ctx, ip: string, port: number, clientIP: string): ConnectOutcome {
  const announcer = ctx.env.announcingNode(ip);
  if (announcer) {
    ctx.hops.push({ component: 'metallb', decision: `${ip} is announced from node ${announcer} (layer2): ARP resolves to ${announcer}`, details: { node: announcer, ip } });
    return arriveAtNode(ctx, announcer, ip, port, clientIP);
  }
  for (const n of ctx.sim.topology.nodes) {
    const config = ctx.env.proxyConfig(n.name);
    if (config?.mode !== 'ipvs' || config.strictARP) continue;
    const rules = buildProxyRules(ctx.sim.view, n.name, config, ctx.sim.topology);
    if (!ipvsBoundAddresses(rules).includes(ip)) continue;
    ctx.hops.push({ component: 'network', decision: `${n.name} answers ARP for ${ip} (bound to kube-ipvs0, ipvs.strictARP is false)`, details: { node: n.name, ip } });
    return arriveAtNode(ctx, n.name, ip, port, clientIP);
  }
  return fail(ctx, 'unreachable', `nobody answers ARP for ${ip} on ${LAB_SUBNET} (No route to host)`);
}

// A packet entering `node` from the network: PREROUTING (kube-proxy), then local delivery if the address is the node's.
function arriveAtNode(ctx: Ctx, node: string, ip: string, port: number, clientIP: string): ConnectOutcome {
  const natted = dnatAt(ctx, node, ip, port, clientIP);
  if (natted) return natted;
  if (labNode(ctx.sim.topology, node)?.ip === ip) return finish(ctx, deliverToNode(ctx.sim, node, ip, port, ctx.protocol), ip, port, clientIP);
  return fail(ctx, 'timeout', `${node} does not own ${ip} and has no rule for ${ip}:${port}/${ctx.protocol}: the packet is lost`);
}

// Runs `node`'s kube-proxy rules; undefined when they leave the packet alone.
function dnatAt(ctx: Ctx, node: string, ip: string, port: number, clientIP: string): ConnectOutcome | undefined {
  const config = ctx.env.proxyConfig(node);
  if (!config) {
    ctx.hops.push({ component: 'kube-proxy', decision: `no kube-proxy runs on ${node}: no service rules`, details: { node } });
    return undefined;
  }
  const rules = buildProxyRules(ctx.sim.view, node, config, ctx.sim.topology);
  const pick = pickEndpoint(ctx.sim, rules, ip, port, ctx.protocol, clientIP, localAddresses(ctx.sim.topology, node));
  if (pick.kind === 'no-rule') return undefined;
  ctx.hops.push(pick.hop);
  // REJECT / ICMP port unreachable → refused; DROP → the client waits until it gives up.
  if (pick.kind !== 'endpoint') return fail(ctx, pick.kind === 'refused' ? 'refused' : 'timeout');
  const seenAs = pick.masquerade ? masqueradeSource(ctx, node, pick.endpoint) : clientIP;
  return deliverEndpoint(ctx, pick.endpoint, seenAs);
}

function deliverEndpoint(ctx: Ctx, ep: ProxyEndpoint, clientIP: string): ConnectOutcome {
  const hostNode = ctx.sim.topology.nodes.find((n) => n.ip === ep.ip);
  if (hostNode) return finish(ctx, deliverToNode(ctx.sim, hostNode.name, ep.ip, ep.port, ctx.protocol), ep.ip, ep.port, clientIP);
  const delivery = deliverToPod(ctx.sim, ep.ip, ep.port, ctx.protocol);
  if (delivery.kind === 'no-pod') return fail(ctx, 'unreachable', `endpoint ${ep.address} has no pod: ARP gets no answer (No route to host)`);
  return finish(ctx, delivery, ep.ip, ep.port, clientIP);
}

// MASQUERADE picks the address of the interface the packet leaves by: cni0 for a pod on this node,
// flannel.1 for a pod elsewhere, the node address for hostNetwork endpoints.
function masqueradeSource(ctx: Ctx, node: string, ep: ProxyEndpoint): string {
  const lab = labNode(ctx.sim.topology, node)!;
  const subnet = lab.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.');
  if (!cidrContains(ctx.sim.topology.podCIDR, ep.ip)) return lab.ip;
  return cidrContains(lab.podCIDR, ep.ip) ? `${subnet}.1` : `${subnet}.0`;
}

function finish(ctx: Ctx, delivery: Delivery, ip: string, port: number, clientIP: string): ConnectOutcome {
  if (delivery.kind === 'no-pod') return fail(ctx, 'unreachable', `no pod has ${ip}`);
  ctx.hops.push(delivery.hop);
  if (delivery.kind === 'refused') return fail(ctx, 'refused');
  return { kind: 'connected', process: delivery.process, ...(delivery.pod ? { pod: delivery.pod } : {}), ip, port, clientIP, hops: ctx.hops };
}

function fail(ctx: Ctx, kind: 'refused' | 'timeout' | 'unreachable', why?: string): ConnectOutcome {
  if (why) ctx.hops.push({ component: 'network', decision: why });
  const elapsedMs = kind === 'refused' ? 0 : kind === 'unreachable' ? ARP_FAILURE_MS : ctx.protocol === 'TCP' ? TCP_SYN_TIMEOUT_MS : Number.POSITIVE_INFINITY;
  return { kind, hops: ctx.hops, elapsedMs };
}
