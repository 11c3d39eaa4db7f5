import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../model/meta.ts';
import type { Pod } from '../../model/core.ts';
import type { HttpExchange } from '../../cluster/exchanges.ts';
import { Simulation } from '../simulation.ts';
import { installIngressNginx } from '../ingress-nginx/install.ts';
import { sendHttp } from '../network/http.ts';

// A lab with ingress-nginx and one myapp pod (listening on 80 only), plus Services whose endpoints refuse.
function lab(configData: Record<string, string> = {}): { sim: Simulation; controllerIp: string; podIp: string } {
  const sim = new Simulation({ seed: 11 });
  installIngressNginx(sim, { serviceType: 'NodePort' });
  const must = (obj: KubeObject) => { const r = sim.api.create(obj); if (!r.ok) throw new Error(r.status.message); };
  must({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'myapp:v1' }] } } } } as KubeObject);
  sim.settle();
  const pod = sim.store.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.['app'] === 'web')!;
  const podIp = pod.status!.podIP!;
  const svc = (name: string, selector: boolean) => must({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ...(selector ? { selector: { app: 'web' } } : {}), ports: [{ port: 80, targetPort: 80 }] } } as KubeObject);
  const slice = (name: string, service: string, port: number, ip: string) => must({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': service } }, addressType: 'IPv4', ports: [{ port, protocol: 'TCP' }], endpoints: [{ addresses: [ip], conditions: { ready: true } }] } as KubeObject);
  svc('web', true);
  // "mixed": one endpoint that answers (podIp:80) and one that refuses (podIp:8080).
  svc('mixed', false);
  slice('mixed-a', 'mixed', 80, podIp);
  slice('mixed-b', 'mixed', 8080, podIp);
  // "refusing": its only endpoint refuses.
  svc('refusing', false);
  slice('refusing-a', 'refusing', 8080, podIp);
  svc('empty', false);
  const rule = (host: string, service: string) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }] } });
  const ing = (name: string, host: string, service: string, annotations: Record<string, string> = {}) => must({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', annotations }, spec: { ingressClassName: 'nginx', rules: [rule(host, service)] } } as KubeObject);
  ing('mixed', 'mixed.test', 'mixed');
  ing('refusing', 'refusing.test', 'refusing');
  ing('fallback', 'fallback.test', 'empty', { 'nginx.ingress.kubernetes.io/default-backend': 'web' });
  ing('errors', 'errors.test', 'web', { 'nginx.ingress.kubernetes.io/custom-http-errors': '404', 'nginx.ingress.kubernetes.io/default-backend': 'web' });
  ing('errors-default', 'errors-default.test', 'web', { 'nginx.ingress.kubernetes.io/custom-http-errors': '404' });
  if (Object.keys(configData).length > 0) {
    const r = sim.api.patch({ kind: 'ConfigMap', name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, { data: configData }, 'merge');
    if (!r.ok) throw new Error(r.status.message);
  }
  sim.settle();
  const controller = sim.store.list<Pod>('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!;
  return { sim, controllerIp: controller.status!.podIP!, podIp };
}

function get(sim: Simulation, ip: string, host: string, path: string, headers: Record<string, string> = {}): Promise<HttpExchange> {
  return sendHttp(sim, { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, { method: 'GET', scheme: 'http', ip, port: 80, path, headers: { host, accept: '*/*', ...headers } });
}

test('proxy_next_upstream: a refused endpoint is retried on the next one; 3 failed tries give 502', async () => {
  const { sim, controllerIp } = lab();
  let retried = 0;
  for (let i = 0; i < 6; i++) {
    const ex = await get(sim, controllerIp, 'mixed.test', '/');
    assert.equal(ex.response?.status, 200, JSON.stringify(ex.trace));
    if (ex.trace.some((h) => h.decision.startsWith('proxy_next_upstream: try 2'))) retried++;
  }
  // Each try calls balance() again, so the refusing endpoint takes a try of every request after the first
  // (round robin alternates: refusing, next; refusing, next…); there is no passive health marking in the Lua balancer.
  assert.ok(retried >= 5, `${retried} of 6 requests were retried`);
  const bad = await get(sim, controllerIp, 'refusing.test', '/');
  assert.equal(bad.response?.status, 502);
  assert.match(bad.response?.body ?? '', /<center><h1>502 Bad Gateway<\/h1><\/center>/);
  assert.equal(bad.trace.filter((h) => h.decision.startsWith('upstream ') && h.decision.includes('failed')).length, 3);
});

test('default-backend annotation: an empty Service is served by the annotated one with X-Code 503 and the location variables', async () => {
  const { sim, controllerIp } = lab();
  const ex = await get(sim, controllerIp, 'fallback.test', '/hostname.html', { accept: 'text/html' });
  assert.equal(ex.response?.status, 200);
  const h = ex.backendRequest!.headers;
  assert.deepEqual([h['x-code'], h['x-format'], h['x-namespace'], h['x-ingress-name'], h['x-service-name'], h['x-service-port']], ['503', 'text/html', 'default', 'fallback', 'empty', '80']);
  // nginx sends both X-Request-ID lines of the location (the general one and the custom-default-backend one).
  const [a, b] = h['x-request-id']!.split(', ');
  assert.equal(a, b);
  assert.match(a!, /^[0-9a-f]{32}$/);
});

test('custom-http-errors: an intercepted upstream status goes to the error location (custom backend, else the default server 404)', async () => {
  const { sim, controllerIp } = lab();
  const ex = await get(sim, controllerIp, 'errors.test', '/nosuch.html?x=1');
  // myapp answers 404 for /nosuch.html; the error location asks the web Service for / with X-Code 404.
  assert.equal(ex.response?.status, 200);
  assert.equal(ex.backendRequest?.path, '/?x=1');
  assert.equal(ex.backendRequest?.headers['x-code'], '404');
  assert.equal(ex.backendRequest?.headers['x-original-uri'], '/nosuch.html?x=1');
  assert.equal(ex.backendRequest?.headers['connection'], 'close');
  assert.equal(ex.response?.headers['strict-transport-security'], undefined);
  const plain = await get(sim, controllerIp, 'errors-default.test', '/nosuch.html');
  assert.equal(plain.response?.status, 404);
  assert.match(plain.response?.body ?? '', /<hr><center>nginx<\/center>/);
});

test('server-tokens from the ConfigMap: Server: nginx/1.25.5 on every response and the version in error pages', async () => {
  const { sim, controllerIp } = lab({ 'server-tokens': 'true' });
  const page = await get(sim, controllerIp, 'unknown.test', '/');
  assert.equal(page.response?.status, 404);
  assert.equal(page.response?.headers['server'], 'nginx/1.25.5');
  assert.match(page.response?.body ?? '', /<hr><center>nginx\/1\.25\.5<\/center>/);
  const proxied = await get(sim, controllerIp, 'mixed.test', '/hostname.html');
  assert.equal(proxied.response?.headers['server'], 'nginx/1.25.5', 'the upstream Server header (nginx/1.12.2) is replaced');
  const off = lab();
  const hidden = await get(off.sim, off.controllerIp, 'mixed.test', '/hostname.html');
  assert.equal(hidden.response?.headers['server'], undefined);
});
