/**
 * The fixed network interfaces of a lab node (what `ip a` lists before pod veths and kube-ipvs0).
 * The tutorial's nodes are kubeadm + flannel hosts that also run docker (images are retagged and
 * pushed to Harbor with docker): lo, ens160 on the lab /24, docker0 (no containers, DOWN),
 * flannel.1 (VXLAN, <pod subnet>.0/32) and cni0 (bridge, <pod subnet>.1/24). The tutorial's
 * `ip a` shows kube-ipvs0 as interface 8 on k8s-master, which is exactly what this list plus the
 * two CoreDNS veths gives.
 */
import { createHash } from 'node:crypto';
import type { Topology, LabNode } from '../topology.ts';

/** One address of an interface. */
export interface InterfaceAddress { ip: string; prefix: number; broadcast?: string; scope: 'host' | 'global'; noprefixroute?: boolean }

/** One interface as `ip addr` prints it. */
export interface NodeInterface {
  name: string;
  flags: string;
  mtu: number;
  qdisc: string;
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  qlen?: number;
  master?: string;
  linkType: 'loopback' | 'ether';
  mac: string;
  peer?: { ifindex: number; netns: string };
  altname?: string;
  inet: InterfaceAddress[];
  /** IPv6 link-local address (scope link), if the interface has one. */
  inet6LinkLocal?: string;
  /** NetworkManager-managed link-local address (printed with "noprefixroute"). */
  noprefixroute6?: boolean;
}

/** A locally administered MAC derived from a name (stable for a seed-independent lab). */
export function stableMac(seed: string, prefix?: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  const octets = [...bytes.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0'));
  if (prefix !== undefined) return [...prefix.split(':'), ...octets].slice(0, 6).join(':');
  octets[0] = ((Number.parseInt(octets[0]!, 16) & 0xfc) | 0x02).toString(16).padStart(2, '0');
  return octets.join(':');
}

/** EUI-64 link-local address of a MAC (what the kernel assigns to an interface). */
export function linkLocalOf(mac: string): string {
  const b = mac.split(':').map((x) => Number.parseInt(x, 16));
  const w = [((b[0]! ^ 2) << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${w.map((x) => x.toString(16)).join(':')}`;
}

/** The lab node by name, or undefined. */
export function labNode(topology: Topology, node: string): LabNode | undefined {
  return topology.nodes.find((n) => n.name === node);
}

/** lo, ens160, docker0, flannel.1 and cni0 of a node. */
export function baseInterfaces(topology: Topology, node: LabNode): NodeInterface[] {
  const subnet = node.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.');
  const ens = stableMac(`${node.name}/ens160`, '00:0c:29');
  const flannel = stableMac(`${node.name}/flannel.1`);
  const cni = stableMac(`${node.name}/cni0`);
  return [
    { name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', qlen: 1000, linkType: 'loopback', mac: '00:00:00:00:00:00', inet: [{ ip: '127.0.0.1', prefix: 8, scope: 'host' }], inet6LinkLocal: '::1' },
    { name: 'ens160', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: 'mq', state: 'UP', qlen: 1000, linkType: 'ether', mac: ens, altname: 'enp3s0', noprefixroute6: true, inet: [{ ip: node.ip, prefix: 24, broadcast: broadcastOf(node.ip, 24), scope: 'global', noprefixroute: true }], inet6LinkLocal: linkLocalOf(ens) },
    { name: 'docker0', flags: 'NO-CARRIER,BROADCAST,MULTICAST,UP', mtu: 1500, qdisc: 'noqueue', state: 'DOWN', linkType: 'ether', mac: stableMac(`${node.name}/docker0`, '02:42'), inet: [{ ip: '172.17.0.1', prefix: 16, broadcast: '172.17.255.255', scope: 'global' }] },
    { name: 'flannel.1', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1450, qdisc: 'noqueue', state: 'UNKNOWN', linkType: 'ether', mac: flannel, inet: [{ ip: `${subnet}.0`, prefix: 32, scope: 'global' }], inet6LinkLocal: linkLocalOf(flannel) },
    { name: 'cni0', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1450, qdisc: 'noqueue', state: 'UP', qlen: 1000, linkType: 'ether', mac: cni, inet: [{ ip: `${subnet}.1`, prefix: 24, broadcast: `${subnet}.255`, scope: 'global' }], inet6LinkLocal: linkLocalOf(cni) },
  ];
}

/**
 * Local IPv4 addresses kube-proxy uses for NodePorts: every address except loopback and kube-ipvs0's.
 * SRC: kubernetes pkg/proxy/ipvs/netlink_linux.go GetAllLocalAddressesExcept / isValidForSet (v1.31).
 */
export function nodePortAddresses(topology: Topology, node: string): string[] {
  const lab = labNode(topology, node);
  if (!lab) return [];
  return baseInterfaces(topology, lab).flatMap((i) => i.inet.filter((a) => a.scope === 'global').map((a) => a.ip));
}

/** Every local IPv4 address of a node (what `--dst-type LOCAL` matches), kube-ipvs0 excluded. */
export function localAddresses(topology: Topology, node: string): string[] {
  const lab = labNode(topology, node);
  return lab ? baseInterfaces(topology, lab).flatMap((i) => i.inet.map((a) => a.ip)) : [];
}

function broadcastOf(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const host = 2 ** (32 - prefix) - 1;
  const b = (n - (n % (host + 1))) + host;
  return [24, 16, 8, 0].map((s) => Math.floor(b / 2 ** s) % 256).join('.');
}
