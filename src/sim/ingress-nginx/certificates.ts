/**
 * TLS material the controller loads: certificates parsed for real from `kubernetes.io/tls` Secrets,
 * the fake default certificate, and Go's hostname check.
 * SRC: ingress-nginx internal/net/ssl/ssl.go CreateSSLCert, internal/ingress/controller/certificate.go
 * verifyHostname/matchHostnames, controller.go extractTLSSecretName (controller-v1.11.2).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { Secret } from '../../model/core.ts';
import { FAKE_CERTIFICATE_KEY_PEM, FAKE_CERTIFICATE_PEM } from './fake-certificate.ts';

/** A certificate the controller can present. */
export interface CertificateInfo {
  pem: string;
  /** The matching private key, PEM: the Secret's `tls.key` (loaded only when it matches), or the fake certificate's. */
  keyPem: string;
  commonName: string;
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
  /** `namespace/name` of the Secret, or `fake` for the generated default. */
  source: string;
}

function describe(pem: string, keyPem: string, source: string): CertificateInfo {
  const cert = new X509Certificate(pem);
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? '';
  const dnsNames = (cert.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  return { pem, keyPem, commonName: cn, dnsNames, notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo), source };
}

/** The generated default certificate (CN=Kubernetes Ingress Controller Fake Certificate, SAN ingress.local) with its key. */
export function fakeCertificate(): CertificateInfo {
  return describe(FAKE_CERTIFICATE_PEM, FAKE_CERTIFICATE_KEY_PEM, 'fake');
}

/** Loads `tls.crt` + `tls.key` of a Secret; the pair must parse and match (ssl.go CreateSSLCert / tls.X509KeyPair), and both are kept. */
export function certificateFromSecret(secret: Secret | undefined, ref: string): { ok: true; certificate: CertificateInfo } | { ok: false; reason: string } {
  if (!secret) return { ok: false, reason: `secret ${ref} was not found` };
  const crt = secret.data?.['tls.crt'];
  const key = secret.data?.['tls.key'];
  if (crt === undefined || key === undefined) return { ok: false, reason: `secret ${ref} has no keypair (tls.crt and tls.key)` };
  const crtPem = Buffer.from(crt, 'base64').toString('utf8');
  const keyPem = Buffer.from(key, 'base64').toString('utf8');
  try {
    const cert = new X509Certificate(crtPem);
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return { ok: false, reason: `secret ${ref}: private key does not match public key` };
    return { ok: true, certificate: describe(crtPem, keyPem, ref) };
  } catch (error) {
    return { ok: false, reason: `secret ${ref}: unexpected error creating SSL Cert: ${(error as Error).message}` };
  }
}

/** Go's matchHostnames: same label count, `*` only as the whole first label, trailing dots ignored. */
export function matchHostnames(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p === '' || h === '') return false;
  const pp = p.split('.');
  const hp = h.split('.');
  if (pp.length !== hp.length) return false;
  return pp.every((part, i) => (i === 0 && part === '*') || part === hp[i]);
}

/** Does the certificate cover the host? SAN DNS names, or the CN when there are none (certificate.go verifyHostname). */
export function verifyHostname(cert: CertificateInfo, host: string): boolean {
  if (cert.dnsNames.length > 0) return cert.dnsNames.some((name) => matchHostnames(name, host));
  return matchHostnames(cert.commonName, host);
}
