/**
 * HTTP exchanges of one real curl, rebuilt from its command line (the requests), its header dump (-D: one
 * block per response, several with -L) and what it printed (the final body, or the `curl: (N)` error).
 * Which pod answered is not known here: steps read it from the body (/hostname.html prints the pod name).
 */
import type { HttpExchange, HttpRequestRecord, HttpResponseRecord } from '../exchanges.ts';
import type { CurlInvocation } from './curl-args.ts';

/** One response header block as curl dumped it. */
export interface HeaderBlock { status: number; reason: string; headers: Record<string, string>; raw: string }

/** The header blocks of a dump, informational (1xx) ones left out. Names lower-case, repeats joined with ", ". */
export function parseHeaderDump(dump: string): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  for (const raw of dump.split(/(?=^HTTP\/[\d.]+ \d{3})/m)) {
    const lines = raw.split(/\r?\n/);
    // HTTP/2 and HTTP/3 status lines carry no reason phrase.
    const status = /^HTTP\/[\d.]+ (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
    if (!status) continue;
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      if (line === '') break;
      const c = line.indexOf(':');
      if (c <= 0) continue;
      const name = line.slice(0, c).trim().toLowerCase();
      const value = line.slice(c + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const code = Number(status[1]);
    if (code >= 100 && code < 200) continue;
    blocks.push({ status: code, reason: (status[2] ?? '').trim(), headers, raw });
  }
  return blocks;
}

// SRC: curl docs/libcurl/libcurl-errors.md — the exit codes of transfers that got no response.
const FAILURES: [RegExp, NonNullable<HttpExchange['failure']>['kind']][] = [
  [/^\((6|5)\)/, 'resolve'], [/^\(7\).*(No route to host|Network is unreachable)/, 'unreachable'], [/^\(7\)/, 'refused'], [/^\(28\)/, 'timeout'],
  [/^\((35|51|53|54|58|59|60|77|80|83|90|91)\)/, 'tls'], [/^\((52|55|56)\)/, 'reset'],
];

/**
 * The exchanges of one curl: a request per URL (and per redirect followed with -L), each paired with the
 * next header block; the final body is stdout (less the header blocks -i printed); a request left without a
 * block failed, as curl's `curl: (N) …` line on stderr says. `resolve` maps a host name to the address
 * dialled (the client host's /etc/hosts), when known.
 */
export function curlExchanges(inv: CurlInvocation, dump: string, out: { exitCode: number; stdout: string; stderr: string }, resolve: (host: string) => string | undefined = () => undefined): HttpExchange[] {
  const blocks = parseHeaderDump(dump);
  const exchanges: HttpExchange[] = [];
  const pending = inv.urls.map((u) => request(inv, u, inv.method, resolve));
  let next = pending.shift();
  for (const block of blocks) {
    if (!next) break;
    const response: HttpResponseRecord = { status: block.status, reason: block.reason, headers: block.headers, body: '' };
    exchanges.push({ request: next.record, response, trace: [] });
    const location = block.headers['location'];
    if (inv.follow && location && block.status >= 300 && block.status < 400) {
      // SRC: curl lib/transfer.c (Curl_follow) — 301/302/303 turn a POST into a GET; 307/308 keep the method.
      const method = [301, 302, 303].includes(block.status) && next.record.method === 'POST' ? 'GET' : next.record.method;
      next = request(inv, new URL(location, next.url).toString(), method, resolve, next.url);
    } else {
      next = pending.shift();
    }
  }
  const last = exchanges.at(-1);
  if (last?.response && !inv.bodyToFile) last.response.body = bodyOf(out.stdout, inv.include ? dump : '');
  if (next && out.exitCode !== 0) {
    const error = /curl: (\(\d+\).*)/.exec(out.stderr)?.[1] ?? `(${out.exitCode}) curl exited with ${out.exitCode}`;
    const kind = FAILURES.find(([re]) => re.test(error))?.[1] ?? 'reset';
    exchanges.push({ request: next.record, failure: { kind, message: `curl: ${error.trim()}` }, trace: [] });
  }
  return exchanges;
}

function request(inv: CurlInvocation, raw: string, method: string, resolve: (host: string) => string | undefined, from?: URL): { url: URL; record: HttpRequestRecord } {
  // curl guesses http:// for a URL without a scheme.
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const headers: Record<string, string> = { host: url.port ? `${host}:${url.port}` : host, accept: '*/*' };
  // SRC: curl lib/http.c — -u credentials go only to the host they were given for (without --location-trusted).
  if (inv.user !== undefined && (!from || from.host === url.host)) headers['authorization'] = `Basic ${Buffer.from(inv.user.includes(':') ? inv.user : `${inv.user}:`).toString('base64')}`;
  for (const [name, value] of inv.headers) headers[name.toLowerCase()] = value;
  const ip = /^[\d.]+$|:/.test(host) ? host : resolve(host) ?? host;
  return {
    url,
    record: { method, scheme, ip, port, path: `${url.pathname || '/'}${url.search}`, headers, ...(inv.data !== undefined && method !== 'GET' ? { body: inv.data } : {}), ...(scheme === 'https' ? { sni: host } : {}) },
  };
}

// With -i the header blocks come first on stdout, exactly as dumped.
function bodyOf(stdout: string, printedHeaders: string): string {
  return printedHeaders && stdout.startsWith(printedHeaders) ? stdout.slice(printedHeaders.length) : stdout;
}
