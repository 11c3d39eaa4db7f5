/**
 * The EndpointSlice controller: for every selector Service, IPv4 slices named `<svc>-<5 chars>`
 * (generateName, drawn once and kept), one per distinct port set, at most 100 endpoints each;
 * a placeholder slice without endpoints when nothing matches. Slices are owned by the Service.
 * SRC: kubernetes pkg/controller/endpointslice/{endpointslice_controller.go,reconciler.go},
 * staging/src/k8s.io/endpointslice/{reconciler.go,utils.go} podToEndpoint / getEndpointPorts /
 * setEndpointSliceLabels (v1.31). Endpoints within a slice are kept sorted by IP (the real order
 * follows the pod informer); the last-change-trigger-time annotation is not written.
 */
import type { EndpointSlice, Pod, Service } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { byteCompare, endpointHostname, findPort, isHeadless, managesService, selectedPods } from './service-pods.ts';
import { controllerRefTo, generateName, isPodReady, normalized, randomUid, rfc3339, sameObject } from './workload-meta.ts';

/** The managed-by label value of this controller. */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS_PER_SLICE = 100;

type SliceEndpoint = EndpointSlice['endpoints'][number];
type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** Services with selectors → EndpointSlices. */
export const endpointSliceController: Controller = {
  name: 'endpointslice',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    const services = ctx.store.list<Service>('Service');
    const slices = ctx.store.list<EndpointSlice>('EndpointSlice').filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === ENDPOINTSLICE_CONTROLLER);
    const taken = new Set(ctx.store.list<EndpointSlice>('EndpointSlice').map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    for (const svc of services) {
      if (svc.metadata.deletionTimestamp || !managesService(svc)) continue;
      const mine = slices.filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
      changes.push(...syncSlices(ctx, svc, mine, taken));
    }
    // Managed slices whose Service is gone (the garbage collector would remove them through ownerReferences).
    const live = new Set(services.map((s) => s.metadata.uid));
    for (const slice of slices) {
      const owner = slice.metadata.ownerReferences?.find((r) => r.kind === 'Service');
      if (owner && !live.has(owner.uid)) changes.push({ op: 'delete', ref: { kind: 'EndpointSlice', name: slice.metadata.name, namespace: slice.metadata.namespace } });
    }
    return changes;
  },
};

function syncSlices(ctx: ControllerContext, svc: Service, existing: EndpointSlice[], taken: Set<string>): Change[] {
  const ns = svc.metadata.namespace ?? 'default';
  const groups = desiredGroups(selectedPods(ctx.store, svc), svc);
  const remaining = [...existing].sort((a, b) => byteCompare(a.metadata.name, b.metadata.name));
  const changes: Change[] = [];
  for (const group of groups) {
    // Prefer a slice that already has these ports; else reuse any leftover name (reconciler.go finalize
    // turns create+delete pairs into updates); else generate a new name.
    const key = JSON.stringify(group.ports);
    let index = remaining.findIndex((s) => JSON.stringify(s.ports ?? []) === key);
    if (index < 0 && remaining.length) index = 0;
    const current = index >= 0 ? remaining.splice(index, 1)[0] : undefined;
    const desired = current ? structuredClone(current) : newSlice(ctx, svc, ns, taken);
    desired.metadata.labels = sliceLabels(svc);
    desired.endpoints = group.endpoints;
    desired.ports = group.ports;
    if (!sameObject(current, desired)) changes.push({ op: 'put', object: normalized(desired) });
  }
  for (const extra of remaining) changes.push({ op: 'delete', ref: { kind: 'EndpointSlice', name: extra.metadata.name, namespace: ns } });
  return changes;
}

/** Endpoints grouped by port set, chunked to 100; one empty placeholder group when there are none. */
export function desiredGroups(pods: Pod[], svc: Service): { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] {
  const byPorts = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    const ports = endpointPorts(pod, svc);
    // SRC: reconciler.go reconcileByAddressType — a pod with no resolvable port is skipped unless the service is headless without ports.
    if (ports.length === 0 && !(isHeadless(svc) && (svc.spec.ports ?? []).length === 0)) continue;
    const key = JSON.stringify(ports);
    const group = byPorts.get(key) ?? { ports, endpoints: [] };
    group.endpoints.push(podToEndpoint(pod, svc));
    byPorts.set(key, group);
  }
  const out: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
  for (const [, group] of [...byPorts].sort(([a], [b]) => byteCompare(a, b))) {
    group.endpoints.sort((a, b) => byteCompare(a.addresses[0] ?? '', b.addresses[0] ?? ''));
    for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  // SRC: reconciler.go — a placeholder slice (no endpoints, no ports) keeps the service visible to consumers.
  return out.length ? out : [{ ports: [], endpoints: [] }];
}

// SRC: endpointslice utils.go getEndpointPorts — service port order, each resolved per pod; name always present ("" when unnamed).
function endpointPorts(pod: Pod, svc: Service): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

// SRC: endpointslice utils.go podToEndpoint.
function podToEndpoint(pod: Pod, svc: Service): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = svc.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const hostname = endpointHostname(pod, svc);
  return {
    addresses: [pod.status!.podIP!],
    conditions: { ready, serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) },
  };
}

// SRC: utils.go setEndpointSliceLabels — service labels minus reserved keys, headless marker, service-name, managed-by.
function sliceLabels(svc: Service): Record<string, string> {
  const reserved = ['kubernetes.io/service-name', 'endpointslice.kubernetes.io/managed-by', 'service.kubernetes.io/headless'];
  const labels = Object.fromEntries(Object.entries(svc.metadata.labels ?? {}).filter(([k]) => !reserved.includes(k)));
  if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
  labels['kubernetes.io/service-name'] = svc.metadata.name;
  labels['endpointslice.kubernetes.io/managed-by'] = ENDPOINTSLICE_CONTROLLER;
  return labels;
}

function newSlice(ctx: ControllerContext, svc: Service, ns: string, taken: Set<string>): EndpointSlice {
  const inNs = new Set([...taken].filter((k) => k.startsWith(`${ns}/`)).map((k) => k.slice(ns.length + 1)));
  const name = generateName(`${svc.metadata.name}-`, inNs, ctx.rng);
  taken.add(`${ns}/${name}`);
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      generateName: `${svc.metadata.name}-`,
      namespace: ns,
      uid: randomUid(ctx.rng),
      generation: 1,
      creationTimestamp: rfc3339(ctx.clock.now()),
      ownerReferences: [controllerRefTo({ ...svc, apiVersion: 'v1' })],
    },
    addressType: 'IPv4',
    endpoints: [],
  };
}
