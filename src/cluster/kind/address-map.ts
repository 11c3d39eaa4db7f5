/**
 * One feature text, two backends: the tutorial's addresses and node names (the simulated lab) map to the
 * kind cluster's by position. Commands are rewritten lab → real before they run; outputs and objects
 * real → lab before any assertion sees them.
 *
 *   k8s-master 172.25.250.100  ↔ <cluster>-control-plane, its IP on the kind network
 *   k8s-node1  172.25.250.10   ↔ <cluster>-worker
 *   k8s-node2  172.25.250.20   ↔ <cluster>-worker2
 *   MetalLB pool 172.25.250.50-99 (50 addresses) ↔ the top 50 addresses below the kind subnet's broadcast, i-th to i-th
 *   client host 172.25.250.200 ↔ the client container's IP (once it runs)
 */
import { ipToNumber, numberToIp, type AddressRange } from './network.ts';

/** One lab value and its real counterpart. */
export interface AddressPair { lab: string; real: string }

/** The tutorial's lab nodes in lab order (control plane first), as the seed tutorial names and numbers them. */
export const LAB_NODES: readonly { name: string; ip: string; role: 'control-plane' | 'worker' }[] = [
  { name: 'k8s-master', ip: '172.25.250.100', role: 'control-plane' },
  { name: 'k8s-node1', ip: '172.25.250.10', role: 'worker' },
  { name: 'k8s-node2', ip: '172.25.250.20', role: 'worker' },
];
/** The tutorial's client host (the test machine outside the cluster). */
export const LAB_CLIENT_HOST = '172.25.250.200';
/** The tutorial's lab pool (its configmap.yml) that real pools are matched to by position. */
export const LAB_POOL: AddressRange = { first: '172.25.250.50', last: '172.25.250.99' };
/** The lab subnet: an address on it without a real counterpart is reported, not silently passed on. */
export const LAB_SUBNET_PREFIX = '172.25.250.';

const IP = String.raw`(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)`;

/** Bidirectional rewriting between the lab's and the cluster's addresses and node names. */
export class AddressMap {
  readonly ips: AddressPair[];
  readonly names: AddressPair[];

  constructor(ips: AddressPair[], names: AddressPair[]) {
    this.ips = ips;
    this.names = names;
  }

  /** Pairs the lab nodes with the real nodes (same order: control plane, worker, worker2) and the two pools position by position. */
  static build(opts: { labNodes: { name: string; ip: string }[]; realNodes: { name: string; ip: string }[]; realPool: AddressRange; labPool?: AddressRange }): AddressMap {
    const ips: AddressPair[] = [];
    const names: AddressPair[] = [];
    opts.labNodes.forEach((lab, i) => {
      const real = opts.realNodes[i];
      if (!real) return;
      ips.push({ lab: lab.ip, real: real.ip });
      names.push({ lab: lab.name, real: real.name });
    });
    const labPool = opts.labPool ?? LAB_POOL;
    const labFirst = ipToNumber(labPool.first);
    const realFirst = ipToNumber(opts.realPool.first);
    const count = Math.min(ipToNumber(labPool.last) - labFirst, ipToNumber(opts.realPool.last) - realFirst) + 1;
    for (let i = 0; i < count; i++) ips.push({ lab: numberToIp(labFirst + i), real: numberToIp(realFirst + i) });
    return new AddressMap(ips, names);
  }

  /** A copy with one more pair (e.g. the client host once its container has an IP). */
  with(pair: AddressPair): AddressMap {
    return new AddressMap([...this.ips.filter((p) => p.lab !== pair.lab && p.real !== pair.real), pair], this.names);
  }

  /** Lab text → real text (commands, manifests, /etc/hosts entries). */
  toReal(text: string): string {
    return this.#rewrite(text, 'lab', 'real');
  }

  /** Real text → lab text (command output, objects). */
  toLab(text: string): string {
    return this.#rewrite(text, 'real', 'lab');
  }

  /** Lab-subnet addresses in `text` that have no real counterpart (worth a warning: they will not answer). */
  unmapped(text: string): string[] {
    const known = new Set(this.ips.map((p) => p.lab));
    return [...new Set([...text.matchAll(new RegExp(IP, 'g'))].map((m) => m[0]).filter((ip) => ip.startsWith(LAB_SUBNET_PREFIX) && !known.has(ip)))];
  }

  /** Rewrites every string inside a JSON-like value real → lab (objects read from the cluster). */
  objectToLab<T>(value: T): T {
    return JSON.parse(this.toLab(JSON.stringify(value))) as T;
  }

  #rewrite(text: string, from: 'lab' | 'real', to: 'lab' | 'real'): string {
    const ipMap = new Map(this.ips.map((p) => [p[from], p[to]]));
    let out = text.replace(new RegExp(IP, 'g'), (ip) => ipMap.get(ip) ?? ip);
    const names = [...this.names].sort((a, b) => b[from].length - a[from].length);
    if (names.length === 0) return out;
    const nameMap = new Map(names.map((p) => [p[from], p[to]]));
    // A node name may end a pod name (kube-apiserver-<node>), but must not run on into a longer name (worker → worker2).
    const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${names.map((p) => escape(p[from])).join('|')})(?![A-Za-z0-9])`, 'g');
    out = out.replace(pattern, (name) => nameMap.get(name) ?? name);
    return out;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
