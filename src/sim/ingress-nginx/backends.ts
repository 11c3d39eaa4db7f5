/**
 * Upstreams (backends) from the Services the Ingresses reference, with pod endpoints from EndpointSlices.
 * SRC: ingress-nginx internal/ingress/controller/controller.go createUpstreams/serviceEndpoints,
 * endpointslices.go getEndpointsFromSlices, util.go upstreamName (controller-v1.11.2).
 */
import type { EndpointSlice, Service } from '../../model/core.ts';
import type { Ingress, IngressBackend } from '../../model/networking.ts';
import type { ParsedAnnotations } from './annotations/index.ts';
import type { Backend, ControllerConfig, Endpoint } from './types.ts';
import { keyOf } from './ingress-set.ts';

/** What createUpstreams reads. */
export interface BackendSources {
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
  config: ControllerConfig;
}

/** `<namespace>-<service>-<port number|name>` (util.go upstreamName). */
export function upstreamName(namespace: string, backend: IngressBackend['service']): string {
  if (!backend) return `${namespace}-INVALID`;
  if (backend.port.number !== undefined && backend.port.number > 0) return `${namespace}-${backend.name}-${backend.port.number}`;
  if (backend.port.name) return `${namespace}-${backend.name}-${backend.port.name}`;
  return `${namespace}-INVALID`;
}

/** Endpoints of a Service port: ready (or nil) addresses of its EndpointSlices, de-duplicated. */
export function serviceEndpoints(service: Service | undefined, port: string, slices: readonly EndpointSlice[], serviceUpstream: boolean): { endpoints: Endpoint[]; emptyReason?: string } {
  if (!service) return { endpoints: [], emptyReason: 'service not found' };
  const ns = service.metadata.namespace ?? 'default';
  const sp = (service.spec.ports ?? []).find((p) => String(p.port) === port || p.name === port || (p.targetPort !== undefined && String(p.targetPort) === port));
  if (!sp) return { endpoints: [], emptyReason: `service ${ns}/${service.metadata.name} has no port ${port}` };
  if (serviceUpstream) {
    const ip = service.spec.clusterIP;
    if (!ip || ip === 'None') return { endpoints: [], emptyReason: 'service-upstream: the Service has no ClusterIP' };
    return { endpoints: [{ ip, port: sp.port }] };
  }
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    if (slice.metadata.namespace !== ns || slice.metadata.labels?.['kubernetes.io/service-name'] !== service.metadata.name) continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''));
    if (!slicePort?.port) continue;
    for (const ep of slice.endpoints) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        const key = `${ip}:${slicePort.port}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const endpoint: Endpoint = { ip, port: slicePort.port };
        if (ep.targetRef?.kind === 'Pod') endpoint.pod = { name: ep.targetRef.name, namespace: ep.targetRef.namespace };
        if (ep.nodeName) endpoint.node = ep.nodeName;
        out.push(endpoint);
      }
    }
  }
  return out.length === 0 ? { endpoints: out, emptyReason: 'no ready endpoints' } : { endpoints: out };
}

/** createUpstreams: one backend per distinct service port; the first (oldest) Ingress defines it. */
export function createUpstreams(ingresses: readonly { ingress: Ingress; annotations: ParsedAnnotations }[], sources: BackendSources): Map<string, Backend> {
  const upstreams = new Map<string, Backend>();
  const add = (ing: Ingress, anns: ParsedAnnotations, backend: IngressBackend['service']) => {
    const ns = ing.metadata.namespace ?? 'default';
    const name = upstreamName(ns, backend);
    if (upstreams.has(name) || !backend) return;
    const port = backend.port.number !== undefined && backend.port.number > 0 ? String(backend.port.number) : (backend.port.name ?? '');
    const service = sources.services.find((s) => s.metadata.namespace === ns && s.metadata.name === backend.name);
    const found = serviceEndpoints(service, port, sources.endpointSlices, anns.serviceUpstream);
    const up: Backend = {
      name,
      namespace: ns,
      service: { name: backend.name, port: backend.port.number ?? backend.port.name ?? '' },
      endpoints: found.endpoints,
      noServer: anns.canary.enabled,
      alternativeBackends: [],
      loadBalance: anns.loadBalance || sources.config.loadBalance,
      createdBy: keyOf(ing),
    };
    if (found.emptyReason !== undefined) up.emptyReason = found.emptyReason;
    if (anns.canary.enabled) {
      const c = anns.canary;
      up.trafficShapingPolicy = { weight: c.weight, weightTotal: c.weightTotal, header: c.header, headerValue: c.headerValue, headerPattern: c.headerPattern, cookie: c.cookie };
    }
    upstreams.set(name, up);
  };
  for (const { ingress, annotations } of ingresses) {
    if (ingress.spec?.defaultBackend?.service) add(ingress, annotations, ingress.spec.defaultBackend.service);
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) if (path.backend.service) add(ingress, annotations, path.backend.service);
    }
  }
  return upstreams;
}
