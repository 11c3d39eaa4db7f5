/** Test helpers: a fake network for curl (addresses → answers) and generated certificates. */
import 'reflect-metadata'; // @peculiar/x509 resolves its services through tsyringe, which needs this polyfill first
import { webcrypto } from 'node:crypto';
import { X509Certificate, X509CertificateGenerator, SubjectAlternativeNameExtension, BasicConstraintsExtension } from '@peculiar/x509';
import type { HttpExchange, HttpRequestRecord, HttpResponseRecord } from '../../../cluster/exchanges.ts';
import type { CurlNetwork } from './transfer.ts';
import type { CurlFiles } from './run-curl.ts';

const cryptoApi = webcrypto as unknown as Parameters<X509Certificate['verify']>[1];
type KeyPair = Parameters<typeof X509CertificateGenerator.createSelfSigned>[0]['keys'];
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/** What a fake address answers. */
export type FakeAnswer =
  | { kind: 'refused' | 'timeout' | 'unreachable' }
  | { kind: 'http'; respond: (req: HttpRequestRecord) => Partial<HttpResponseRecord>; certPem?: string; ingress?: boolean };

/** A network of `ip:port` → answer and a name table; records what was sent. */
export function fakeNetwork(answers: Record<string, FakeAnswer>, names: Record<string, string[]> = {}, now = new Date('2024-09-06T06:24:57Z')) {
  const sent: HttpRequestRecord[] = [];
  let clockMs = 0;
  const net: Omit<CurlNetwork, 'trusted'> = {
    resolve: async (host) => (names[host] ? { ok: true, ips: names[host]!, exchanges: [] } : { ok: false, exchanges: [] }),
    send: async (request) => {
      sent.push(request);
      const a = answers[`${request.ip}:${request.port}`] ?? { kind: 'timeout' };
      if (a.kind !== 'http') return { request, failure: { kind: a.kind, message: a.kind }, trace: [] } satisfies HttpExchange;
      const r = a.respond(request);
      const response: HttpResponseRecord = { status: r.status ?? 200, reason: r.reason ?? 'OK', headers: r.headers ?? {}, body: r.body ?? '' };
      return { request, response, trace: a.ingress ? [{ component: 'ingress-nginx', decision: 'x' }] : [], ...(a.certPem ? { tls: { certPem: a.certPem } } : {}) };
    },
    now: () => new Date(now.getTime() + clockMs),
    advance: (ms) => { clockMs += ms; },
  };
  return { net, sent, elapsed: () => clockMs };
}

/** An in-memory work folder. */
export function fakeFiles(initial: Record<string, string> = {}): CurlFiles & { files: Record<string, string> } {
  const files = { ...initial };
  return {
    files,
    read: (p) => (p in files ? { ok: true, text: files[p]! } : { ok: false, message: `${p}: No such file or directory` }),
    write: (p, t) => { if (p !== '/dev/null') files[p] = t; return undefined; },
  };
}

/** A self-signed certificate like `openssl req -x509 -subj "/CN=nginxsvc/O=nginxsvc"` (with optional DNS altnames). */
export async function selfSignedPem(opts: { cn: string; o?: string; dns?: string[]; notAfter?: Date; ca?: boolean }) {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as KeyPair;
  const cert = await X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${opts.cn}${opts.o ? `, O=${opts.o}` : ''}`,
    notBefore: new Date('2024-09-01T00:00:00Z'),
    notAfter: opts.notAfter ?? new Date('2025-09-01T00:00:00Z'),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      ...(opts.dns ? [new SubjectAlternativeNameExtension(opts.dns.map((d) => ({ type: 'dns' as const, value: d })))] : []),
      ...(opts.ca ? [new BasicConstraintsExtension(true, undefined, true)] : []),
    ],
  }, cryptoApi);
  return { pem: cert.toString('pem'), keys, name: `CN=${opts.cn}${opts.o ? `, O=${opts.o}` : ''}` };
}

/** A leaf certificate for `dns` names signed by `ca`. */
export async function signedPem(ca: { keys: KeyPair; name: string }, cn: string, dns: string[]) {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as KeyPair;
  const cert = await X509CertificateGenerator.create({
    serialNumber: '02', subject: `CN=${cn}`, issuer: ca.name,
    notBefore: new Date('2024-09-01T00:00:00Z'), notAfter: new Date('2025-09-01T00:00:00Z'),
    publicKey: keys.publicKey, signingKey: ca.keys.privateKey, signingAlgorithm: ALG,
    extensions: [new SubjectAlternativeNameExtension(dns.map((d) => ({ type: 'dns' as const, value: d })))],
  }, cryptoApi);
  return cert.toString('pem');
}
