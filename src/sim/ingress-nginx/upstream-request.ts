/**
 * The request nginx sends upstream: the proxy_set_header list of the location, then the client's
 * remaining headers. SRC: ingress-nginx nginx.tmpl l.1386–1460 (controller-v1.11.2), use-forwarded-headers false:
 * Host/X-Forwarded-Host = $best_http_host, X-Forwarded-For = $remote_addr (client value replaced),
 * X-Original-Forwarded-For = the client's, Connection cleared for keepalive, Proxy cleared, Authorization
 * cleared under basic auth, X-Forwarded-Prefix only with an active rewrite.
 */

/** Inputs of the upstream header list. */
export interface UpstreamHeaderInput {
  clientHeaders: Record<string, string>;
  scheme: 'http' | 'https';
  remoteAddr: string;
  requestId: string;
  upstreamVhost: string;
  authActive: boolean;
  xForwardedPrefix?: string;
}

// Headers the location sets itself (replacing any client value) or clears.
const MANAGED = new Set([
  'host', 'connection', 'x-request-id', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port',
  'x-forwarded-proto', 'x-forwarded-scheme', 'x-scheme', 'x-original-forwarded-for', 'proxy', 'x-forwarded-prefix',
]);

/** Headers in the order nginx writes them. */
export function upstreamHeaders(input: UpstreamHeaderInput): Record<string, string> {
  const c = input.clientHeaders;
  const bestHttpHost = c['host'] ?? '';
  const out: Record<string, string> = {};
  out['host'] = input.upstreamVhost !== '' ? input.upstreamVhost : bestHttpHost;
  if (c['upgrade']) {
    out['upgrade'] = c['upgrade'];
    out['connection'] = 'upgrade';
  }
  out['x-request-id'] = c['x-request-id'] ? c['x-request-id'] : input.requestId;
  out['x-real-ip'] = input.remoteAddr;
  out['x-forwarded-for'] = input.remoteAddr;
  out['x-forwarded-host'] = bestHttpHost;
  out['x-forwarded-port'] = input.scheme === 'https' ? '443' : '80';
  out['x-forwarded-proto'] = input.scheme;
  out['x-forwarded-scheme'] = input.scheme;
  out['x-scheme'] = input.scheme;
  if (c['x-forwarded-for']) out['x-original-forwarded-for'] = c['x-forwarded-for'];
  if (input.xForwardedPrefix) out['x-forwarded-prefix'] = input.xForwardedPrefix;
  for (const [key, value] of Object.entries(c)) {
    if (MANAGED.has(key) || key === 'upgrade') continue;
    if (key === 'authorization' && input.authActive) continue;
    out[key] = value;
  }
  return out;
}
