/**
 * MetalLB's controller (IP allocation → Service status, annotation, events) and the speaker's
 * nodeAssigned event. Does nothing until MetalLB's controller pod runs and a pool exists.
 */
// SRC: metallb controller/service.go convergeBalancer, controller/main.go (v0.14.8)
import type { Service, Pod } from '../../model/core.ts';
import type { IPAddressPool } from '../../model/networking.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { parsePools, type Pool } from '../metallb/pools.ts';
import { Allocations, allocate, invalidCurrentIP, keyOf, METALLB_ANNOTATIONS } from '../metallb/allocate.ts';
import { announcingNodeFrom, METALLB_NAMESPACE } from '../metallb/l2.ts';
import { serviceEvent, latestEvent, type MetallbComponent } from '../metallb/events.ts';

/** The MetalLB controller. */
export const metallbController: Controller = {
  name: 'metallb',
  reconcile(ctx: ControllerContext): Change[] {
    const running = ctx.store.list<Pod>('Pod', METALLB_NAMESPACE).some((p) => p.metadata.labels?.component === 'controller' && p.status?.phase === 'Running');
    if (!running) return [];
    const parsed = parsePools(ctx.store.list<IPAddressPool>('IPAddressPool', METALLB_NAMESPACE));
    // An invalid config is marked stale and ignored; no pools at all means nothing to hand out (no event either).
    if (!parsed.ok || parsed.pools.length === 0) return [];
    return converge(ctx, parsed.pools.sort((a, b) => a.name.localeCompare(b.name)));
  },
};

function converge(ctx: ControllerContext, pools: Pool[]): Change[] {
  const changes: Change[] = [];
  const now = ctx.clock.now();
  // Event names are <service>.<unix nanos, hex>; offsetting by the events already stored keeps names made
  // in later settle rounds of the same instant from overwriting earlier ones.
  let seq = ctx.store.list('Event').length;
  const event = (svc: Service, component: MetallbComponent, type: 'Normal' | 'Warning', reason: string, message: string) => {
    const last = latestEvent(ctx.store, svc, component);
    if (last && last.reason === reason && last.message === message) return; // already said; the controller only retries on changes
    changes.push({ op: 'put', object: serviceEvent(svc, now, seq++, component, type, reason, message) });
  };
  const services = ctx.store.list<Service>('Service').sort(byCreation);
  const state = new Allocations();
  const pending: { svc: Service; invalid?: string }[] = [];
  for (const svc of services) {
    const current = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!isMetallbService(svc)) {
      if (svc.metadata.annotations?.[METALLB_ANNOTATIONS.allocatedFromPool]) changes.push({ op: 'put', object: withAssignment(svc, undefined) });
      continue;
    }
    const invalid = current === undefined ? undefined : invalidCurrentIP(svc, current, pools, state);
    if (current !== undefined && invalid === undefined) state.assign(svc, current);
    else pending.push({ svc, ...(invalid ? { invalid } : {}) });
  }
  for (const { svc, invalid } of pending) {
    if (invalid) event(svc, 'metallb-controller', 'Normal', 'ClearAssignment', `current IP for ${JSON.stringify(keyOf(svc))} not allowed by config, will attempt for new IP assignment: ${invalid}`);
    const result = allocate(svc, pools, state);
    if (!result.ok) {
      if (invalid) changes.push({ op: 'put', object: withAssignment(svc, undefined) });
      event(svc, 'metallb-controller', 'Warning', 'AllocationFailed', `Failed to allocate IP for ${JSON.stringify(keyOf(svc))}: ${result.message}`);
      continue;
    }
    state.assign(svc, result.ip);
    changes.push({ op: 'put', object: withAssignment(svc, result) });
    event(svc, 'metallb-controller', 'Normal', 'IPAllocated', `Assigned IP ${JSON.stringify([result.ip])}`);
  }
  // The speaker side: announce the (already written) IPs in layer 2.
  for (const svc of services) {
    const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!isMetallbService(svc) || ip === undefined) continue;
    const node = announcingNodeFrom(ctx.store, ip);
    if (node) event(svc, 'metallb-speaker', 'Normal', 'nodeAssigned', `announcing from node ${JSON.stringify(node)} with protocol "layer2"`);
  }
  return changes;
}

// MetalLB serves LoadBalancer Services without a loadBalancerClass (it is started without --lb-class).
function isMetallbService(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
}

// Status ingress with ipMode VIP (the API server defaults it on 1.30+) and the pool annotation; undefined clears both.
function withAssignment(svc: Service, assignment: { ip: string; pool: string } | undefined): Service {
  const annotations = { ...svc.metadata.annotations };
  delete annotations[METALLB_ANNOTATIONS.allocatedFromPool];
  if (assignment) annotations[METALLB_ANNOTATIONS.allocatedFromPool] = assignment.pool;
  const { annotations: _previous, ...rest } = svc.metadata;
  const metadata = Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest;
  const status = assignment ? { loadBalancer: { ingress: [{ ip: assignment.ip, ipMode: 'VIP' as const }] } } : { loadBalancer: {} };
  return { ...svc, metadata, status };
}

function byCreation(a: Service, b: Service): number {
  return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '')
    || (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name);
}
