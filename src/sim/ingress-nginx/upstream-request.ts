/**
 * The request nginx sends upstream: the proxy_set_header list of the location, then the client's
 * remaining headers. SRC: ingress-nginx nginx.tmpl l.1409–1460 and l.1506–1515 (controller-v1.11.2):
 * Host/X-Forwarded-Host = $best_http_host, X-Forwarded-For = $remote_addr (client value replaced; with
 * use-forwarded-headers both come from the client's X-Forwarded-* through lua_ingress.lua and realip),
 * X-Original-Forwarded-For = the client's, Connection cleared for keepalive, Proxy cleared, Authorization
 * cleared under basic auth, X-Forwarded-Prefix only with an active rewrite, and the X-Code… headers of a
 * `custom-default-backend-*` location (nginx sends a repeated proxy_set_header twice: X-Request-ID appears twice).
 */
import type { ForwardedView } from './forwarded.ts';

/** The variables of a custom-default-backend location ($namespace, $ingress_name, $service_name, $service_port). */
export interface LocationVars { namespace: string; ingressName: string; serviceName: string; servicePort: string }

/** Inputs of the upstream header list. */
export interface UpstreamHeaderInput {
  clientHeaders: Record<string, string>;
  forwarded: ForwardedView;
  requestId: string;
  upstreamVhost: string;
  authActive: boolean;
  xForwardedPrefix?: string;
  /** Set when the location proxies to its custom default backend (the Service had no endpoints). */
  customDefaultBackend?: LocationVars;
}

// Headers the location sets itself (replacing any client value) or clears.
const MANAGED = new Set([
  'host', 'connection', 'x-request-id', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port',
  'x-forwarded-proto', 'x-forwarded-scheme', 'x-scheme', 'x-original-forwarded-for', 'proxy', 'x-forwarded-prefix',
]);
const CUSTOM_DEFAULT = ['x-code', 'x-format', 'x-namespace', 'x-ingress-name', 'x-service-name', 'x-service-port'];

/** Sets a header the way proxy_set_header does: an empty value sends nothing; a second line for the same name adds a value. */
function set(out: Record<string, string>, name: string, value: string): void {
  if (value === '') return;
  out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
}

/** Headers in the order nginx writes them. */
export function upstreamHeaders(input: UpstreamHeaderInput): Record<string, string> {
  const c = input.clientHeaders;
  const f = input.forwarded;
  const out: Record<string, string> = {};
  set(out, 'host', input.upstreamVhost !== '' ? input.upstreamVhost : f.bestHttpHost);
  if (c['upgrade']) {
    out['upgrade'] = c['upgrade'];
    out['connection'] = 'upgrade';
  }
  const requestId = c['x-request-id'] ? c['x-request-id'] : input.requestId;
  set(out, 'x-request-id', requestId);
  set(out, 'x-real-ip', f.remoteAddr);
  set(out, 'x-forwarded-for', f.remoteAddr);
  set(out, 'x-forwarded-host', f.bestHttpHost);
  set(out, 'x-forwarded-port', f.passPort);
  set(out, 'x-forwarded-proto', f.accessScheme);
  set(out, 'x-forwarded-scheme', f.accessScheme);
  set(out, 'x-scheme', f.accessScheme);
  set(out, 'x-original-forwarded-for', c['x-forwarded-for'] ?? '');
  if (input.xForwardedPrefix) set(out, 'x-forwarded-prefix', input.xForwardedPrefix);
  const custom = input.customDefaultBackend;
  if (custom) {
    set(out, 'x-code', '503');
    set(out, 'x-format', c['accept'] ?? '');
    set(out, 'x-namespace', custom.namespace);
    set(out, 'x-ingress-name', custom.ingressName);
    set(out, 'x-service-name', custom.serviceName);
    set(out, 'x-service-port', custom.servicePort);
    set(out, 'x-request-id', requestId);
  }
  for (const [key, value] of Object.entries(c)) {
    if (MANAGED.has(key) || key === 'upgrade') continue;
    if (custom && CUSTOM_DEFAULT.includes(key)) continue;
    if (key === 'authorization' && input.authActive) continue;
    out[key] = value;
  }
  return out;
}
