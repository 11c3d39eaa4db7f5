/** Test helpers for serve mode: a small lab (myapp behind a NodePort) and a TLS test image with real keys. */
import 'reflect-metadata'; // @peculiar/x509 resolves its services through tsyringe, which needs this polyfill first
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import type { KubeObject } from '../model/meta.ts';
import type { AppImage } from '../sim/apps/app.ts';
import { imageCatalogue } from '../sim/apps/catalogue.ts';
import { Simulation } from '../sim/simulation.ts';
import { CONTROLLERS } from '../sim/controllers/index.ts';
import { createKubeletController } from '../sim/controllers/kubelet.ts';

/** A certificate and its private key, PEM. */
export interface KeyPair { certPem: string; keyPem: string }

/** A self-signed ECDSA certificate for `name` (SAN DNS:name), valid around the lab's date. */
export async function selfSigned(name: string): Promise<KeyPair> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: `CN=${name}`, notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2034-01-01T00:00:00Z'),
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'], signingAlgorithm: alg, extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }])],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  return { certPem: cert.toString('pem'), keyPem };
}

/**
 * `tls-test:v1`: answers `<scheme> sni=<sni> host=<host>` on 8080 (http) and 8443 (https, one certificate
 * per SNI name with its key), and on 9443 presents a certificate without a key (serve mode must refuse it).
 */
export function tlsTestImage(certs: Record<string, KeyPair>, fallback: KeyPair): AppImage {
  return {
    name: 'tls-test (serve tests)',
    matches: (image) => image === 'tls-test:v1',
    start: () => ({
      listens: (port, protocol) => protocol === 'TCP' && [8080, 8443, 9443].includes(port),
      tls: (port) => {
        if (port === 8443) return { certificateFor: (sni) => ({ ...(certs[sni ?? ''] ?? fallback), trace: [] }) };
        if (port === 9443) return { certificateFor: () => ({ certPem: fallback.certPem, trace: [] }) };
        return undefined;
      },
      http: async (req) => {
        const body = `${req.scheme} sni=${req.sni ?? '-'} host=${req.headers['host'] ?? '-'}\n`;
        return { response: { status: 200, reason: 'OK', headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) }, body }, trace: [] };
      },
    }),
  };
}

/** A Deployment of `image` (label app=name) and a NodePort Service for it with fixed node ports. */
export function nodePortApp(name: string, image: string, ports: { port: number; targetPort: number; nodePort: number }[], replicas = 2): KubeObject[] {
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } } } } as KubeObject,
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
      spec: { type: 'NodePort', selector: { app: name }, ports: ports.map((p) => ({ name: `p${p.port}`, protocol: 'TCP', ...p })) } } as KubeObject,
  ];
}

/** A simulation with extra images and objects created through the API server, settled. */
export function labWith(objects: KubeObject[], images: AppImage[] = [], seed = 7): Simulation {
  const all = [...imageCatalogue(), ...images];
  // The lab registry must hold the extra images too, or their pods stay in ErrImagePull.
  const controllers = CONTROLLERS.map((c) => (c.name === 'kubelet' ? createKubeletController((image) => all.some((e) => e.matches(image))) : c));
  const sim = new Simulation({ seed, images: all, controllers });
  for (const obj of objects) {
    const result = sim.api.create(obj);
    if (!result.ok) throw new Error(`fixture: ${result.status.message}`);
    sim.settle();
  }
  return sim;
}
