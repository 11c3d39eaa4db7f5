/**
 * `ip` (iproute2 6.2 on the Rocky 9 nodes, busybox ip in client pods): the address listing forms
 * `ip a`, `ip addr`, `ip address show [dev] DEV`. Nodes are rendered by the dataplane
 * (renderIpAddr: lo, ens160, docker0, flannel.1, cni0, veths, kube-ipvs0); a pod shows lo and its eth0.
 * SRC: iproute2 ip/ip.c (object abbreviations, "Object \"x\" is unknown, try \"ip help\"."),
 *      ip/ipaddress.c ("Device \"x\" does not exist."); busybox networking/libiproute/ipaddress.c.
 */
import { textOutput, type CommandHandler, type CommandContext } from './command.ts';
import { createHash } from 'node:crypto';
import { renderIpAddr, ipDeviceExists, nodeInterfaces } from '../kube-proxy/render-ip-addr.ts';
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { stableMac } from '../network/node-interfaces.ts';
import type { Pod } from '../../model/core.ts';

/** ip OBJECT [COMMAND [dev] DEVICE]; only address listing is modelled. */
export const ip: CommandHandler = async (argv, ctx) => {
  const [object, ...rest] = argv.slice(1);
  if (object === undefined) return textOutput('', 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n', 255);
  if (!['a', 'ad', 'add', 'addr', 'addre', 'addres', 'address'].includes(object)) {
    const known = ['l', 'link', 'r', 'route', 'n', 'neigh', 'rule'].includes(object);
    if (known) return textOutput('', `ip ${object}: kubelab models only "ip addr [show [dev] DEVICE]"\n`, 255);
    return textOutput('', `Object "${object}" is unknown, try "ip help".\n`, 255);
  }
  let device: string | undefined;
  const args = [...rest];
  const verb = args[0];
  if (verb !== undefined && ['s', 'sh', 'show', 'l', 'ls', 'list'].includes(verb)) args.shift();
  else if (verb !== undefined && verb !== 'dev') return textOutput('', `Command "${verb}" is unknown, try "ip address help".\n`, 255);
  if (args[0] === 'dev') args.shift();
  device = args.shift();
  if (args.length > 0) return textOutput('', `Error: either "dev" is duplicate, or "${args[0]}" is a garbage.\n`, 255);
  if (ctx.source.kind === 'node') {
    if (device !== undefined && !ipDeviceExists(ctx.sim, ctx.source.node, device)) return textOutput('', `Device "${device}" does not exist.\n`, 1);
    return textOutput(renderIpAddr(ctx.sim, ctx.source.node, device !== undefined ? { device } : {}));
  }
  const text = podAddresses(ctx, device);
  if (text === undefined) return textOutput('', `Device "${device}" does not exist.\n`, 1);
  return textOutput(text);
};

// A flannel pod network namespace: lo and eth0 (ifindex 2), paired with the host-side veth the node lists.
function podAddresses(ctx: CommandContext, device: string | undefined): string | undefined {
  if (ctx.source.kind !== 'pod') return undefined;
  const podIp = ctx.source.ip;
  const peer = hostVethIndex(ctx);
  const base = podIp.split('.').slice(0, 3).join('.');
  const mac = stableMac(`${ctx.source.namespace}/${ctx.source.pod}/eth0`);
  const blocks: Record<string, string> = {
    lo: [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
    ].join('\n'),
    eth0: [
      `2: eth0@if${peer}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450 qdisc noqueue `,
      `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
      `    inet ${podIp}/24 brd ${base}.255 scope global eth0`,
      '       valid_lft forever preferred_lft forever',
    ].join('\n'),
  };
  if (device === undefined) return `${blocks.lo}\n${blocks.eth0}\n`;
  const block = blocks[device];
  return block === undefined ? undefined : `${block}\n`;
}

// The node's ifindex of this pod's veth (the dataplane names it veth<sha256(uid)[0:8]>).
function hostVethIndex(ctx: CommandContext): number {
  if (ctx.source.kind !== 'pod') return 0;
  const pod = ctx.sim.view.get<Pod>('Pod', ctx.source.pod, ctx.source.namespace);
  const name = `veth${createHash('sha256').update(pod?.metadata.uid ?? ctx.source.pod).digest('hex').slice(0, 8)}`;
  const interfaces = nodeInterfaces(ctx.sim, ctx.source.node, activeKubeProxyConfig(ctx.sim, ctx.source.node));
  return interfaces.findIndex((i) => i.name === name) + 1;
}
