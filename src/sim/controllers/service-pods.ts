/** What the Endpoints and EndpointSlice controllers share: which services they manage, which pods back them, ports. */
import type { Pod, Service, ServicePort } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import { selectorMatches } from '../../model/meta.ts';

/**
 * Services the controllers fill: with a non-empty selector and not ExternalName.
 * SRC: kubernetes pkg/controller/endpoint/endpoints_controller.go and pkg/controller/endpointslice
 * endpointslice_controller.go syncService (v1.31; issue 105986 for ExternalName).
 */
export function managesService(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && svc.spec.selector !== undefined && Object.keys(svc.spec.selector).length > 0;
}

/** Pods of the service's namespace matching its selector that have an IP and are not terminal. */
export function selectedPods(store: ReadonlyStore, svc: Service): Pod[] {
  return store
    .list<Pod>('Pod', svc.metadata.namespace)
    .filter((p) => selectorMatches(svc.spec.selector, p.metadata.labels))
    .filter((p) => Boolean(p.status?.podIP) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/**
 * The container port a service port reaches on one pod: a number as-is, a name looked up among
 * the pod's container ports of the same protocol; undefined when the pod lacks that name.
 * SRC: staging/src/k8s.io/endpointslice/utils.go FindPort (same in pkg/api/v1/pod FindPort).
 */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const container of pod.spec.containers) {
    for (const cp of container.ports ?? []) if (cp.name === target && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
  }
  return undefined;
}

/** The hostname an endpoint carries: spec.hostname when the pod's subdomain is this service (endpointutil.ShouldSetHostname). */
export function endpointHostname(pod: Pod, svc: Service): string | undefined {
  const hostname = pod.spec.hostname;
  if (!hostname || pod.spec.subdomain !== svc.metadata.name || pod.metadata.namespace !== svc.metadata.namespace) return undefined;
  return hostname;
}

/** A service is headless when its clusterIP is None (or unset) — the endpoint objects then carry the headless label. */
export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None' || !svc.spec.clusterIP;
}

/** Byte-wise string order (Go bytes.Compare on the IP text): 10.244.1.10 sorts before 10.244.1.2. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
