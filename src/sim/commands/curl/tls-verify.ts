/**
 * Peer verification as curl 7.76.1 built with OpenSSL 3.0 (Rocky 9) does it: the chain must end at a
 * trusted certificate (--cacert; the system store trusts none of the lab's certificates), then the
 * host name must match a subjectAltName, or the CN when the certificate has no DNS/IP altnames.
 * SRC: openssl crypto/x509/x509_vfy.c + x509_txt.c (3.0: "self-signed certificate");
 *      curl 7.76.1 lib/vtls/openssl.c (verifyhost, "SSL certificate problem: %s"), lib/hostcheck.c.
 */
import 'reflect-metadata'; // @peculiar/x509 resolves its services through tsyringe, which needs this polyfill first
import { webcrypto } from 'node:crypto';
import { X509Certificate, SubjectAlternativeNameExtension } from '@peculiar/x509';

/** The outcome of verifying a presented chain. */
export type PeerCheck = { ok: true; summary: CertSummary } | { ok: false; message: string; verifyCode: number; summary: CertSummary | undefined };

/** What `curl -v` prints about the server certificate. */
export interface CertSummary { subject: string; issuer: string; notBefore: Date; notAfter: Date; altNames: string[] }

// Node's WebCrypto, typed as the library's Crypto parameter (the DOM lib is not loaded).
const cryptoApi = webcrypto as unknown as Parameters<X509Certificate['verify']>[1];

/** Splits a PEM bundle into its certificates. */
export function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

/** The verify result OpenSSL reports for the chain (code, text), or undefined when trusted and in date. SRC: x509_txt.c. */
export async function verifyChain(chainPem: string, trustedPem: string[], now: Date): Promise<{ code: number; text: string } | undefined> {
  const chain = splitPem(chainPem).map((p) => new X509Certificate(p));
  const leaf = chain[0];
  if (!leaf) return { code: 1, text: 'unable to get certificate' };
  const trusted = trustedPem.flatMap(splitPem).map((p) => new X509Certificate(p));
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (trusted.some((t) => sameCert(t, current))) return validity(chain, now);
    const trustedIssuer = await findIssuer(current, trusted);
    if (trustedIssuer) return validity(chain, now);
    const selfSigned = current.subject === current.issuer && (await current.verify({ signatureOnly: true }, cryptoApi));
    if (selfSigned) return depth === 0 ? { code: 18, text: 'self-signed certificate' } : { code: 19, text: 'self-signed certificate in certificate chain' };
    const next = await findIssuer(current, chain.slice(1));
    if (!next) return depth === 0 ? { code: 20, text: 'unable to get local issuer certificate' } : { code: 2, text: 'unable to get issuer certificate' };
    current = next;
  }
  return { code: 22, text: 'certificate chain too long' };
}

function sameCert(a: X509Certificate, b: X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

async function findIssuer(cert: X509Certificate, candidates: X509Certificate[]): Promise<X509Certificate | undefined> {
  for (const c of candidates) {
    if (c.subject === cert.issuer && (await cert.verify({ publicKey: c.publicKey, signatureOnly: true }, cryptoApi))) return c;
  }
  return undefined;
}

function validity(chain: X509Certificate[], now: Date): { code: number; text: string } | undefined {
  for (const c of chain) {
    if (now.getTime() > c.notAfter.getTime()) return { code: 10, text: 'certificate has expired' };
    if (now.getTime() < c.notBefore.getTime()) return { code: 9, text: 'certificate is not yet valid' };
  }
  return undefined;
}

/** Host name check; undefined when it matches, else curl's message. SRC: curl 7.76.1 lib/vtls/openssl.c verifyhost. */
export function verifyHostName(certPem: string, host: string): string | undefined {
  const cert = new X509Certificate(splitPem(certPem)[0] ?? certPem);
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const names = altNames(cert);
  const dns = names.filter((n) => n.type === 'dns').map((n) => n.value);
  const ips = names.filter((n) => n.type === 'ip').map((n) => n.value);
  if (dns.length > 0 || ips.length > 0) {
    const matched = isIp ? ips.includes(host) : dns.some((pattern) => hostMatches(pattern, host));
    return matched ? undefined : `SSL: no alternative certificate subject name matches target host name '${host}'`;
  }
  const cn = cert.subjectName.getField('CN').at(-1);
  if (cn === undefined) return 'SSL: unable to obtain common name from peer certificate';
  const ok = isIp ? cn === host : hostMatches(cn, host);
  return ok ? undefined : `SSL: certificate subject name '${cn}' does not match target host name '${host}'`;
}

function altNames(cert: X509Certificate): { type: string; value: string }[] {
  const ext = cert.getExtension(SubjectAlternativeNameExtension);
  return ext ? ext.names.items.map((n) => ({ type: n.type, value: n.value })) : [];
}

// SRC: curl lib/hostcheck.c: case-insensitive; a wildcard only as the whole leftmost label, the pattern needs two more dots, never for IP literals.
function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  if (p.split('.').length < 3) return p === h;
  const suffix = p.slice(1);
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot) === suffix;
}

/** The certificate facts `curl -v` prints. */
export function summarize(certPem: string): CertSummary | undefined {
  const first = splitPem(certPem)[0];
  if (!first) return undefined;
  const cert = new X509Certificate(first);
  return {
    subject: opensslName(cert.subject),
    issuer: opensslName(cert.issuer),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    altNames: altNames(cert).map((n) => `${n.type === 'dns' ? 'DNS' : 'IP Address'}:${n.value}`),
  };
}

// OpenSSL's one-line form as curl -v prints it: "CN=nginxsvc; O=nginxsvc" (RFC 2253 order reversed into "; ").
function opensslName(rfc: string): string {
  return rfc.split(/,\s*(?=[A-Za-z.0-9]+=)/).join('; ');
}
