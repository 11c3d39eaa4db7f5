/**
 * Name resolution over an injected DNS transport, as a program on a lab machine does it (getaddrinfo / gethostbyaddr): /etc/hosts
 * first, then DNS through the machine's resolv.conf. Pods (ClusterFirst) ask CoreDNS at 10.96.0.10
 * with the search list and ndots:5; nodes and the client host only have their /etc/hosts, because
 * the lab has no reachable upstream DNS server.
 */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import type { DnsReply, DnsSendOptions } from '../network/dns-transport.ts';
import { clusterFirstConf, searchCandidates, type ResolvConf } from './resolv-conf.ts';
import { isIPv4, reverseName } from './names.ts';

/** How a DNS question reaches a server (the simulated dataplane, a real socket on the wire backend; tests pass a stand-in). */
export type DnsTransport = (sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }, opts?: DnsSendOptions) => Promise<DnsReply>;

/** Addresses for a name, with every DNS exchange made on the way. */
export type ResolveResult = { ok: true; ips: string[]; exchanges: DnsExchange[] } | { ok: false; exchanges: DnsExchange[] };

/** Resolves `name` to IPv4 addresses from `source` (hosts file, then DNS with the search list). */
export async function resolveHostVia(transport: DnsTransport, sim: Simulation, source: Source, name: string): Promise<ResolveResult> {
  if (isIPv4(name)) return { ok: true, ips: [name], exchanges: [] };
  const fromHosts = hostsFile(sim, source).get(name.replace(/\.$/, '').toLowerCase());
  if (fromHosts) return { ok: true, ips: [fromHosts], exchanges: [] };
  const conf = sourceResolvConf(sim, source);
  const server = conf?.nameservers[0];
  if (!conf || !server) return { ok: false, exchanges: [] };
  // getaddrinfo(AF_UNSPEC), as curl and most programs call it, sends A and AAAA for each candidate (in parallel on one
  // socket, so the wait is the longer of the two); the lab is IPv4-only, so only the A answers give addresses.
  // SRC: glibc resolv/res_query.c __res_context_query T_QUERY_A_AND_AAAA, res_send.c send_dg (2.34); musl src/network/lookup_name.c name_from_dns
  return walkSearchList((candidate, type) => transport(sim, source, server, 53, { name: candidate, type }), name, conf, ['A', 'AAAA']);
}

/** Asks for each search-list candidate of `name` in turn (each of `types` per candidate) until one has addresses. */
export async function walkSearchList(ask: (name: string, type: string) => Promise<DnsReply>, name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>, types: string[] = ['A']): Promise<ResolveResult> {
  const exchanges: DnsExchange[] = [];
  for (const candidate of searchCandidates(name, conf)) {
    const ips: string[] = [];
    for (const type of types) {
      // One query at a time: each answer is awaited before the next goes out, so random draws keep their order.
      const reply = await ask(candidate, type);
      // SRC: glibc res_query.c __res_context_search — NXDOMAIN, NODATA and SERVFAIL try the next name; a timeout ends the walk.
      if ('failure' in reply) return { ok: false, exchanges };
      exchanges.push(reply);
      if (reply.rcode === 'NOERROR') ips.push(...reply.answers.filter((r) => r.type === 'A').map((r) => r.data));
    }
    if (ips.length > 0) return { ok: true, ips, exchanges };
  }
  return { ok: false, exchanges };
}

/** The name for an address (getnameinfo with NI_NAMEREQD): hosts file, then a PTR query; undefined when none. */
export async function reverseLookupVia(transport: DnsTransport, sim: Simulation, source: Source, ip: string): Promise<{ name?: string; exchanges: DnsExchange[] }> {
  for (const [name, addr] of hostsFile(sim, source)) if (addr === ip) return { name, exchanges: [] };
  const server = sourceResolvConf(sim, source)?.nameservers[0];
  if (!server) return { exchanges: [] };
  const reply = await transport(sim, source, server, 53, { name: reverseName(ip), type: 'PTR' });
  if ('failure' in reply) return { exchanges: [] };
  const ptr = reply.answers.find((r) => r.type === 'PTR');
  return { ...(ptr ? { name: ptr.data.replace(/\.$/, '') } : {}), exchanges: [reply] };
}

/** The resolv.conf a source's programs use; undefined when it has no working DNS server (nodes, client host). */
export function sourceResolvConf(sim: Simulation, source: Source): ResolvConf | undefined {
  if (source.kind !== 'pod') return undefined;
  const pod = sim.view.get<Pod>('Pod', source.pod, source.namespace);
  const policy = pod?.spec.dnsPolicy ?? 'ClusterFirst';
  // SRC: kubelet dns.go getPodDNSType — ClusterFirst on a hostNetwork pod falls back to the node's resolv.conf (Default).
  if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod?.spec.hostNetwork)) return clusterFirstConf(sim.topology, source.namespace);
  return undefined;
}

/** The machine's /etc/hosts as name → address (lower-case names). */
export function hostsFile(sim: Simulation, source: Source): Map<string, string> {
  const hosts = new Map<string, string>([['localhost', '127.0.0.1']]);
  if (source.kind === 'host') {
    for (const [name, ip] of source.hosts) hosts.set(name.toLowerCase(), ip);
    return hosts;
  }
  const pod = source.kind === 'pod' ? sim.view.get<Pod>('Pod', source.pod, source.namespace) : undefined;
  if (source.kind === 'node' || pod?.spec.hostNetwork) {
    // kubeadm labs list every node in each node's /etc/hosts (the tutorial's nodes reach each other by name).
    for (const node of sim.topology.nodes) hosts.set(node.name.toLowerCase(), node.ip);
    return hosts;
  }
  // SRC: kubelet kubelet_pods.go managedHostsFileContent — the pod's own hostname (and FQDN with a subdomain).
  if (pod && source.kind === 'pod') {
    const hostname = pod.spec.hostname ?? pod.metadata.name;
    if (pod.spec.subdomain) hosts.set(`${hostname}.${pod.spec.subdomain}.${source.namespace}.svc.${sim.topology.clusterDomain}`, source.ip);
    hosts.set(hostname.toLowerCase(), source.ip);
  }
  return hosts;
}
