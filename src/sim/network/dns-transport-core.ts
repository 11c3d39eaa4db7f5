/**
 * A DNS query over UDP (or TCP, for `dig +tcp`): the packet goes through kube-proxy like any other
 * (kube-dns cluster IP → a CoreDNS pod, by the rules for that protocol), and the accepting process's
 * `dns` answers. ICMP port unreachable or a TCP RST (REJECT, no listener) is "refused"; silence
 * (DROP, no route, a process that is not a DNS server) is "timeout".
 */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import type { DataplaneEnv } from './dataplane-env.ts';
import { connectWith } from './connect-core.ts';

/** A DNS reply, or why none came: refused (ICMP port unreachable / RST) or timeout (silence). */
export type DnsReply = DnsExchange | { failure: 'timeout' | 'refused' };

/** Which transport a DNS client uses: UDP by default, TCP for `dig +tcp` (RFC 7766). */
export type DnsProtocol = 'udp' | 'tcp';

/** Sends one query to `server:port` from `source` over `protocol`. */
export function sendDnsWith(env: DataplaneEnv, sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }, protocol: DnsProtocol = 'udp'): DnsReply {
  const outcome = connectWith(env, sim, source, server, port, protocol === 'tcp' ? 'TCP' : 'UDP');
  if (outcome.kind === 'refused') return { failure: 'refused' };
  if (outcome.kind !== 'connected' || !outcome.process.dns) return { failure: 'timeout' };
  const answer = outcome.process.dns({ name: query.name, type: query.type, clientIP: outcome.clientIP }, sim);
  const { trace: appTrace, ...rest } = answer;
  return { server, ...rest, trace: [...outcome.hops, ...(appTrace ?? [])] };
}
