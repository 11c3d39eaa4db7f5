/**
 * The (legacy) Endpoints controller: one Endpoints object per selector Service, named like it,
 * with ready pods in `addresses` and the others in `notReadyAddresses`, repacked into subsets of
 * addresses sharing the same ports.
 * SRC: kubernetes pkg/controller/endpoint/endpoints_controller.go syncService, pkg/api/v1/endpoints/util.go
 * RepackSubsets / SortSubsets / LessEndpointAddress (v1.31).
 * Differences: subsets and ports are sorted by value (the real SortSubsets orders them by an md5 of
 * a Go struct dump); the last-change-trigger-time annotation is not written.
 */
import type { EndpointAddress, Endpoints, Pod, Service } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { byteCompare, endpointHostname, findPort, isHeadless, managesService, selectedPods } from './service-pods.ts';
import { isPodReady, normalized, randomUid, rfc3339, sameObject } from './workload-meta.ts';

type Subset = NonNullable<Endpoints['subsets']>[number];
type Port = NonNullable<Subset['ports']>[number];

/** Services with selectors → Endpoints. */
export const endpointsController: Controller = {
  name: 'endpoints',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    const services = ctx.store.list<Service>('Service');
    for (const svc of services) {
      if (svc.metadata.deletionTimestamp || !managesService(svc)) continue;
      const current = ctx.store.get<Endpoints>('Endpoints', svc.metadata.name, svc.metadata.namespace);
      const desired = desiredEndpoints(ctx, svc, current);
      if (!sameObject(current, desired)) changes.push({ op: 'put', object: normalized(desired) });
    }
    // Endpoints whose Service is gone are deleted (syncService on a missing service; checkLeftoverEndpoints
    // skips leader-election records).
    const names = new Set(services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    for (const ep of ctx.store.list<Endpoints>('Endpoints')) {
      if (names.has(`${ep.metadata.namespace}/${ep.metadata.name}`)) continue;
      if (ep.metadata.annotations?.['control-plane.alpha.kubernetes.io/leader'] !== undefined) continue;
      changes.push({ op: 'delete', ref: { kind: 'Endpoints', name: ep.metadata.name, namespace: ep.metadata.namespace } });
    }
    return changes;
  },
};

function desiredEndpoints(ctx: ControllerContext, svc: Service, current: Endpoints | undefined): Endpoints {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
  else delete labels['service.kubernetes.io/headless'];
  const subsets = endpointSubsets(selectedPods(ctx.store, svc), svc);
  const base: Endpoints = current
    ? structuredClone(current)
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, uid: randomUid(ctx.rng), creationTimestamp: rfc3339(ctx.clock.now()) } };
  base.metadata.labels = labels;
  if (subsets.length) base.subsets = subsets;
  else delete base.subsets;
  return base;
}

/** The subsets for the pods a service selects (exported for tests). */
export function endpointSubsets(pods: Pod[], svc: Service): Subset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const ports = svc.spec.ports ?? [];
  // port key → (address key → address + readiness); the sentinel '' is a headless service without ports.
  const byPort = new Map<string, { port: Port | undefined; addrs: Map<string, { addr: EndpointAddress; ready: boolean }> }>();
  const add = (port: Port | undefined, addr: EndpointAddress, ready: boolean) => {
    const key = port ? `${port.name ?? ''}/${port.port}/${port.protocol}` : '';
    const entry = byPort.get(key) ?? { port, addrs: new Map() };
    entry.addrs.set(`${addr.ip}/${addr.targetRef?.uid ?? ''}`, { addr, ready });
    byPort.set(key, entry);
  };
  for (const pod of pods) {
    // SRC: endpointslice util ShouldPodBeInEndpoints(pod, includeTerminating = publishNotReadyAddresses).
    if (pod.metadata.deletionTimestamp && !publishNotReady) continue;
    const ready = publishNotReady || isPodReady(pod);
    const addr = podAddress(pod, svc);
    if (ports.length === 0 && isHeadless(svc)) add(undefined, addr, ready);
    for (const sp of ports) {
      const number = findPort(pod, sp);
      if (number === undefined) continue;
      add({ ...(sp.name ? { name: sp.name } : {}), port: number, protocol: sp.protocol ?? 'TCP' }, addr, ready);
    }
  }
  // Ports offered by the same set of addresses share a subset (RepackSubsets).
  const groups = new Map<string, { ports: Port[]; addrs: { addr: EndpointAddress; ready: boolean }[] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()];
    const key = list.map((a) => `${a.addr.ip}/${a.addr.targetRef?.uid ?? ''}/${a.ready}`).sort().join(',');
    const group = groups.get(key) ?? { ports: [], addrs: list };
    if (port) group.ports.push(port);
    groups.set(key, group);
  }
  const subsets = [...groups.values()].map(({ ports: ps, addrs }) => {
    const subset: Subset = {};
    const ready = addrs.filter((a) => a.ready).map((a) => a.addr).sort(lessAddress);
    const notReady = addrs.filter((a) => !a.ready).map((a) => a.addr).sort(lessAddress);
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ps.length) subset.ports = ps.sort((a, b) => a.port - b.port || byteCompare(a.protocol ?? '', b.protocol ?? '') || byteCompare(a.name ?? '', b.name ?? ''));
    return subset;
  });
  const firstIP = (s: Subset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => byteCompare(firstIP(a), firstIP(b)) || byteCompare(JSON.stringify(a.ports ?? []), JSON.stringify(b.ports ?? [])));
}

// SRC: endpoints_controller.go podToEndpointAddressForService.
function podAddress(pod: Pod, svc: Service): EndpointAddress {
  const hostname = endpointHostname(pod, svc);
  return {
    ip: pod.status!.podIP!,
    ...(hostname ? { hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) },
  };
}

// SRC: pkg/api/v1/endpoints/util.go LessEndpointAddress — IP bytes, then target UID.
function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  return byteCompare(a.ip, b.ip) || byteCompare(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}
