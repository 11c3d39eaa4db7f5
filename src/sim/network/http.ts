/** `sendHttp(sim, source, req, opts)`: one HTTP(S) request over the simulated network (see http-core.ts). */
import type { HttpExchange, HttpRequestRecord } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import { sendHttpWith } from './http-core.ts';
import { simEnv } from './sim-env.ts';

/** Connects, does the TLS handshake for https, and asks the accepting process; failures are values. */
export function sendHttp(sim: Simulation, source: Source, req: HttpRequestRecord, opts: { timeoutMs?: number } = {}): Promise<HttpExchange> {
  return sendHttpWith(simEnv(sim), sim, source, req, opts);
}
