/** The DataplaneEnv of a real simulation: kube-proxy processes (workloads area) and MetalLB L2 (dns-metallb area). */
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { announcingNode } from '../metallb/l2.ts';
import type { Simulation } from '../simulation.ts';
import type { DataplaneEnv } from './dataplane-env.ts';

/** Lookups backed by the simulation's running processes and MetalLB state. */
export function simEnv(sim: Simulation): DataplaneEnv {
  return { proxyConfig: (node) => activeKubeProxyConfig(sim, node), announcingNode: (ip) => announcingNode(sim, ip) };
}
