/** The kube-proxy rules a node's kernel holds: built from the config its running kube-proxy loaded. */
import type { CommandContext } from './command.ts';
import type { ProxyRules } from '../kube-proxy/types.ts';
import { buildProxyRules } from '../kube-proxy/rules.ts';
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { readKubeProxyConfig } from '../kube-proxy-config.ts';
import type { ConfigMap } from '../../model/core.ts';

/** Rules of the command's node; undefined when the command does not run on a node. */
export function nodeProxyRules(ctx: CommandContext): ProxyRules | undefined {
  if (ctx.source.kind !== 'node') return undefined;
  const { sim } = ctx;
  // A node whose kube-proxy is gone keeps the rules it last wrote (kube-proxy does not flush on exit); model them from the ConfigMap.
  const config = activeKubeProxyConfig(sim, ctx.source.node) ?? readKubeProxyConfig(sim.view.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system'));
  return buildProxyRules(sim.view, ctx.source.node, config, sim.topology);
}
