/**
 * The `default-backend` annotation at model time: a location whose Service has no endpoints (or that has
 * custom-http-errors) gets the upstream `custom-default-backend-<ns>-<svc>` built from the first port of the
 * annotated Service; it serves the location when its own backend is empty, and receives the location's error pages.
 * SRC: ingress-nginx internal/ingress/controller/controller.go getBackendServers (the loop after
 * mergeAlternativeBackends) and shouldCreateUpstreamForLocationDefaultBackend (controller-v1.11.2): the new upstream is
 * a deep copy of the location's upstream (alternative backends included) with the annotated Service's endpoints, and is
 * only created when that Service has at least one ready endpoint.
 */
import type { EndpointSlice, Service } from '../../model/core.ts';
import { serviceEndpoints } from './backends.ts';
import type { ServerMap } from './servers.ts';
import { DEFAULT_UPSTREAM, type Backend } from './types.ts';

/** Prefix of the upstreams created for the default-backend annotation (nginx.tmpl adds X-Code… headers for them). */
export const CUSTOM_DEFAULT_BACKEND_PREFIX = 'custom-default-backend-';

/** Creates the custom default backends and points the locations at them. */
export function applyCustomDefaultBackends(servers: ServerMap, upstreams: Map<string, Backend>, services: readonly Service[], slices: readonly EndpointSlice[], warnings: string[]): void {
  for (const upstream of [...upstreams.values()]) {
    if (upstream.name === DEFAULT_UPSTREAM) continue;
    for (const server of servers.values()) {
      for (const loc of server.locations) {
        const svcName = loc.annotations.defaultBackend;
        if (loc.backend !== upstream.name || svcName === undefined) continue;
        if (upstream.endpoints.length > 0 && loc.annotations.customHttpErrors.length === 0) continue;
        const ns = (loc.ingress ?? '').split('/')[0] ?? '';
        const svc = services.find((s) => s.metadata.namespace === ns && s.metadata.name === svcName);
        const first = svc?.spec.ports?.[0];
        if (!svc || !first) {
          warnings.push(`Custom default backend service ${ns}/${svcName} has no ports. Ignoring`);
          continue;
        }
        const found = serviceEndpoints(svc, String(first.port), slices, false);
        if (found.endpoints.length === 0) continue;
        const name = `${CUSTOM_DEFAULT_BACKEND_PREFIX}${ns}-${svcName}`;
        const copy: Backend = { ...structuredClone(upstream), name, endpoints: found.endpoints };
        delete copy.emptyReason;
        upstreams.set(name, copy);
        loc.defaultBackendUpstream = name;
        if (upstream.endpoints.length === 0) loc.backend = name;
      }
    }
  }
}
