/**
 * custom-http-errors: `error_page <code> = @custom_<upstream>_<code>` sends a response with an intercepted status
 * (from the upstream with proxy_intercept_errors on, or made by nginx itself: 401, 503…) to the error location,
 * which proxies `/` to the location's DefaultBackendUpstreamName with X-Code/X-Format/X-Original-URI/X-Namespace/
 * X-Ingress-Name/X-Service-Name/X-Service-Port/X-Request-ID. The default upstream is the internal 127.0.0.1:8181
 * server (`location / { return 404; }`). The named location has no Lua header filter, so no HSTS.
 * SRC: ingress-nginx nginx.tmpl define "CUSTOM_ERRORS" (l.931–970), the location's error_page lines (l.1520–1528),
 * default server (l.717–728) (controller-v1.11.2); nginx's default `proxy_set_header Connection close`.
 */
import type { Endpoint, IngressModel, Location } from './types.ts';
import { DEFAULT_UPSTREAM } from './types.ts';
import type { ForwardedView } from './forwarded.ts';
import type { LocationVars } from './upstream-request.ts';

/** Everything the error location needs, captured when the request entered its location. */
export interface ErrorPageContext {
  codes: number[];
  /** DefaultBackendUpstreamName of the location. */
  upstream: string;
  vars: LocationVars;
  method: string;
  /** $request_uri as the client sent it. */
  requestUri: string;
  clientHeaders: Record<string, string>;
  forwarded: ForwardedView;
  requestId: string;
}

/** Where the error location sends the request. */
export type ErrorPageOutcome =
  | { kind: 'default-server-404' }
  | { kind: 'proxy'; backend: string; endpoint: Endpoint; path: string; headers: Record<string, string> };

/** The variables $namespace, $ingress_name, $service_name, $service_port of a location (getIngressInformation). */
export function locationVars(loc: Location): LocationVars {
  const [namespace = '', ingressName = ''] = (loc.ingress ?? '').split('/');
  return { namespace, ingressName, serviceName: loc.service?.name ?? '', servicePort: loc.service ? String(loc.service.port) : '' };
}

/** Does the location intercept `status`? */
export function intercepts(ctx: ErrorPageContext | undefined, status: number): ctx is ErrorPageContext {
  return ctx !== undefined && ctx.codes.includes(status);
}

const SET = new Set(['x-code', 'x-format', 'x-original-uri', 'x-namespace', 'x-ingress-name', 'x-service-name', 'x-service-port', 'x-request-id', 'x-forwarded-for', 'host', 'connection']);

/** The @custom_<upstream>_<status> location: `rewrite (.*) / break;` (arguments kept) then proxy_pass. */
export function errorPageOutcome(model: IngressModel, ctx: ErrorPageContext, status: number, pickEndpoint: (backend: string, endpoints: readonly Endpoint[]) => number): ErrorPageOutcome {
  const backend = model.backends.get(ctx.upstream);
  if (ctx.upstream === DEFAULT_UPSTREAM || !backend || backend.endpoints.length === 0) return { kind: 'default-server-404' };
  const endpoint = backend.endpoints[pickEndpoint(backend.name, backend.endpoints) % backend.endpoints.length]!;
  const q = ctx.requestUri.indexOf('?');
  const path = q >= 0 ? `/${ctx.requestUri.slice(q)}` : '/';
  const c = ctx.clientHeaders;
  const values: [string, string][] = [
    ['x-code', String(status)], ['x-format', c['accept'] ?? ''], ['x-original-uri', ctx.requestUri],
    ['x-namespace', ctx.vars.namespace], ['x-ingress-name', ctx.vars.ingressName], ['x-service-name', ctx.vars.serviceName],
    ['x-service-port', ctx.vars.servicePort], ['x-request-id', c['x-request-id'] ? c['x-request-id'] : ctx.requestId],
    ['x-forwarded-for', ctx.forwarded.remoteAddr], ['host', ctx.forwarded.bestHttpHost], ['connection', 'close'],
  ];
  const headers: Record<string, string> = {};
  for (const [k, v] of values) if (v !== '') headers[k] = v;
  for (const [k, v] of Object.entries(c)) if (!SET.has(k)) headers[k] = v;
  return { kind: 'proxy', backend: backend.name, endpoint, path, headers };
}
