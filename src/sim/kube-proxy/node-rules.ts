/** The rules a node's running kube-proxy has programmed (what the iptables/ipvsadm/ip commands show). */
import type { Simulation } from '../simulation.ts';
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { buildProxyRules } from './rules.ts';
import type { ProxyRules } from './types.ts';

/** ProxyRules of the kube-proxy running on `node`, or undefined when none runs there (no rules programmed). */
export function nodeProxyRules(sim: Simulation, node: string): ProxyRules | undefined {
  const config = activeKubeProxyConfig(sim, node);
  return config === undefined ? undefined : buildProxyRules(sim.view, node, config, sim.topology);
}
