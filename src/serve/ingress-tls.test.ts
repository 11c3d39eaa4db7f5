import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { KubeObject } from '../model/meta.ts';
import { FAKE_CERTIFICATE_PEM } from '../sim/ingress-nginx/fake-certificate.ts';
import { createWireCluster } from './wire-cluster.ts';
import { selfSigned } from './serve-fixture.ts';

const LB_IP = '172.25.250.50';

// ingress-nginx behind MetalLB; www.exam.com has a Secret certificate (ingress3 of 5.3.3), other.exam.com none.
async function ingressLab() {
  const cluster = await createWireCluster({ seed: 5 });
  await cluster.configure({ kubeProxyMode: 'ipvs', metallbPool: '172.25.250.50-172.25.250.99', ingressNginx: { serviceType: 'LoadBalancer' }, hostsEntries: [{ name: 'www.exam.com', ip: LB_IP }] });
  const wd = mkdtempSync(join(tmpdir(), 'kubelab-ingress-tls-'));
  for (const line of ['kubectl create deployment myapp-v1 --image=myapp:v1', 'kubectl expose deployment myapp-v1 --port=80']) {
    assert.equal((await cluster.run(line, { kind: 'host' }, wd)).exitCode, 0, line);
  }
  const pair = await selfSigned('www.exam.com');
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls-secret', namespace: 'default' }, type: 'kubernetes.io/tls',
      data: { 'tls.crt': Buffer.from(pair.certPem).toString('base64'), 'tls.key': Buffer.from(pair.keyPem).toString('base64') } } as KubeObject,
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'ingress3', namespace: 'default' },
      spec: { ingressClassName: 'nginx', tls: [{ hosts: ['www.exam.com'], secretName: 'web-tls-secret' }],
        rules: ['www.exam.com', 'other.exam.com'].map((host) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'myapp-v1', port: { number: 80 } } } }] } })) } } as KubeObject,
  ];
  for (const obj of objects) {
    const created = cluster.simulation.api.create(obj);
    assert.ok(created.ok, `creating ${obj.kind} ${obj.metadata.name}`);
  }
  cluster.simulation.settle();
  await (await cluster.served()).sync();
  return { cluster, wd, secretCertPem: pair.certPem };
}

// One HTTPS request over a raw node:tls socket: the presented certificate and the raw HTTP answer.
function httpsGet(address: { host: string; port: number }, sni: string | undefined, host: string): Promise<{ peer: X509Certificate; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address.host, port: address.port, ...(sni ? { servername: sni } : {}), rejectUnauthorized: false }, () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ peer: socket.getPeerX509Certificate()!, head: text.slice(0, split), body: text.slice(split + 4) });
    });
  });
}

test('serve: ingress-nginx terminates real TLS with the Secret certificate by SNI, else the fake certificate', async () => {
  const { cluster, secretCertPem } = await ingressLab();
  await using _ = cluster;
  const address = (await cluster.served()).addressOf(LB_IP, 443);
  assert.ok(address, 'the LoadBalancer https port is served');
  assert.doesNotMatch((await cluster.served()).table(), /https refused/, 'no TLS listener is refused for want of a key');
  const cases = [
    { name: 'SNI www.exam.com: certificate from web-tls-secret', sni: 'www.exam.com', host: 'www.exam.com', cert: secretCertPem, status: /^HTTP\/1\.1 200 OK/, body: /^Hello MyApp \| Version: v1 \|/ },
    { name: 'SNI other.exam.com (no tls entry): fake certificate, still routed', sni: 'other.exam.com', host: 'other.exam.com', cert: FAKE_CERTIFICATE_PEM, status: /^HTTP\/1\.1 200 OK/, body: /^Hello MyApp \| Version: v1 \|/ },
    { name: 'no SNI, unknown Host: fake certificate, default server 404', sni: undefined, host: LB_IP, cert: FAKE_CERTIFICATE_PEM, status: /^HTTP\/1\.1 404 Not Found/, body: /<center><h1>404 Not Found<\/h1><\/center>/ },
  ];
  for (const c of cases) {
    const got = await httpsGet(address, c.sni, c.host);
    assert.ok(got.peer.raw.equals(new X509Certificate(c.cert).raw), `${c.name}: the certificate that crossed the wire`);
    assert.match(got.head, c.status, c.name);
    assert.match(got.body, c.body, c.name);
  }
});

test('wire backend: curl https to ingress-nginx crosses a real socket, with no in-process fallback', async () => {
  const { cluster, wd, secretCertPem } = await ingressLab();
  await using _ = cluster;
  const lab = await cluster.served();
  const cases = [
    { name: 'curl -k https://www.exam.com', line: 'curl -k -s https://www.exam.com', exitCode: 0, stdout: /^Hello MyApp \| Version: v1 \|/, cert: secretCertPem },
    { name: 'curl -k by address (no SNI)', line: `curl -k -s https://${LB_IP}/`, exitCode: 0, stdout: /404 Not Found/, cert: FAKE_CERTIFICATE_PEM },
    { name: 'curl verifies and rejects the self-signed certificate', line: 'curl -s https://www.exam.com', exitCode: 60, stdout: /^$/, cert: secretCertPem },
  ];
  for (const c of cases) {
    const before = lab.correlation.issued;
    const result = await cluster.run(c.line, { kind: 'host' }, wd);
    assert.equal(result.exitCode, c.exitCode, c.name);
    assert.match(result.stdout, c.stdout, c.name);
    assert.equal(lab.correlation.issued - before, 1, `${c.name}: one request over the wire`);
    assert.ok(!result.http[0]?.trace.some((h) => h.component === 'wire'), `${c.name}: not simulated in process`);
    assert.ok(new X509Certificate(result.http[0]?.tls?.certPem ?? '').raw.equals(new X509Certificate(c.cert).raw), `${c.name}: peer certificate from the socket`);
  }
});
