import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { Secret } from '../../model/core.ts';
import { APISERVER_CERT_PEM, APISERVER_KEY_PEM } from '../apps/kube-apiserver-certificate.ts';
import { certificateFromSecret, fakeCertificate } from './certificates.ts';
import { FAKE_CERTIFICATE_KEY_PEM } from './fake-certificate.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
function tlsSecret(data: Record<string, string>): Secret {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls-secret', namespace: 'default' }, type: 'kubernetes.io/tls', data };
}

test('fake certificate: getFakeHostSSLCert fields, 365 days from the lab start, and a key that matches it', () => {
  const fake = fakeCertificate();
  const cert = new X509Certificate(fake.pem);
  assert.equal(cert.subject, 'O=Acme Co\nCN=Kubernetes Ingress Controller Fake Certificate');
  assert.equal(cert.issuer, cert.subject, 'self-signed');
  assert.equal(cert.subjectAltName, 'DNS:ingress.local');
  assert.equal(fake.notBefore.toISOString(), '2024-09-06T06:24:57.000Z');
  assert.equal(fake.notAfter.getTime() - fake.notBefore.getTime(), 365 * 24 * 3600 * 1000);
  assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.match(fake.keyPem, /^-----BEGIN RSA PRIVATE KEY-----\n/, 'PKCS#1 as Go pem-encodes it');
  assert.ok(cert.checkPrivateKey(createPrivateKey(fake.keyPem)), 'the key belongs to the certificate');
  assert.ok(cert.verify(cert.publicKey), 'signed by its own key');
});

test('certificateFromSecret: the key is kept only for a pair that parses and matches (tls.X509KeyPair)', () => {
  const cases: { name: string; data: Record<string, string>; key?: string; reason?: string | RegExp }[] = [
    { name: 'matching pair', data: { 'tls.crt': b64(APISERVER_CERT_PEM), 'tls.key': b64(APISERVER_KEY_PEM) }, key: APISERVER_KEY_PEM },
    { name: 'key of another certificate', data: { 'tls.crt': b64(APISERVER_CERT_PEM), 'tls.key': b64(FAKE_CERTIFICATE_KEY_PEM) }, reason: 'secret default/web-tls-secret: private key does not match public key' },
    { name: 'no tls.key', data: { 'tls.crt': b64(APISERVER_CERT_PEM) }, reason: 'secret default/web-tls-secret has no keypair (tls.crt and tls.key)' },
    { name: 'key is not PEM', data: { 'tls.crt': b64(APISERVER_CERT_PEM), 'tls.key': b64('not a key') }, reason: /^secret default\/web-tls-secret: unexpected error creating SSL Cert: / },
  ];
  for (const c of cases) {
    const loaded = certificateFromSecret(tlsSecret(c.data), 'default/web-tls-secret');
    if (c.key !== undefined) {
      assert.ok(loaded.ok, c.name);
      assert.equal(loaded.certificate.keyPem, c.key, `${c.name}: key from tls.key`);
      assert.equal(loaded.certificate.pem, APISERVER_CERT_PEM, `${c.name}: certificate from tls.crt`);
      assert.equal(loaded.certificate.source, 'default/web-tls-secret', c.name);
    } else {
      assert.ok(!loaded.ok, c.name);
      if (c.reason instanceof RegExp) assert.match(loaded.reason, c.reason, c.name);
      else assert.equal(loaded.reason, c.reason ?? '', c.name);
    }
  }
});
