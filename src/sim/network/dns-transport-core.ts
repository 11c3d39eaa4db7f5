/**
 * A DNS query over UDP: the datagram goes through kube-proxy like any other (kube-dns cluster IP →
 * a CoreDNS pod), and the accepting process's `dns` answers. ICMP port unreachable (REJECT, no
 * listener) is "refused"; silence (DROP, no route, a process that is not a DNS server) is "timeout".
 */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import type { DataplaneEnv } from './dataplane-env.ts';
import { connectWith } from './connect-core.ts';

/** Sends one query to `server:port` from `source`. */
export function sendDnsWith(env: DataplaneEnv, sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }): DnsExchange | { failure: 'timeout' | 'refused' } {
  const outcome = connectWith(env, sim, source, server, port, 'UDP');
  if (outcome.kind === 'refused') return { failure: 'refused' };
  if (outcome.kind !== 'connected' || !outcome.process.dns) return { failure: 'timeout' };
  const answer = outcome.process.dns({ name: query.name, type: query.type, clientIP: outcome.clientIP }, sim);
  const { trace: appTrace, ...rest } = answer;
  return { server, ...rest, trace: [...outcome.hops, ...(appTrace ?? [])] };
}
