/** The last step of a connection: which process on a pod or a node accepts it. */
import type { Pod } from '../../model/core.ts';
import type { Hop } from '../../cluster/exchanges.ts';
import type { AppProcess } from '../apps/app.ts';
import type { NetSim } from './dataplane-env.ts';

/** Where a connection ended. */
export type Delivery =
  | { kind: 'connected'; process: AppProcess; pod?: Pod; hop: Hop }
  | { kind: 'refused'; hop: Hop }
  | { kind: 'no-pod' };

/** Pods running on a node with hostNetwork (their processes listen on the node's addresses). */
export function hostNetworkPods(sim: NetSim, node: string): Pod[] {
  return sim.view.list<Pod>('Pod').filter((p) => p.spec.hostNetwork === true && p.spec.nodeName === node && p.status?.phase === 'Running');
}

/** The live pod that owns a pod-network IP (hostNetwork pods share their node's IP and are excluded). */
export function podByIP(sim: NetSim, ip: string): Pod | undefined {
  const pods = sim.view.list<Pod>('Pod').filter((p) => p.spec.hostNetwork !== true && p.status?.podIP === ip && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  return pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
}

/**
 * A connection reaching a node's own address: a hostNetwork process listening on the port accepts
 * it, otherwise the node's kernel answers RST (connection refused).
 */
export function deliverToNode(sim: NetSim, node: string, ip: string, port: number, protocol: 'TCP' | 'UDP'): Delivery {
  for (const pod of hostNetworkPods(sim, node)) {
    const process = sim.processes.get(pod.metadata.uid ?? '');
    if (process?.listens(port, protocol)) {
      return { kind: 'connected', process, pod, hop: { component: 'network', decision: `${ip}:${port}/${protocol} accepted on ${node} by hostNetwork pod ${pod.metadata.namespace}/${pod.metadata.name}`, details: { node, pod: pod.metadata.name, namespace: pod.metadata.namespace } } };
    }
  }
  return { kind: 'refused', hop: { component: 'network', decision: `nothing listens on ${ip}:${port}/${protocol} on ${node}: RST (connection refused)`, details: { node } } };
}

/**
 * A connection reaching a pod IP: the pod's process accepts it if it listens on the port; a pod whose
 * container is not running (or does not listen there) answers RST from its network namespace.
 */
export function deliverToPod(sim: NetSim, ip: string, port: number, protocol: 'TCP' | 'UDP'): Delivery {
  const pod = podByIP(sim, ip);
  if (!pod) return { kind: 'no-pod' };
  const where = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const process = sim.processes.get(pod.metadata.uid ?? '');
  if (!process) return { kind: 'refused', hop: { component: 'network', decision: `pod ${where} (${ip}) has no running container: connection refused`, details: { pod: pod.metadata.name, namespace: pod.metadata.namespace } } };
  if (!process.listens(port, protocol)) return { kind: 'refused', hop: { component: 'network', decision: `pod ${where} does not listen on ${port}/${protocol}: connection refused`, details: { pod: pod.metadata.name, namespace: pod.metadata.namespace } } };
  return { kind: 'connected', process, pod, hop: { component: 'network', decision: `${ip}:${port}/${protocol} accepted by pod ${where} on ${pod.spec.nodeName ?? '?'}`, details: { pod: pod.metadata.name, namespace: pod.metadata.namespace, node: pod.spec.nodeName } } };
}
