/** `sendDns(sim, source, server, port, query)`: one DNS query over the simulated network (see dns-transport-core.ts). */
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import { sendDnsWith, type DnsProtocol, type DnsReply } from './dns-transport-core.ts';
import { simEnv } from './sim-env.ts';

export type { DnsProtocol, DnsReply } from './dns-transport-core.ts';

/** Options of one DNS query. */
export interface DnsSendOptions {
  /** UDP unless a client asks for TCP (`dig +tcp`). */
  protocol?: DnsProtocol;
}

/**
 * Sends one query to `server:port` from `source`; the pod's process answers, failures are values.
 * Asynchronous like every transport: the wire backend's replaces it with a real socket (src/serve/wire-dns.ts).
 */
export async function sendDns(sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }, opts: DnsSendOptions = {}): Promise<DnsReply> {
  return sendDnsWith(simEnv(sim), sim, source, server, port, query, opts.protocol ?? 'udp');
}
