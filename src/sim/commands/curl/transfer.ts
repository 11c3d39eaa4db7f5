/**
 * One curl transfer: name lookup (or --resolve), connect to each address in turn, TLS peer
 * verification, the request, and -L redirect following with curl's method and credential rules.
 * SRC: curl 7.76.1 lib/transfer.c Curl_follow (301/302 POST→GET, 303 → GET, 307/308 keep),
 *      lib/http.c (auth only to the first host unless --location-trusted), lib/connect.c (address loop).
 */
import type { DnsExchange, HttpExchange, HttpRequestRecord, HttpResponseRecord } from '../../../cluster/exchanges.ts';
import type { CurlOptions } from './options.ts';
import { type CurlUrl, formatCurlUrl, hostHeader, isIPv4, resolveLocation } from './url.ts';
import { type CurlFailure, CURL_VERSION, OS_CONNECT_TIMEOUT_MS, resolveFailure, connectFailure, connectTimeout, tooManyRedirects } from './messages.ts';
import { verifyChain, verifyHostName } from './tls-verify.ts';

/** What curl needs from the simulated world (bound to resolveHost/sendHttp in curl.ts; fakes in tests). */
export interface CurlNetwork {
  resolve(host: string): Promise<{ ok: true; ips: string[]; exchanges: DnsExchange[] } | { ok: false; exchanges: DnsExchange[] }>;
  send(request: HttpRequestRecord, opts: { timeoutMs?: number }): Promise<HttpExchange>;
  now(): Date;
  /** Moves the lab clock (a connection attempt that hangs takes simulated time). */
  advance(ms: number): void;
  /** Certificates trusted besides the system store (from --cacert). */
  trusted: string[];
}

/** One response curl received (followed redirects included), with how it was spoken. */
export interface ReceivedResponse { url: CurlUrl; request: HttpRequestRecord; response: HttpResponseRecord; http2: boolean; verifyResult: number }

/** Everything a transfer did. */
export interface TransferResult {
  responses: ReceivedResponse[];
  exchanges: HttpExchange[];
  dns: DnsExchange[];
  failure?: CurlFailure;
  /** Verbose `*` lines, in order, interleaved by the renderer. */
  notes: string[];
  elapsedMs: number;
  lastUrl: CurlUrl;
  lastIp: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const H2_SERVERS = new Set(['ingress-nginx', 'kube-apiserver']);

/** Runs a transfer for `url`, following redirects when -L. */
export async function runTransfer(first: CurlUrl, o: CurlOptions, body: string | undefined, net: CurlNetwork): Promise<TransferResult> {
  const result: TransferResult = { responses: [], exchanges: [], dns: [], notes: [], elapsedMs: 0, lastUrl: first, lastIp: '' };
  let url = first;
  let method = o.method ?? (o.head ? 'HEAD' : body !== undefined ? 'POST' : 'GET');
  let sendBody = body;
  for (let redirects = 0; ; redirects++) {
    result.lastUrl = url;
    const sameHost = url.host === first.host;
    const request = buildRequest(url, method, sendBody, o, sameHost || o.locationTrusted);
    const hop = await requestOnce(url, request, o, net, result);
    if (!hop) return result;
    result.responses.push(hop);
    const location = hop.response.headers.location;
    if (!o.location || !REDIRECTS.has(hop.response.status) || location === undefined) return result;
    if (redirects >= o.maxRedirs) { result.failure = tooManyRedirects(o.maxRedirs); return result; }
    const next = resolveLocation(url, location);
    if (!next.ok) { result.failure = next.error; return result; }
    result.notes.push(`Issue another request to this URL: '${formatCurlUrl(next.url)}'`);
    const status = hop.response.status;
    // curl keeps a -X method verbatim; otherwise 303 (non-HEAD) and 301/302 after POST become GET without a body.
    if (o.method === undefined && ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST'))) {
      method = 'GET';
      sendBody = undefined;
    } else if (status === 303 || status === 301 || status === 302) {
      sendBody = undefined;
    }
    url = next.url;
  }
}

function buildRequest(url: CurlUrl, method: string, body: string | undefined, o: CurlOptions, sendAuth: boolean): Omit<HttpRequestRecord, 'ip'> {
  const headers: Record<string, string> = { host: hostHeader(url) };
  const credentials = o.user ?? url.userinfo;
  if (credentials !== undefined && sendAuth) {
    const withColon = credentials.includes(':') ? credentials : `${credentials}:`;
    headers.authorization = `Basic ${Buffer.from(withColon).toString('base64')}`;
  }
  headers['user-agent'] = o.userAgent ?? `curl/${CURL_VERSION}`;
  headers.accept = '*/*';
  if (o.cookie !== undefined) headers.cookie = o.cookie;
  // SRC: lib/http.c Curl_add_custom_headers: "Name: value" replaces, "Name:" removes, "Name;" sends it empty.
  for (const h of o.headers) {
    const colon = h.indexOf(':');
    const semi = h.indexOf(';');
    if (colon > 0) {
      const name = h.slice(0, colon).trim().toLowerCase();
      const value = h.slice(colon + 1).trim();
      if (value === '') delete headers[name];
      else { delete headers[name]; headers[name] = value; }
    } else if (semi > 0 && h.slice(semi + 1).trim() === '') {
      headers[h.slice(0, semi).trim().toLowerCase()] = '';
    }
  }
  if (body !== undefined) {
    headers['content-length'] ??= String(Buffer.byteLength(body));
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  const sni = url.scheme === 'https' && !isIPv4(url.host) ? url.host : undefined;
  return { method, scheme: url.scheme, port: url.port, path: url.path, headers, ...(body !== undefined ? { body } : {}), ...(sni ? { sni } : {}) };
}

async function addresses(url: CurlUrl, o: CurlOptions, net: CurlNetwork, result: TransferResult): Promise<string[] | undefined> {
  // SRC: --resolve host:port:addr[,addr] pre-populates the DNS cache for that host and port only.
  for (const entry of o.resolve) {
    const [host, port, ...addr] = entry.split(':');
    if (host?.toLowerCase() === url.host && Number(port) === url.port && addr.length > 0) return addr.join(':').split(',');
  }
  if (isIPv4(url.host)) return [url.host];
  const looked = await net.resolve(url.host);
  result.dns.push(...looked.exchanges);
  if (!looked.ok || looked.ips.length === 0) { result.failure = resolveFailure(url.host); return undefined; }
  return looked.ips;
}

async function requestOnce(url: CurlUrl, base: Omit<HttpRequestRecord, 'ip'>, o: CurlOptions, net: CurlNetwork, result: TransferResult): Promise<ReceivedResponse | undefined> {
  const ips = await addresses(url, o, net, result);
  if (!ips) return undefined;
  const limits = [o.connectTimeoutMs, o.maxTimeMs].filter((v): v is number => v !== undefined && v > 0);
  const limit = limits.length > 0 ? Math.min(...limits) : undefined;
  for (const [i, ip] of ips.entries()) {
    const request: HttpRequestRecord = { ...base, ip };
    result.lastIp = ip;
    result.notes.push(`  Trying ${ip}:${url.port}...`);
    const exchange = await net.send(request, limit !== undefined ? { timeoutMs: limit } : {});
    result.exchanges.push(exchange);
    const failure = exchange.failure;
    if (failure) {
      const last = i === ips.length - 1;
      if (failure.kind === 'timeout') {
        const waited = limit !== undefined && limit < OS_CONNECT_TIMEOUT_MS ? limit + 1 : OS_CONNECT_TIMEOUT_MS;
        net.advance(waited);
        result.elapsedMs += waited;
        result.failure = limit !== undefined && limit < OS_CONNECT_TIMEOUT_MS ? connectTimeout(waited) : connectFailure('os-timeout', url.host, url.port);
        if (result.failure.code === 28 && limit !== undefined && limit < OS_CONNECT_TIMEOUT_MS) return undefined;
      } else if (failure.kind === 'refused' || failure.kind === 'unreachable') {
        result.notes.push(`connect to ${ip} port ${url.port} failed: ${failure.kind === 'refused' ? 'Connection refused' : 'No route to host'}`);
        result.failure = connectFailure(failure.kind, url.host, url.port);
      } else if (failure.kind === 'reset') {
        result.failure = { code: 56, message: 'Recv failure: Connection reset by peer' };
        return undefined;
      } else if (failure.kind === 'resolve') {
        result.failure = resolveFailure(url.host);
        return undefined;
      } else {
        result.failure = { code: 35, message: failure.message };
        return undefined;
      }
      if (last) return undefined;
      continue;
    }
    delete result.failure;
    result.notes.push(`Connected to ${url.host} (${ip}) port ${url.port} (#0)`);
    const verifyResult = await checkPeer(url, exchange, o, net, result);
    if (verifyResult === undefined) return undefined;
    if (!exchange.response) { result.failure = { code: 52, message: 'Empty reply from server' }; return undefined; }
    // ALPN: curl 7.76 (built with nghttp2) offers h2; nginx (http2 on by default in ingress-nginx) and Go's
    // TLS servers (kube-apiserver) accept it. Other servers in the lab speak HTTP/1.1.
    const http2 = url.scheme === 'https' && !o.http11 && exchange.trace.some((h) => H2_SERVERS.has(h.component));
    return { url, request, response: exchange.response, http2, verifyResult };
  }
  return undefined;
}

// Returns OpenSSL's verify result code (0 = ok), or undefined when verification failed the transfer.
async function checkPeer(url: CurlUrl, exchange: HttpExchange, o: CurlOptions, net: CurlNetwork, result: TransferResult): Promise<number | undefined> {
  if (url.scheme !== 'https') return 0;
  const pem = exchange.tls?.certPem;
  if (!pem) {
    if (o.insecure) return 0;
    result.failure = { code: 60, message: 'SSL certificate problem: unable to get local issuer certificate' };
    return discard(exchange, result);
  }
  const chain = await verifyChain(pem, net.trusted, net.now());
  if (o.insecure) return chain?.code ?? 0;
  if (chain) {
    result.failure = { code: 60, message: `SSL certificate problem: ${chain.text}` };
    return discard(exchange, result);
  }
  const mismatch = verifyHostName(pem, url.host);
  if (mismatch) {
    result.failure = { code: 60, message: mismatch };
    return discard(exchange, result);
  }
  return 0;
}

// curl aborts during the handshake, so no request was sent: the record keeps the TLS facts only.
function discard(exchange: HttpExchange, result: TransferResult): undefined {
  delete exchange.response;
  delete exchange.servedBy;
  delete exchange.backendRequest;
  exchange.failure = { kind: 'tls', message: result.failure!.message };
  return undefined;
}
