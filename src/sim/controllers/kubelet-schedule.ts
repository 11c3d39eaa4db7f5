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
 * The next free pod IP of a node's podCIDR, from .2 upwards (.1 is the cni0 bridge), skipping
 * addresses in use. SRC: containernetworking/plugins plugins/ipam/host-local/backend/allocator (range
 * start = network+2 when a gateway takes .1; flannel's subnet.env sets the node's /24).
 * Known difference: host-local resumes after the last reserved IP (state on the node's disk), so a
 * real cluster hands a replacement pod a new address where kubelab reuses the lowest free one.
 */
export function nextPodIP(podCIDR: string, inUse: ReadonlySet<string>): string | undefined {
  const [net, bits] = ipaddr.parseCIDR(podCIDR);
  const base = ipaddr.IPv4.networkAddressFromCIDR(podCIDR).toByteArray().reduce((n, b) => n * 256 + b, 0);
  const size = 2 ** (32 - bits);
  if (net.kind() !== 'ipv4') return undefined;
  for (let offset = 2; offset < size - 1; offset++) {
    const n = base + offset;
    const ip = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    if (!inUse.has(ip)) return ip;
  }
  return undefined;
}
