/**
 * URLs as curl 7.76.1 reads them from the command line: no scheme means http (curl's guess),
 * host[:port], IPv4 literals, path and query kept as typed, the fragment never sent.
 * SRC: curl 7.76.1 lib/urlapi.c (parseurl, guess scheme), lib/url.c (default ports).
 */

/** A parsed request target. */
export interface CurlUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query as sent on the wire, e.g. "/v1/aaaa?x=1". */
  path: string;
  /** user:password embedded in the URL, if any. */
  userinfo?: string;
}

/** Parse failure: curl's exit code and message (without the "curl: (N) " prefix). */
export interface UrlError { code: number; message: string }

const DEFAULT_PORTS = { http: 80, https: 443 } as const;

/** Parses a URL as typed on the command line. */
export function parseCurlUrl(input: string): { ok: true; url: CurlUrl } | { ok: false; error: UrlError } {
  const bad: UrlError = { code: 3, message: 'URL using bad/illegal format or missing URL' };
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(input);
  let scheme = 'http';
  let rest = input;
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = input.slice(schemeMatch[0].length);
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, error: { code: 1, message: `Protocol "${schemeMatch![1]}" not supported or disabled in libcurl` } };
  }
  const cut = rest.search(/[/?#]/);
  let authority = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? '/' : rest.slice(cut);
  path = path.replace(/#.*$/, '');
  if (path.startsWith('?')) path = `/${path}`;
  if (path === '') path = '/';
  // Spaces are not allowed in a URL (curl 7.76 refuses them rather than encoding).
  if (/\s/.test(input)) return { ok: false, error: bad };
  let userinfo: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    userinfo = decodeURIComponent(authority.slice(0, at));
    authority = authority.slice(at + 1);
  }
  const portMatch = /^(.*?)(?::(\d*))?$/.exec(authority)!;
  const host = portMatch[1]!.toLowerCase();
  if (host === '' || /[^a-z0-9.\-_]/.test(host)) return { ok: false, error: host === '' ? { code: 3, message: 'URL using bad/illegal format or missing URL' } : bad };
  const portText = portMatch[2];
  let port: number = DEFAULT_PORTS[scheme];
  if (portText !== undefined && portText !== '') {
    port = Number(portText);
    if (port > 65535) return { ok: false, error: { code: 3, message: 'URL using bad/illegal format or missing URL' } };
  }
  return { ok: true, url: { scheme, host, port, path, ...(userinfo !== undefined ? { userinfo } : {}) } };
}

/** The URL as curl reports it (url_effective, -v): scheme://host[:port]/path. */
export function formatCurlUrl(url: CurlUrl): string {
  const port = url.port === DEFAULT_PORTS[url.scheme] ? '' : `:${url.port}`;
  return `${url.scheme}://${url.host}${port}${url.path}`;
}

/** The Host header value: host, plus :port when not the scheme's default. SRC: lib/http.c Curl_http_host. */
export function hostHeader(url: CurlUrl): string {
  return url.port === DEFAULT_PORTS[url.scheme] ? url.host : `${url.host}:${url.port}`;
}

/** True for dotted-quad IPv4 literals (curl sends no SNI for them and skips name resolution). */
export function isIPv4(host: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((p) => Number(p) <= 255);
}

/** Resolves a Location header against the URL that returned it (absolute, scheme-relative, absolute-path or relative). */
export function resolveLocation(base: CurlUrl, location: string): { ok: true; url: CurlUrl } | { ok: false; error: UrlError } {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return parseCurlUrl(location);
  const absolute = new URL(location, formatCurlUrl(base));
  return parseCurlUrl(`${absolute.protocol}//${absolute.host}${absolute.pathname}${absolute.search}`);
}
