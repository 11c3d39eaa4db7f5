/**
 * What the network model asks of other areas: which kube-proxy configuration a node runs and which
 * node MetalLB announces an address from. Passed in so connect/HTTP/DNS logic is testable on plain stores.
 */
import type { KubeProxyConfig } from '../kube-proxy-config.ts';
import type { Simulation } from '../simulation.ts';

/** The lookups the data plane needs from the rest of the simulation. */
export interface DataplaneEnv {
  /** The configuration the node's running kube-proxy loaded; undefined when none runs there. */
  proxyConfig(node: string): KubeProxyConfig | undefined;
  /** The node whose MetalLB speaker answers ARP for `ip`, if any. */
  announcingNode(ip: string): string | undefined;
}

/** The parts of a simulation the data plane reads. */
export type NetSim = Pick<Simulation, 'view' | 'topology' | 'rng' | 'counters' | 'nextCount' | 'processes'>;
