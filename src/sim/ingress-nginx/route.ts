/**
 * route(): one request through the controller's nginx, in the phase order of reference §0.5:
 * server (Host) → server-level app-root → location → return (redirect/denied) → rewrite → Lua rewrite
 * (HTTPS redirect, canary, no-endpoints 503) → access (basic auth) → proxy (endpoint, headers) → HSTS.
 * Statuses listed in custom-http-errors go to the location's error location (custom-errors.ts).
 * Pure: randomness comes from `draws`, so every decision is an inspectable value.
 * SRC: ingress-nginx rootfs/etc/nginx/template/nginx.tmpl, lua_ingress.lua, balancer.lua (controller-v1.11.2).
 */
import type { Hop, HttpResponseRecord } from '../../cluster/exchanges.ts';
import { checkBasicAuth } from './basic-auth.ts';
import { decideCanary, type CanaryDecision } from './canary-decision.ts';
import { needsRewrite, renderLocation } from './locations.ts';
import { hostOf, normaliseUri, selectLocation, selectServer } from './match.ts';
import { nginxPage } from './nginx-pages.ts';
import { applyRewrite, escapeUri } from './rewrite.ts';
import { upstreamHeaders } from './upstream-request.ts';
import { forwardedView } from './forwarded.ts';
import { hstsHeaders, httpsRedirect } from './https-redirect.ts';
import { errorPageOutcome, intercepts, locationVars, type ErrorPageContext } from './custom-errors.ts';
import { CUSTOM_DEFAULT_BACKEND_PREFIX } from './custom-default-backend.ts';
import { DEFAULT_UPSTREAM, type Endpoint, type IngressModel, type Location } from './types.ts';

/** A request as the controller's nginx receives it. Header names are lower-case. */
export interface IngressRequest {
  scheme: 'http' | 'https';
  method: string;
  /** The request target as sent (path and query). */
  uri: string;
  headers: Record<string, string>;
  /** $remote_addr: the peer address nginx sees. */
  remoteAddr: string;
}

/** The random choices a request may need. */
export interface RouteDraws {
  /** math.random(total): an integer in [1, total]. */
  canary(total: number): number;
  /** Index of the endpoint the balancer picks for this backend. */
  endpoint(backend: string, endpoints: readonly Endpoint[]): number;
  /** nginx $request_id (32 hex characters). */
  requestId(): string;
}

/** What nginx does with the request. */
export type RouteOutcome =
  | { kind: 'respond'; response: HttpResponseRecord }
  | {
    kind: 'proxy'; backend: string; endpoint: Endpoint; protocol: 'http' | 'https'; path: string; headers: Record<string, string>;
    /** The location's custom-http-errors (proxy_intercept_errors on): upstream statuses to hand to the error location. */
    errorPages?: ErrorPageContext;
  };

/** The full decision record (what a trace shows). */
export interface RouteDecision {
  server: string;
  location?: { nginx: string; ingress?: string; backend: string };
  canary?: CanaryDecision;
  outcome: RouteOutcome;
  /** Headers added to whatever response goes back (HSTS on HTTPS). */
  responseHeaders: Record<string, string>;
  hops: Hop[];
}

/** Routes one request. */
export function route(model: IngressModel, req: IngressRequest, draws: RouteDraws): RouteDecision {
  const hops: Hop[] = [];
  const hop = (decision: string, details?: Record<string, unknown>) => hops.push(details ? { component: 'ingress-nginx', decision, details } : { component: 'ingress-nginx', decision });
  const host = hostOf(req.headers['host']);
  const { server, reason } = selectServer(model, host);
  hop(`server ${server.hostname} (${reason})`, { server: server.hostname, regexMode: server.regexMode });
  const tokens = model.config.serverTokens;
  const done = (outcome: RouteOutcome, extra: Partial<RouteDecision> = {}, withHsts = true): RouteDecision => {
    const responseHeaders = withHsts ? hstsHeaders(model, req.scheme) : {};
    if (outcome.kind === 'respond') outcome.response.headers = { ...outcome.response.headers, ...responseHeaders };
    return { server: server.hostname, outcome, responseHeaders, hops, ...extra };
  };
  const respond = (status: number, why: string, headers: Record<string, string> = {}, extra: Partial<RouteDecision> = {}, withHsts = true) => {
    hop(`${status}: ${why}`, { status });
    return done({ kind: 'respond', response: nginxPage(status, headers, tokens) }, extra, withHsts);
  };
  const uri = normaliseUri(req.uri);
  if (uri === undefined) return respond(400, 'the path escapes the root');
  const q = req.uri.indexOf('?');
  const args = q >= 0 ? req.uri.slice(q + 1) : '';
  // Server-level rewrite phase: app-root runs before any location (nginx.tmpl `if ($uri = /)`, first in location order), so no Lua header filter.
  const appRoot = server.locations.find((l) => l.annotations.appRoot !== '')?.annotations.appRoot;
  if (appRoot && uri === '/') {
    return respond(302, `app-root ${appRoot}`, { location: `${req.scheme}://${req.headers['host'] ?? ''}${appRoot}` }, {}, false);
  }
  const found = selectLocation(server, uri);
  if (found.kind === 'none') return respond(404, `no location matches ${uri}`);
  if (found.kind === 'reserved') return found.name === '/healthz' ? respond(200, 'catch-all location /healthz') : respond(403, '/nginx_status allows only 127.0.0.1');
  if (found.kind === 'add-slash') {
    return respond(301, `${uri} → ${found.location.path} (nginx auto_redirect)`, { location: `${req.scheme}://${host}${uri}/${args ? `?${args}` : ''}` });
  }
  const loc: Location = found.location;
  const where = { nginx: renderLocation(loc), ...(loc.ingress ? { ingress: loc.ingress } : {}), backend: loc.backend };
  hop(`${where.nginx} (${found.how})${loc.ingress ? ` from ingress ${loc.ingress}` : ''}`, { ...where, isDefBackend: loc.isDefBackend });
  if (loc.denied !== undefined) return respond(503, `location denied: ${loc.denied}`, {}, { location: where });
  const anns = loc.annotations;
  if (anns.redirect) return respond(anns.redirect.code, `redirect annotation to ${anns.redirect.url}`, { location: anns.redirect.url }, { location: where });
  let upstreamPath = req.uri;
  let rewriting = false;
  if (needsRewrite(loc)) {
    const rw = applyRewrite(loc.path, anns.rewriteTarget, uri, args);
    if (rw.kind === 'redirect') return respond(302, `rewrite to ${rw.location}`, { location: rw.location }, { location: where });
    if (rw.kind === 'error') return respond(500, rw.error, {}, { location: where });
    if (rw.kind === 'rewritten') {
      rewriting = true;
      upstreamPath = escapeUri(rw.uri) + (rw.args ? `?${rw.args}` : '');
      hop(`rewrite "(?i)${loc.path}" ${anns.rewriteTarget}: ${uri} → ${rw.uri}`, { from: uri, to: rw.uri });
    }
  }
  // lua_ingress.rewrite(): the forwarded variables, then the HTTP → HTTPS redirect.
  const fwd = forwardedView(model.config, req);
  const toHttps = httpsRedirect(model, loc, host, req.uri, fwd);
  if (toHttps) return respond(toHttps.status, toHttps.why, { location: toHttps.location }, { location: where });
  // balancer.rewrite(): pick primary or canary; no balancer (no endpoints) → 503.
  let backendName = loc.backend;
  let canary: CanaryDecision | undefined;
  const primary = model.backends.get(loc.backend);
  if (primary) {
    canary = decideCanary(primary, model.backends, req.headers, (total) => draws.canary(total));
    if (canary.by !== 'no-canary') hop(`canary: ${canary.chosen} (${canary.detail})`, { ...canary });
    if (canary.chosen === 'canary' && canary.alternative) backendName = canary.alternative;
  }
  const extra = canary ? { location: where, canary } : { location: where };
  // The request id is drawn only when needed, so requests without error pages keep their draw order.
  let requestId: string | undefined;
  const rid = () => (requestId ??= draws.requestId());
  const errorPages = (): ErrorPageContext | undefined => anns.customHttpErrors.length === 0 ? undefined : {
    codes: anns.customHttpErrors, upstream: loc.defaultBackendUpstream ?? DEFAULT_UPSTREAM, vars: locationVars(loc),
    method: req.method, requestUri: req.uri, clientHeaders: req.headers, forwarded: fwd, requestId: rid(),
  };
  // An nginx-made error whose status is in custom-http-errors goes to the error location instead.
  const fail = (status: number, why: string, headers: Record<string, string> = {}): RouteDecision => {
    const pages = errorPages();
    if (!intercepts(pages, status)) return respond(status, why, headers, extra);
    hop(`${status}: ${why}; error_page ${status} = @custom_${pages.upstream}_${status}`, { status });
    const page = errorPageOutcome(model, pages, status, draws.endpoint);
    if (page.kind === 'default-server-404') return respond(404, `${pages.upstream} (127.0.0.1:8181) returns 404`, {}, extra, false);
    hop(`upstream ${page.backend} → ${page.endpoint.ip}:${page.endpoint.port} (error location, X-Code: ${status})`, { backend: page.backend, endpoint: page.endpoint });
    return done({ kind: 'proxy', backend: page.backend, endpoint: page.endpoint, protocol: 'http', path: page.path, headers: page.headers }, extra, false);
  };
  const backend = model.backends.get(backendName);
  if (backendName !== DEFAULT_UPSTREAM && (!backend || backend.endpoints.length === 0)) {
    return fail(503, `backend ${backendName} has no endpoints (${backend?.emptyReason ?? 'service not found'})`);
  }
  // Access phase: basic auth (realm "off" disables it).
  const auth = anns.basicAuth;
  const authActive = auth !== undefined && auth.realm !== 'off';
  if (auth && authActive) {
    const verdict = checkBasicAuth(req.headers['authorization'], auth.passwdFile);
    if (!verdict.ok) {
      const challenge = auth.type === 'basic' ? `Basic realm="${auth.realm}"` : `Digest realm="${auth.realm}"`;
      return fail(verdict.status, `auth ${auth.type} (secret ${auth.secret}): ${verdict.reason}`, verdict.status === 401 ? { 'www-authenticate': challenge } : {});
    }
    hop(`auth ${auth.type}: user ${verdict.user} accepted`);
  }
  if (backendName === DEFAULT_UPSTREAM) return respond(404, 'default backend (127.0.0.1:8181 returns 404)', {}, extra);
  const endpoints = backend!.endpoints;
  const index = draws.endpoint(backendName, endpoints);
  const endpoint = endpoints[index % endpoints.length]!;
  hop(`upstream ${backendName} → ${endpoint.ip}:${endpoint.port} (${backend!.loadBalance}, endpoint ${index % endpoints.length + 1} of ${endpoints.length})`, { backend: backendName, endpoint });
  const headers = upstreamHeaders({
    clientHeaders: req.headers,
    forwarded: fwd,
    requestId: rid(),
    upstreamVhost: anns.upstreamVhost,
    authActive,
    ...(rewriting && anns.xForwardedPrefix ? { xForwardedPrefix: anns.xForwardedPrefix } : {}),
    ...(loc.backend.startsWith(CUSTOM_DEFAULT_BACKEND_PREFIX) ? { customDefaultBackend: locationVars(loc) } : {}),
  });
  const protocol = anns.backendProtocol === 'HTTPS' || (anns.backendProtocol === 'AUTO_HTTP' && req.scheme === 'https') ? 'https' : 'http';
  const pages = errorPages();
  return done({ kind: 'proxy', backend: backendName, endpoint, protocol, path: upstreamPath, headers, ...(pages ? { errorPages: pages } : {}) }, extra);
}
