/**
 * Scheduler + kubelet in one controller: binds unscheduled pods to nodes, gives them an IP
 * (host network: the node's), and reports what the container runtime did: Running and Ready
 * for images the lab's registry has, ErrImagePull (never Ready) for the others; a run-to-completion
 * image's container terminates with its exit code (see kubelet-exit.ts).
 * Pods being deleted are the API server's business and are left alone here.
 * SRC: kubernetes pkg/kubelet/kubelet_pods.go generateAPIPodStatus, pkg/kubelet/status/generate.go (v1.31).
 */
import type { Node, Pod } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { nextPodIP, placePod } from './kubelet-schedule.ts';
import { podStatus } from './kubelet-status.ts';
import { carryConditionTimes, normalized, rfc3339, sameObject } from './workload-meta.ts';
import { imageCatalogue } from '../apps/catalogue.ts';

/** Does the lab's registry have this image (i.e. can the runtime pull it)? */
export type ImageRegistry = (image: string) => boolean;
/** The code a run-to-completion image's process exits with; undefined for a server that keeps running. */
export type ExitCodes = (image: string) => number | undefined;

/** The exit codes the image catalogue declares (AppImage.exitCode). */
export function catalogueExitCode(image: string): number | undefined {
  return imageCatalogue().find((entry) => entry.matches(image))?.exitCode;
}

/** The kubelet controller over a registry predicate (the simulation passes its image catalogue) and the images' exit codes. */
export function createKubeletController(registry: ImageRegistry, exitCode: ExitCodes = catalogueExitCode): Controller {
  return { name: 'kubelet', reconcile: (ctx) => reconcileKubelet(ctx, registry, exitCode) };
}

function reconcileKubelet(ctx: ControllerContext, registry: ImageRegistry, exitCode: ExitCodes): Change[] {
  const changes: Change[] = [];
  const nodes = ctx.store.list<Node>('Node');
  const pods = ctx.store.list<Pod>('Pod');
  const now = rfc3339(ctx.clock.now());
  const bound = pods.filter((p) => p.spec.nodeName);
  // A terminal pod keeps its podIP in status, but its sandbox is gone and the CNI released the address.
  const holdsIP = (p: Pod) => !p.spec.hostNetwork && p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed';
  const usedIPs = new Set(pods.filter(holdsIP).map((p) => p.status!.podIP!));

  for (const original of pods) {
    if (original.metadata.deletionTimestamp) continue;
    const pod = structuredClone(original);
    if (!pod.spec.nodeName) {
      const placement = placePod(pod, nodes, bound);
      if ('unschedulable' in placement) {
        pod.status = unschedulableStatus(original, placement.unschedulable, now);
        if (!sameObject(original, pod)) changes.push({ op: 'put', object: normalized(pod) });
        continue;
      }
      pod.spec.nodeName = placement.node;
      bound.push(pod);
    }
    const node = nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    if (!node) continue;
    const nodeIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
    let podIP = pod.spec.hostNetwork ? nodeIP : original.status?.podIP;
    if (!podIP) {
      // host-local keeps the last reserved IP on the node's disk (ctx.nodeState), not in the API.
      const lastReserved = ctx.nodeState?.lastReservedIP;
      podIP = nextPodIP(node.spec.podCIDR, usedIPs, lastReserved?.get(node.metadata.name));
      if (podIP) {
        usedIPs.add(podIP);
        lastReserved?.set(node.metadata.name, podIP);
      }
    }
    pod.status = podStatus(ctx, pod, { nodeIP, podIP, now, registry, exitCode });
    if (!sameObject(original, pod)) changes.push({ op: 'put', object: normalized(pod) });
  }
  return changes;
}

// SRC: pkg/scheduler/schedule_one.go handleSchedulingFailure — PodScheduled False, reason Unschedulable.
function unschedulableStatus(pod: Pod, message: string, now: string): Pod['status'] {
  const conditions = carryConditionTimes(pod.status?.conditions, [
    { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: now, reason: 'Unschedulable', message } as never,
  ]);
  return { ...(pod.status ?? {}), phase: 'Pending', conditions, qosClass: 'BestEffort' } as Pod['status'];
}
