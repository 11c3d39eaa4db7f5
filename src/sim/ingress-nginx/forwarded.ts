/**
 * The per-request variables lua_ingress.rewrite() and the realip module derive from the client's request:
 * $remote_addr, $pass_access_scheme, $pass_port and $best_http_host.
 * SRC: ingress-nginx rootfs/etc/nginx/lua/lua_ingress.lua rewrite/parse_x_forwarded_host; nginx.tmpl l.137–150
 * (realip on with use-forwarded-headers: `real_ip_header X-Forwarded-For`, `real_ip_recursive on`,
 * `set_real_ip_from 0.0.0.0/0` from config.go ProxyRealIPCIDR) and l.1309–1321 (the `set` defaults) (controller-v1.11.2);
 * nginx ngx_http_realip_module.c / ngx_inet.c ngx_http_get_forwarded_addr (right to left, skipping trusted addresses).
 */
import { isIPv4 } from 'node:net';
import type { ControllerConfig } from './types.ts';

/** What the location's variables hold for one request. */
export interface ForwardedView {
  /** $remote_addr after realip. */
  remoteAddr: string;
  /** $pass_access_scheme: the scheme the redirect check and X-Forwarded-Proto use. */
  accessScheme: string;
  /** $pass_port: sent as X-Forwarded-Port. */
  passPort: string;
  /** $best_http_host: sent as Host and X-Forwarded-Host. */
  bestHttpHost: string;
}

/** The client's address after the realip module: with every IPv4 address trusted (0.0.0.0/0) and recursion on, the leftmost address. */
export function realIpFromForwardedFor(peer: string, xff: string | undefined): string {
  if (xff === undefined || !isIPv4(peer)) return peer;
  let addr = peer;
  const hops = xff.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // An address that does not parse ends the walk (ngx_parse_addr fails): the last good one is kept.
    if (!isIPv4(hop) && !/^[0-9a-f:]+$/i.test(hop)) break;
    addr = hop;
    // An IPv6 hop is not in 0.0.0.0/0, so it is not trusted and ends the walk.
    if (!isIPv4(hop)) break;
  }
  return addr;
}

/** The forwarded view of a request arriving on port 80 (http) or 443 (https). */
export function forwardedView(config: ControllerConfig, req: { scheme: 'http' | 'https'; headers: Record<string, string>; remoteAddr: string }): ForwardedView {
  const h = req.headers;
  const serverPort = req.scheme === 'https' ? '443' : '80';
  const view: ForwardedView = { remoteAddr: req.remoteAddr, accessScheme: req.scheme, passPort: serverPort, bestHttpHost: h['host'] ?? '' };
  if (!config.useForwardedHeaders) return view;
  view.remoteAddr = realIpFromForwardedFor(req.remoteAddr, h['x-forwarded-for']);
  if (h['x-forwarded-proto'] !== undefined) view.accessScheme = h['x-forwarded-proto'];
  const port = h['x-forwarded-port'] ?? serverPort;
  // `pass_port = pass_server_port`, forced to 443 when it equals the HTTPS listen port.
  view.passPort = port === '443' ? '443' : port;
  // parse_x_forwarded_host: ngx_re_split(value, ",")[1], untrimmed.
  if (h['x-forwarded-host'] !== undefined) view.bestHttpHost = h['x-forwarded-host'].split(',')[0]!;
  return view;
}
