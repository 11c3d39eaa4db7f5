/**
 * mendhak/http-https-echo: an Express 5 app answering every request with the request as JSON
 * (`json spaces` 2), on 8080 (http) and 8443 (https, a self-signed my.example.com certificate).
 * SRC: mendhak/docker-http-https-echo index.js (v37+, Express 5, trust proxy loopback/linklocal/uniquelocal),
 * Dockerfile; expressjs request.js (ip/ips via proxy-addr, hostname, protocol, subdomains offset 2, xhr),
 * etag (weak `W/"<len hex>-<sha1 base64 27>"`).
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { HttpRequestRecord, HttpResponseRecord } from '../../cluster/exchanges.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { AppHttpResult, AppImage, AppProcess } from './app.ts';
import { shortImageName } from './catalogue.ts';
import { ECHO_CERTIFICATE_PEM } from './echo-certificate.ts';
import { cidrContains } from '../network/cidr.ts';
import { ownerWorkload } from '../controllers/owners.ts';

const TRUSTED = ['127.0.0.0/8', '169.254.0.0/16', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const trusted = (ip: string) => isIP(ip) === 4 && TRUSTED.some((c) => cidrContains(c, ip));
const v4 = (ip: string) => ip.replace(/^::ffff:/, '');

/** proxy-addr's `all` for a socket address and X-Forwarded-For: from the socket back to the first untrusted hop. */
export function proxyChain(socketAddr: string, xff: string | undefined): string[] {
  const addrs = [socketAddr, ...(xff ?? '').split(',').map((s) => s.trim()).filter(Boolean).reverse()];
  for (let i = 0; i < addrs.length - 1; i++) if (!trusted(v4(addrs[i]!))) return addrs.slice(0, i + 1);
  return addrs;
}

/** The JSON object the app sends (keys in index.js order). */
export function echoBody(req: HttpRequestRecord, podName: string, peer: string): Record<string, unknown> {
  const h = req.headers;
  const socketAddr = peer === '' ? '' : `::ffff:${peer}`;
  const chain = proxyChain(socketAddr, h['x-forwarded-for']);
  const viaTrusted = trusted(v4(socketAddr));
  const hostHeader = (viaTrusted && h['x-forwarded-host'] ? h['x-forwarded-host'].split(',')[0]!.trim() : h['host']) ?? '';
  const hostname = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d*$/, '');
  const protocol = viaTrusted && h['x-forwarded-proto'] ? h['x-forwarded-proto'].split(',')[0]!.trim() : req.scheme;
  const [pathname, search = ''] = req.path.split(/\?(.*)/s);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const cookies: Record<string, string> = {};
  for (const part of (h['cookie'] ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] ??= decodeURIComponent(part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  const body: Record<string, unknown> = {
    path: pathname ?? '/',
    headers: { ...h },
    method: req.method,
    body: req.body ?? '',
    cookies,
    fresh: false,
    hostname,
    ip: chain[chain.length - 1] ?? '',
    ips: [...chain].reverse().slice(0, -1),
    protocol,
    query,
    signedCookies: {},
    subdomains: isIP(hostname) ? [] : hostname.split('.').reverse().slice(2),
    xhr: (h['x-requested-with'] ?? '').toLowerCase() === 'xmlhttprequest',
    os: { hostname: podName },
    connection: req.scheme === 'https' && req.sni ? { servername: req.sni } : {},
  };
  if (req.scheme === 'https') body['clientCertificate'] = {};
  return body;
}

function respond(req: HttpRequestRecord, sim: Simulation, pod: Pod): AppHttpResult {
  const peer = (req as HttpRequestRecord & { clientIp?: string }).clientIp ?? '';
  const text = JSON.stringify(echoBody(req, pod.metadata.name, peer), null, 2);
  const length = Buffer.byteLength(text);
  const etag = `W/"${length.toString(16)}-${createHash('sha1').update(text).digest('base64').slice(0, 27)}"`;
  const response: HttpResponseRecord = {
    status: 200, reason: 'OK',
    headers: { 'x-powered-by': 'Express', 'content-type': 'application/json; charset=utf-8', 'content-length': String(length), etag, date: sim.clock.now().toUTCString(), connection: 'keep-alive', 'keep-alive': 'timeout=5' },
    body: req.method === 'HEAD' ? '' : text,
  };
  const owner = ownerWorkload(sim.view, pod);
  return {
    response,
    servedBy: { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}), ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}), ...(owner ? { owner } : {}) },
    backendRequest: req,
    trace: [{ component: 'app', decision: `http-https-echo in ${pod.metadata.name} echoed ${req.method} ${req.path}` }],
  };
}

/** mendhak/http-https-echo, any tag. */
export const echoImage: AppImage = {
  name: 'mendhak/http-https-echo (Express 5)',
  matches: (image) => /^mendhak\/http-https-echo(:[\w.-]+)?(@sha256:[0-9a-f]+)?$/.test(shortImageName(image)),
  start(pod: Pod, sim: Simulation): AppProcess {
    return {
      listens: (port, protocol) => protocol === 'TCP' && (port === 8080 || port === 8443),
      tls: (port) => (port === 8443 ? { certificateFor: () => ({ certPem: ECHO_CERTIFICATE_PEM, trace: [{ component: 'app', decision: 'http-https-echo presents its built-in my.example.com certificate' }] }) } : undefined),
      http: async (req, s) => respond(req, s, pod),
    };
  },
};
