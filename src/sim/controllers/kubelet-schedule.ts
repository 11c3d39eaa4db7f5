/**
 * The scheduler's part of the kubelet controller: which node an unscheduled pod lands on, and
 * which pod IP the node's CNI (flannel + host-local IPAM) hands it.
 */
import ipaddr from 'ipaddr.js';
import type { Node, Pod } from '../../model/core.ts';
import { affinityNode, toleratesAll } from './node-affinity.ts';
import { controllerOf } from './workload-meta.ts';

/** Where a pod goes, or why it cannot go anywhere (the FailedScheduling message). */
export type Placement = { node: string } | { unschedulable: string };

/**
 * Picks a node: a DaemonSet pod's pinned node; otherwise among nodes whose taints the pod
 * tolerates and whose labels match its nodeSelector, the one with the fewest pods of the same
 * owner, then the fewest pods, then by name.
 * SRC: kubernetes pkg/scheduler/framework/plugins/{tainttoleration,nodeaffinity,podtopologyspread (default
 * system constraints spread by owner),noderesources (LeastAllocated)} (v1.31). Scores are reduced to this order.
 */
export function placePod(pod: Pod, nodes: readonly Node[], boundPods: readonly Pod[]): Placement {
  const pinned = affinityNode(pod);
  const tolerations = (pod.spec as { tolerations?: { key?: string; operator?: string; effect?: string; value?: string }[] }).tolerations ?? [];
  const selector = (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector ?? {};
  let tainted = 0, mismatched = 0;
  const candidates = nodes.filter((node) => {
    const labelsOk = Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v) && (!pinned || pinned === node.metadata.name);
    if (!labelsOk) { mismatched++; return false; }
    if (!toleratesAll(node.spec.taints, tolerations)) { tainted++; return false; }
    return true;
  });
  if (candidates.length === 0) return { unschedulable: unschedulableMessage(nodes.length, tainted, mismatched, nodes) };
  const owner = controllerOf(pod)?.uid;
  const countOn = (node: string, sameOwner: boolean) =>
    boundPods.filter((p) => p.spec.nodeName === node && (!sameOwner || (owner !== undefined && controllerOf(p)?.uid === owner))).length;
  const best = [...candidates].sort(
    (a, b) =>
      countOn(a.metadata.name, true) - countOn(b.metadata.name, true) ||
      countOn(a.metadata.name, false) - countOn(b.metadata.name, false) ||
      a.metadata.name.localeCompare(b.metadata.name),
  )[0]!;
  return { node: best.metadata.name };
}

// SRC: pkg/scheduler/schedule_one.go FitError.Error and the plugins' reasons (v1.31).
function unschedulableMessage(total: number, tainted: number, mismatched: number, nodes: readonly Node[]): string {
  const reasons: string[] = [];
  if (mismatched) reasons.push(`${mismatched} node(s) didn't match Pod's node affinity/selector`);
  if (tainted) {
    const taint = nodes.flatMap((n) => n.spec.taints ?? [])[0];
    reasons.push(`${tainted} node(s) had untolerated taint {${taint?.key ?? ''}: ${(taint as { value?: string } | undefined)?.value ?? ''}}`);
  }
  reasons.sort();
  return `0/${total} nodes are available: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/**
 * The pod IP host-local IPAM reserves next on a node: it resumes right after the node's last
 * reserved IP (not at the lowest free one), skips the gateway (.1, the cni0 bridge) and addresses
 * in use, wraps from the range end (broadcast - 1) back to the range start, and gives up after one
 * full turn. Without a last reserved IP (fresh node) it starts at the range start (.2 after the gateway).
 * SRC: containernetworking/plugins plugins/ipam/host-local/backend/allocator/allocator.go GetIter/Get and
 * range_set.go/range.go Canonicalize (RangeStart = network+1, RangeEnd = broadcast-1, Gateway = network+1);
 * flannel's CNI config delegates to bridge + host-local over the node's /24.
 */
export function nextPodIP(podCIDR: string, inUse: ReadonlySet<string>, lastReserved?: string): string | undefined {
  const [net, bits] = ipaddr.parseCIDR(podCIDR);
  if (net.kind() !== 'ipv4') return undefined;
  const base = toNumber(ipaddr.IPv4.networkAddressFromCIDR(podCIDR).toString());
  const size = 2 ** (32 - bits);
  const first = base + 1; // RangeStart (network + 1), also the default gateway
  const last = base + size - 2; // RangeEnd (broadcast - 1)
  const gateway = base + 1;
  const resume = lastReserved !== undefined && ipaddr.IPv4.isValid(lastReserved) ? toNumber(lastReserved) : undefined;
  // Iteration starts after the last reserved IP when the range holds it, else at the range start.
  const inRange = resume !== undefined && resume >= first && resume <= last;
  let cur = inRange ? resume : first - 1;
  const stop = inRange ? resume : last;
  for (let steps = 0; steps <= last - first + 1; steps++) {
    cur = cur >= last ? first : cur + 1;
    if (cur !== gateway) {
      const ip = fromNumber(cur);
      if (!inUse.has(ip)) return ip;
    }
    if (cur === stop) break;
  }
  return undefined;
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function fromNumber(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
