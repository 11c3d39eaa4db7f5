/** `sendDns(sim, source, server, port, query)`: one DNS query over simulated UDP (see dns-transport-core.ts). */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import { sendDnsWith } from './dns-transport-core.ts';
import { simEnv } from './sim-env.ts';

/** Sends one query to `server:port` from `source`; the pod's process answers, failures are values. */
export function sendDns(sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }): DnsExchange | { failure: 'timeout' | 'refused' } {
  return sendDnsWith(simEnv(sim), sim, source, server, port, query);
}
