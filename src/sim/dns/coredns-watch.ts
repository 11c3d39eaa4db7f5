/**
 * What one CoreDNS pod's informers have seen: the zone serial is the time of the last change that matters
 * for DNS (a Service or EndpointSlice added or deleted; a Service's externalName or ports changed; an
 * EndpointSlice's ready addresses, hostnames or ports changed). Namespaces and pods (`pods insecure`) do not count.
 */
// SRC: coredns plugin/kubernetes/controller.go Add/Delete/detectChanges/serviceModified/endpointsEquivalent,
//      updateModified (time.Now().Unix()); kubernetes.go Serial (v1.11)
import type { Service, EndpointSlice } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';

/** The per-pod record of the DNS-relevant objects and when they last changed. */
export class ZoneWatch {
  #seen: Map<string, string>;
  #modifiedMs: number;

  /** The informers' initial list: every object is an Add at the pod's start. */
  constructor(store: ReadonlyStore, start: Date) {
    this.#seen = digests(store);
    this.#modifiedMs = start.getTime();
  }

  /**
   * The serial at `now`. The store keeps no change times, so a change found now is dated by what the
   * objects say (creationTimestamp of an added object, the endpointslice controller's
   * last-change-trigger-time), and by `now` when they say nothing (deletions, updates).
   */
  serial(store: ReadonlyStore, now: Date): number {
    const current = digests(store);
    let changedAt = -1;
    for (const [key, digest] of current) {
      if (this.#seen.get(key) === digest) continue;
      changedAt = Math.max(changedAt, stampOf(store, key, this.#seen.has(key)) ?? now.getTime());
    }
    for (const key of this.#seen.keys()) if (!current.has(key)) changedAt = now.getTime();
    this.#seen = current;
    if (changedAt >= 0) this.#modifiedMs = Math.min(now.getTime(), Math.max(this.#modifiedMs, changedAt));
    return Math.floor(this.#modifiedMs / 1000) >>> 0;
  }
}

function digests(store: ReadonlyStore): Map<string, string> {
  const out = new Map<string, string>();
  for (const svc of store.list<Service>('Service')) {
    const ports = (svc.spec.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? 'TCP']);
    out.set(`Service/${svc.metadata.namespace}/${svc.metadata.name}`, JSON.stringify([svc.spec.externalName ?? '', ports]));
  }
  for (const s of store.list<EndpointSlice>('EndpointSlice')) {
    const ready = (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).map((e) => [e.addresses, e.hostname ?? '']);
    out.set(`EndpointSlice/${s.metadata.namespace}/${s.metadata.name}`, JSON.stringify([ready, s.ports ?? []]));
  }
  return out;
}

function stampOf(store: ReadonlyStore, key: string, existed: boolean): number | undefined {
  const [kind, namespace, name] = key.split('/') as [string, string, string];
  const obj = store.get(kind, name, namespace);
  const stamp = existed ? obj?.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time'] : obj?.metadata.creationTimestamp;
  const ms = stamp ? Date.parse(stamp) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}
