/**
 * nginx's choice of server (by Host) and location (by $uri) for one request.
 * SRC: nginx ngx_http_core_module find_location (exact, longest prefix with auto_redirect, then regexes in
 * order); ingress-nginx template.go buildServerName (wildcards as one-label regexes), nginx.tmpl catch-all
 * server with `location /healthz` and `location /nginx_status` (controller-v1.11.2).
 */
import { compileNginxRegex } from './nginx-regex.ts';
import { CATCH_ALL_SERVER, type IngressModel, type Location, type Server } from './types.ts';

/** $host: the Host header lowercased, without port and trailing dot. */
export function hostOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  let host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1);
  else host = host.replace(/:\d*$/, '');
  return host.replace(/\.$/, '');
}

/** nginx's $uri: path only, percent-decoded, `//` merged, `.`/`..` resolved. Undefined for a path escaping the root (400). */
export function normaliseUri(requestUri: string): string | undefined {
  const path = requestUri.split('?')[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const out: string[] = [];
  const segments = decoded.split('/');
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === '' && !last) continue;
    if (seg === '.') { if (last) out.push(''); continue; }
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Which server block answers: exact name, then wildcard (one label), else the catch-all. */
export function selectServer(model: IngressModel, host: string): { server: Server; reason: string } {
  const exact = model.servers.find((s) => s.hostname === host && s.hostname !== CATCH_ALL_SERVER);
  if (exact) return { server: exact, reason: `server_name ${host}` };
  for (const s of model.servers) {
    if (!s.hostname.startsWith('*.')) continue;
    const suffix = s.hostname.slice(2);
    const label = host.endsWith(`.${suffix}`) ? host.slice(0, -(suffix.length + 1)) : undefined;
    if (label !== undefined && /^[\w-]+$/.test(label)) return { server: s, reason: `wildcard server_name ${s.hostname}` };
  }
  const catchAll = model.servers.find((s) => s.hostname === CATCH_ALL_SERVER)!;
  return { server: catchAll, reason: host === '' ? 'no Host: catch-all server _' : `no server for ${host}: catch-all server _ (default_server)` };
}

/** Outcome of location matching. */
export type LocationMatchResult =
  | { kind: 'location'; location: Location; how: string }
  | { kind: 'add-slash'; location: Location }
  | { kind: 'reserved'; name: '/healthz' | '/nginx_status' }
  | { kind: 'none' };

interface Candidate { path: string; match: 'exact' | 'prefix' | 'regex'; location?: Location; reserved?: '/healthz' | '/nginx_status' }

/** nginx find_location over the server's rendered locations. */
export function selectLocation(server: Server, uri: string): LocationMatchResult {
  const candidates: Candidate[] = server.locations.map((l) => ({ path: l.path, match: l.match, location: l }));
  if (server.hostname === CATCH_ALL_SERVER) {
    candidates.push({ path: '/healthz', match: 'prefix', reserved: '/healthz' }, { path: '/nginx_status', match: 'prefix', reserved: '/nginx_status' });
  }
  const found = (c: Candidate, how: string): LocationMatchResult =>
    c.reserved ? { kind: 'reserved', name: c.reserved } : { kind: 'location', location: c.location!, how };
  const exact = candidates.find((c) => c.match === 'exact' && c.path === uri);
  if (exact) return found(exact, `exact match = ${exact.path}`);
  // proxy_pass locations named "/x/" redirect "/x" with 301 (auto_redirect), before regexes are tried.
  const slash = candidates.find((c) => c.match !== 'regex' && c.location && !c.location.denied && c.path === `${uri}/`);
  if (slash?.location) return { kind: 'add-slash', location: slash.location };
  let longest: Candidate | undefined;
  for (const c of candidates) {
    if (c.match === 'prefix' && uri.startsWith(c.path) && (!longest || c.path.length > longest.path.length)) longest = c;
  }
  for (const c of candidates) {
    if (c.match !== 'regex') continue;
    const compiled = compileNginxRegex(`^${c.path}`);
    if (compiled.ok && compiled.regex.test(uri)) return found(c, `first matching regex ~* "^${c.path}"`);
  }
  if (longest) return found(longest, `longest prefix ${longest.path}`);
  return { kind: 'none' };
}
