/** MetalLB layer-2 mode: which node's speaker answers ARP for a LoadBalancer IP (undefined: nobody does). */
// SRC: metallb speaker/layer2_controller.go ShouldAnnounce + leader sort; speaker/main.go speakersForPool (v0.14.8)
import { createHash } from 'node:crypto';
import type { Node, Pod, Service, EndpointSlice } from '../../model/core.ts';
import type { IPAddressPool, L2Advertisement } from '../../model/networking.ts';
import type { ReadonlyStore } from '../store.ts';
import type { Simulation } from '../simulation.ts';
import { parsePools, poolContains } from './pools.ts';

/** The MetalLB namespace (its CRs are only read from here). */
export const METALLB_NAMESPACE = 'metallb-system';

/** kubeadm puts this label on control-plane nodes; the speaker does not announce from labelled nodes. */
export const EXCLUDE_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** The node announcing `ip`, from the simulation's objects. */
export function announcingNode(sim: Simulation, ip: string): string | undefined {
  return announcingNodeFrom(sim.view, ip);
}

/**
 * Needs: a LoadBalancer Service holding the IP, a pool containing it, an L2Advertisement for that pool,
 * at least one ready endpoint, and candidate nodes with a running speaker. The leader is the candidate
 * whose sha256(node + "#" + ip) sorts first, so every speaker agrees without talking.
 */
export function announcingNodeFrom(store: ReadonlyStore, ip: string): string | undefined {
  const parsed = parsePools(store.list<IPAddressPool>('IPAddressPool', METALLB_NAMESPACE));
  const pool = parsed.ok ? parsed.pools.find((p) => poolContains(p, ip)) : undefined;
  if (!pool) return undefined;
  const ads = store.list<L2Advertisement>('L2Advertisement', METALLB_NAMESPACE).filter((ad) => advertises(ad, pool.name, pool.labels));
  if (ads.length === 0) return undefined;
  const services = store.list<Service>('Service').filter((s) => s.spec.type === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
  for (const svc of services) {
    const ready = readyEndpointNodes(store, svc);
    if (ready.length === 0) continue;
    const speakers = new Set(store.list<Pod>('Pod', METALLB_NAMESPACE)
      .filter((p) => p.metadata.labels?.component === 'speaker' && p.status?.phase === 'Running' && p.spec.nodeName)
      .map((p) => p.spec.nodeName!));
    const candidates = store.list<Node>('Node')
      .filter((n) => speakers.has(n.metadata.name))
      .filter((n) => n.metadata.labels?.[EXCLUDE_LB_LABEL] === undefined)
      .filter((n) => !(n.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status !== 'True'))
      .filter((n) => ads.some((ad) => nodeSelected(ad, n)))
      .filter((n) => svc.spec.externalTrafficPolicy !== 'Local' || ready.includes(n.metadata.name))
      .map((n) => n.metadata.name);
    if (candidates.length > 0) return candidates.sort((a, b) => Buffer.compare(leaderHash(a, ip), leaderHash(b, ip)))[0];
  }
  return undefined;
}

/** sha256(node + "#" + ip): the speakers' shared ordering. */
export function leaderHash(node: string, ip: string): Buffer {
  return createHash('sha256').update(`${node}#${ip}`).digest();
}

// No ipAddressPools and no ipAddressPoolSelectors → the advertisement covers every pool.
function advertises(ad: L2Advertisement, pool: string, poolLabels: Record<string, string>): boolean {
  const names = ad.spec?.ipAddressPools ?? [];
  const selectors = (ad.spec?.ipAddressPoolSelectors ?? []) as { matchLabels?: Record<string, string> }[];
  if (names.length === 0 && selectors.length === 0) return true;
  return names.includes(pool) || selectors.some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => poolLabels[k] === v));
}

function nodeSelected(ad: L2Advertisement, node: Node): boolean {
  const selectors = (ad.spec?.nodeSelectors ?? []) as { matchLabels?: Record<string, string> }[];
  return selectors.length === 0 || selectors.some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => node.metadata.labels?.[k] === v));
}

// Nodes of the service's ready endpoints (ready unset counts as ready).
function readyEndpointNodes(store: ReadonlyStore, svc: Service): string[] {
  return store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false)
    .map((e) => e.nodeName ?? '');
}
