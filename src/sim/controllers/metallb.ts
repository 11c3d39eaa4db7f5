/**
 * MetalLB's controller (IP allocation → Service status, annotation, events) and the speaker's
 * nodeAssigned event. Does nothing until MetalLB's controller pod runs and a pool exists.
 */
// SRC: metallb controller/service.go convergeBalancer, controller/main.go (v0.14.8)
import type { Service, Pod, EndpointSlice, KubeEvent } from '../../model/core.ts';
import type { IPAddressPool } from '../../model/networking.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { parsePools, type Pool } from '../metallb/pools.ts';
import { Allocations, allocate, judgeCurrentIP, keyOf, METALLB_ANNOTATIONS } from '../metallb/allocate.ts';
import { announcingNodeFrom, METALLB_NAMESPACE } from '../metallb/l2.ts';
import { serviceEvent, latestEvent, repeated, type MetallbComponent } from '../metallb/events.ts';

/** The MetalLB controller. */
export const metallbController: Controller = {
  name: 'metallb',
  reconcile(ctx: ControllerContext): Change[] {
    const running = ctx.store.list<Pod>('Pod', METALLB_NAMESPACE).some((p) => p.metadata.labels?.component === 'controller' && p.status?.phase === 'Running');
    if (!running) return [];
    const parsed = parsePools(ctx.store.list<IPAddressPool>('IPAddressPool', METALLB_NAMESPACE));
    // SRC: internal/k8s/controllers/pool_controller.go — a config that fails to parse is stale and ignored (the
    // webhook keeps such configs out). Deleting a pool is not refused: its services lose their IPs below.
    if (!parsed.ok) return [];
    // SRC: controller/service.go "Return if pools are empty" — every LoadBalancer's IP and pool annotation are cleared, no event.
    if (parsed.pools.length === 0) return clearAll(ctx);
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
  const pending: { svc: Service; invalid?: string; cleared: boolean }[] = [];
  for (const svc of services) {
    const current = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!isMetallbService(svc)) {
      if (svc.metadata.annotations?.[METALLB_ANNOTATIONS.allocatedFromPool]) changes.push({ op: 'put', object: withAssignment(svc, undefined) });
      continue;
    }
    const verdict = current === undefined ? undefined : judgeCurrentIP(svc, current, pools, state);
    if (verdict?.kind === 'keep') state.assign(svc, current!);
    else if (verdict?.kind === 'fail') {
      state.assign(svc, current!); // Assign already succeeded upstream before the requested IPs were parsed
      event(svc, 'metallb-controller', 'Warning', 'LoadBalancerFailed', verdict.message);
    }
    else pending.push({ svc, ...(verdict?.clearMessage ? { invalid: verdict.clearMessage } : {}), cleared: verdict !== undefined });
  }
  for (const { svc, invalid, cleared } of pending) {
    if (invalid) event(svc, 'metallb-controller', 'Normal', 'ClearAssignment', `current IP for ${JSON.stringify(keyOf(svc))} not allowed by config, will attempt for new IP assignment: ${invalid}`);
    const result = allocate(svc, pools, state);
    if (!result.ok) {
      if (cleared) changes.push({ op: 'put', object: withAssignment(svc, undefined) });
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
    if (!node) continue;
    const message = `announcing from node ${JSON.stringify(node)} with protocol "layer2"`;
    // SRC: speaker/main.go handleService — the leader records nodeAssigned on every reconcile of the service (its
    // own update or one of its EndpointSlices'); client-go's correlator folds repeats into count/lastTimestamp.
    const last = latestEvent(ctx.store, svc, 'metallb-speaker');
    if (last && last.reason === 'nodeAssigned' && last.message === message) {
      if (changedSince(ctx, svc, last)) changes.push({ op: 'put', object: repeated(last, now) });
    } else event(svc, 'metallb-speaker', 'Normal', 'nodeAssigned', message);
  }
  return changes;
}

// Has the speaker seen the service or one of its EndpointSlices change since it last recorded `last`? (resourceVersions are one counter)
function changedSince(ctx: ControllerContext, svc: Service, last: KubeEvent): boolean {
  const seen = Number(last.metadata.resourceVersion ?? 0);
  const slices = ctx.store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  return [svc, ...slices].some((o) => Number(o.metadata.resourceVersion ?? 0) > seen);
}

// Without pools, convergeBalancer clears every LoadBalancer service's IP and pool annotation.
function clearAll(ctx: ControllerContext): Change[] {
  return ctx.store.list<Service>('Service')
    .filter((svc) => isMetallbService(svc) && (svc.status?.loadBalancer?.ingress?.length || svc.metadata.annotations?.[METALLB_ANNOTATIONS.allocatedFromPool]))
    .map((svc) => ({ op: 'put' as const, object: withAssignment(svc, undefined) }));
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
