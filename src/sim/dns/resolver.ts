/** Name resolution from a lab machine over the lab's DNS transport (`sim.transport.dns`: simulated UDP to CoreDNS, or the wire backend's). */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import { sendDns } from '../network/dns-transport.ts';
import { resolveHostVia, reverseLookupVia, type ResolveResult } from './name-lookup.ts';

export { sourceResolvConf, hostsFile, type ResolveResult, type DnsTransport } from './name-lookup.ts';

/** Resolves `name` to IPv4 addresses from `source`: /etc/hosts, then (pods) CoreDNS with the search list and ndots:5. */
export function resolveHost(sim: Simulation, source: Source, name: string): Promise<ResolveResult> {
  return resolveHostVia(sim.transport?.dns ?? sendDns, sim, source, name);
}

/** The name for an address as getnameinfo finds it (hosts file, then PTR); undefined name when none. */
export function reverseLookup(sim: Simulation, source: Source, ip: string): Promise<{ name?: string; exchanges: DnsExchange[] }> {
  return reverseLookupVia(sim.transport?.dns ?? sendDns, sim, source, ip);
}
