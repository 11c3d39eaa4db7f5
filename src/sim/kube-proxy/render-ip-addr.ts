/**
 * `ip addr` / `ip a` / `ip addr show <dev>` on a lab node: lo, ens160, docker0, flannel.1, cni0, one
 * veth per pod on the node, and — in ipvs mode — kube-ipvs0 (a dummy device, NOARP, DOWN) holding
 * every cluster IP, external IP and LB ingress IP as /32. In iptables mode there is no kube-ipvs0.
 * Interface indexes count up in creation order: kube-ipvs0 comes after the veths of pods older than
 * the running kube-proxy pod (the tutorial's master, with two CoreDNS veths, shows "8: kube-ipvs0").
 * kube-ipvs0 addresses are listed in service order (namespace, name), which gives the tutorial's
 * 10.98.224.15, 10.96.0.1, 10.96.0.10 on k8s-master.
 * SRC: iproute2 ip/ipaddress.c print_linkinfo, print_addrinfo (iproute 6.2, RHEL 9);
 * kubernetes pkg/proxy/ipvs/proxier.go (defaultDummyDevice "kube-ipvs0", netlinkHandle.EnsureAddressBind) (v1.31).
 */
import { createHash } from 'node:crypto';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { KubeProxyConfig } from '../kube-proxy-config.ts';
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { baseInterfaces, labNode, linkLocalOf, stableMac, type NodeInterface } from '../network/node-interfaces.ts';
import { buildProxyRules } from './rules.ts';
import { ipvsBoundAddresses } from './ipvs.ts';

type IpAddrSim = Pick<Simulation, 'view' | 'topology'>;

/** `ip addr [show <device>]` on `node`, from its running kube-proxy's mode. */
export function renderIpAddr(sim: Simulation, node: string, opts: { device?: string }): string {
  return renderIpAddrFor(sim, node, activeKubeProxyConfig(sim, node), opts);
}

/** Does `ip addr show <device>` find the device? (`Device "x" does not exist.` on stderr, exit 1, otherwise.) */
export function ipDeviceExists(sim: Simulation, node: string, device: string): boolean {
  return nodeInterfaces(sim, node, activeKubeProxyConfig(sim, node)).some((i) => i.name === device);
}

/** The same, for a given kube-proxy configuration (undefined = no kube-proxy running). */
export function renderIpAddrFor(sim: IpAddrSim, node: string, config: KubeProxyConfig | undefined, opts: { device?: string }): string {
  const interfaces = nodeInterfaces(sim, node, config);
  const shown = opts.device === undefined ? interfaces.map((iface, i) => [iface, i + 1] as const) : interfaces.flatMap((iface, i) => (iface.name === opts.device ? [[iface, i + 1] as const] : []));
  if (shown.length === 0) return `Device "${opts.device}" does not exist.\n`;
  return shown.map(([iface, index]) => renderInterface(iface, index)).join('');
}

/** Interfaces of a node in index order. */
export function nodeInterfaces(sim: IpAddrSim, node: string, config: KubeProxyConfig | undefined): NodeInterface[] {
  const lab = labNode(sim.topology, node);
  if (!lab) throw new Error(`ip addr: unknown node "${node}"`);
  const pods = sim.view.list<Pod>('Pod').filter((p) => p.spec.nodeName === node && p.spec.hostNetwork !== true && p.status?.podIP && p.status.phase === 'Running');
  pods.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  const veths = pods.map((p) => ({ pod: p, iface: veth(p) }));
  const base = baseInterfaces(sim.topology, lab);
  if (config?.mode !== 'ipvs') return [...base, ...veths.map((v) => v.iface)];
  const proxyPod = sim.view.list<Pod>('Pod', 'kube-system').find((p) => p.spec.nodeName === node && p.metadata.labels?.['k8s-app'] === 'kube-proxy');
  const since = proxyPod?.metadata.creationTimestamp ?? '\uffff';
  const before = veths.filter((v) => (v.pod.metadata.creationTimestamp ?? '') <= since).map((v) => v.iface);
  const after = veths.filter((v) => (v.pod.metadata.creationTimestamp ?? '') > since).map((v) => v.iface);
  const addresses = ipvsBoundAddresses(buildProxyRules(sim.view, node, config, sim.topology));
  const ipvs: NodeInterface = {
    name: 'kube-ipvs0', flags: 'BROADCAST,NOARP', mtu: 1500, qdisc: 'noop', state: 'DOWN', linkType: 'ether',
    mac: stableMac(`${node}/kube-ipvs0`), inet: addresses.map((ip) => ({ ip, prefix: 32, scope: 'global' as const })),
  };
  return [...base, ...before, ipvs, ...after];
}

// A pod's host-side veth: named from its uid, attached to cni0, peer eth0 (ifindex 2) in the pod's netns.
function veth(pod: Pod): NodeInterface {
  const h = createHash('sha256').update(pod.metadata.uid ?? pod.metadata.name).digest('hex');
  const mac = stableMac(`veth/${h}`);
  const netns = `cni-${h.slice(8, 16)}-${h.slice(16, 20)}-${h.slice(20, 24)}-${h.slice(24, 28)}-${h.slice(28, 40)}`;
  return {
    name: `veth${h.slice(0, 8)}`, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1450, qdisc: 'noqueue', state: 'UP', master: 'cni0',
    linkType: 'ether', mac, peer: { ifindex: 2, netns }, inet: [], inet6LinkLocal: linkLocalOf(mac),
  };
}

function renderInterface(i: NodeInterface, index: number): string {
  const name = i.peer ? `${i.name}@if${i.peer.ifindex}` : i.name;
  const lines = [
    `${index}: ${name}: <${i.flags}> mtu ${i.mtu} qdisc ${i.qdisc} ${i.master ? `master ${i.master} ` : ''}state ${i.state} group default ${i.qlen ? `qlen ${i.qlen}` : ''}`,
    `    link/${i.linkType} ${i.mac} brd ${i.linkType === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${i.peer ? ` link-netns ${i.peer.netns}` : ''}`,
  ];
  if (i.altname) lines.push(`    altname ${i.altname}`);
  for (const a of i.inet) {
    lines.push(`    inet ${a.ip}/${a.prefix} ${a.broadcast ? `brd ${a.broadcast} ` : ''}scope ${a.scope} ${a.noprefixroute ? 'noprefixroute ' : ''}${i.name}`, '       valid_lft forever preferred_lft forever');
  }
  if (i.inet6LinkLocal) {
    const v6 = i.inet6LinkLocal === '::1' ? 'inet6 ::1/128 scope host ' : `inet6 ${i.inet6LinkLocal}/64 scope link ${i.noprefixroute6 ? 'noprefixroute ' : ''}`;
    lines.push(`    ${v6}`, '       valid_lft forever preferred_lft forever');
  }
  return lines.join('\n') + '\n';
}
