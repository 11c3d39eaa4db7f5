/**
 * `connect(sim, source, ip, port, protocol)`: where a new connection from a host, node or pod lands
 * (see connect-core.ts for the rules), using the simulation's running kube-proxies and MetalLB.
 */
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import { connectWith, type ConnectOutcome } from './connect-core.ts';
import { simEnv } from './sim-env.ts';

export type { ConnectOutcome } from './connect-core.ts';

/** Opens a connection (TCP) or sends the first datagram (UDP) from `source` to `ip:port`. */
export function connect(sim: Simulation, source: Source, ip: string, port: number, protocol: 'TCP' | 'UDP'): ConnectOutcome {
  return connectWith(simEnv(sim), sim, source, ip, port, protocol);
}
