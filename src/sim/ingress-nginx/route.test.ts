import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIngressModel } from './model.ts';
import { route, type IngressRequest } from './route.ts';
import { fixedDraws, ingress, input, path, secret } from './fixtures.ts';
import md5 from 'apache-md5';

const V1 = { 'myapp-v1': ['10.244.1.10'], 'myapp-v2': ['10.244.2.11'] };
function get(host: string, uri: string, headers: Record<string, string> = {}, scheme: 'http' | 'https' = 'http'): IngressRequest {
  return { scheme, method: 'GET', uri, headers: { host, 'user-agent': 'curl/7.76.1', accept: '*/*', ...headers }, remoteAddr: '10.244.0.0' };
}
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

// Tutorial 5.3.1: ingress1 (rewrite-target: /) on www.exam.com with /v1 and /v2.
const ingress1 = ingress('ingress1', [{ host: 'www.exam.com', paths: [path('/v1', 'myapp-v1'), path('/v2', 'myapp-v2')] }], { annotations: { 'rewrite-target': '/' } });
const auth = secret('auth-web', { auth: `howe:${md5('redhat', '$apr1$1F6Ny7Nx$')}\n` });
const ingress4 = ingress('ingress4', [{ host: 'www.exam.com', paths: [path('/', 'myapp-v1')] }], {
  annotations: { 'auth-type': 'basic', 'auth-secret': 'auth-web', 'auth-realm': 'Please input username and password' },
  tls: [{ hosts: ['www.exam.com'], secretName: 'web-tls-secret' }],
});
const fixIngress = ingress('ingress', [{ host: 'myappv1.exam.com', paths: [path('/', 'myapp-v1'), path('/app(/|$)(.*)', 'myapp-v1', 'ImplementationSpecific')] }], {
  annotations: { 'rewrite-target': '/$2', 'use-regex': 'true' },
});
const ingress7 = ingress('myapp-v1-ingress', [{ host: 'www.exam.com', paths: [path('/', 'myapp-v1')] }]);
const ingress8 = ingress('myapp-v2-ingress', [{ host: 'www.exam.com', paths: [path('/', 'myapp-v2')] }], { annotations: { canary: 'true', 'canary-by-header': 'version', 'canary-by-header-value': '2' } });

const cases: { name: string; ingresses: ReturnType<typeof ingress>[]; req: IngressRequest; status?: number; upstreamPath?: string; endpoint?: string; header?: [string, string]; secrets?: ReturnType<typeof secret>[] }[] = [
  { name: '5.3.1 /v1/aaaa is rewritten to / on v1', ingresses: [ingress1], req: get('www.exam.com', '/v1/aaaa'), upstreamPath: '/', endpoint: '10.244.1.10' },
  { name: '5.3.1 /v2 goes to v2', ingresses: [ingress1], req: get('www.exam.com', '/v2'), upstreamPath: '/', endpoint: '10.244.2.11' },
  { name: 'regex mode: /v1aaaa also matches ^/v1', ingresses: [ingress1], req: get('www.exam.com', '/v1aaaa'), upstreamPath: '/', endpoint: '10.244.1.10' },
  { name: 'unknown host → default backend 404', ingresses: [ingress1], req: get('other.exam.com', '/v1'), status: 404 },
  { name: 'host port ignored for server selection', ingresses: [ingress1], req: get('www.exam.com:30311', '/v2'), endpoint: '10.244.2.11' },
  { name: 'unmatched path of the host → root fallback → 404', ingresses: [ingress1], req: get('www.exam.com', '/x'), status: 404 },
  { name: '5.3.4 no credentials → 401', ingresses: [ingress4], secrets: [auth], req: get('www.exam.com', '/', {}, 'https'), status: 401, header: ['www-authenticate', 'Basic realm="Please input username and password"'] },
  { name: '5.3.4 howe:redhat → v1', ingresses: [ingress4], secrets: [auth], req: get('www.exam.com', '/', { authorization: basic('howe', 'redhat') }, 'https'), endpoint: '10.244.1.10' },
  { name: '5.3.4 wrong password → 401', ingresses: [ingress4], secrets: [auth], req: get('www.exam.com', '/', { authorization: basic('howe', 'x') }, 'https'), status: 401 },
  { name: '5.3.4 plain http redirects 308 (tls host, fake cert)', ingresses: [ingress4], secrets: [auth], req: get('www.exam.com', '/'), status: 308, header: ['location', 'https://www.exam.com'] },
  { name: 'auth secret missing → 503', ingresses: [ingress4], req: get('www.exam.com', '/', {}, 'https'), status: 503 },
  { name: '5.3.5 fix: /app/hostname.html → /hostname.html', ingresses: [fixIngress], req: get('myappv1.exam.com', '/app/hostname.html'), upstreamPath: '/hostname.html' },
  { name: '5.3.5 fix: /app → /', ingresses: [fixIngress], req: get('myappv1.exam.com', '/app'), upstreamPath: '/' },
  { name: '6.2.1 no header → v1', ingresses: [ingress7, ingress8], req: get('www.exam.com', '/'), endpoint: '10.244.1.10' },
  { name: '6.2.1 version: 2 → v2', ingresses: [ingress7, ingress8], req: get('www.exam.com', '/', { version: '2' }), endpoint: '10.244.2.11' },
  { name: '6.2.1 version: 3 → falls through to weight 0 → v1', ingresses: [ingress7, ingress8], req: get('www.exam.com', '/', { version: '3' }), endpoint: '10.244.1.10' },
];

for (const c of cases) {
  test(c.name, () => {
    const model = buildIngressModel(input(c.ingresses, V1, c.secrets ?? []));
    const d = route(model, c.req, fixedDraws());
    if (c.status !== undefined) {
      assert.equal(d.outcome.kind, 'respond', JSON.stringify(d.hops));
      if (d.outcome.kind === 'respond') assert.equal(d.outcome.response.status, c.status);
      if (c.header && d.outcome.kind === 'respond') assert.equal(d.outcome.response.headers[c.header[0]], c.header[1]);
    } else {
      assert.equal(d.outcome.kind, 'proxy', JSON.stringify(d.hops));
      if (d.outcome.kind !== 'proxy') return;
      if (c.upstreamPath) assert.equal(d.outcome.path, c.upstreamPath);
      if (c.endpoint) assert.equal(d.outcome.endpoint.ip, c.endpoint);
    }
  });
}

test('upstream headers follow §11 (XFF replaced, original kept, Authorization dropped under auth)', () => {
  const model = buildIngressModel(input([ingress4], V1, [auth]));
  const d = route(model, get('www.exam.com', '/', { authorization: basic('howe', 'redhat'), 'x-forwarded-for': '1.2.3.4' }, 'https'), fixedDraws());
  assert.equal(d.outcome.kind, 'proxy');
  if (d.outcome.kind !== 'proxy') return;
  assert.deepEqual(Object.keys(d.outcome.headers).slice(0, 10), ['host', 'x-request-id', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-scheme', 'x-scheme', 'x-original-forwarded-for']);
  assert.equal(d.outcome.headers['x-forwarded-for'], '10.244.0.0');
  assert.equal(d.outcome.headers['x-original-forwarded-for'], '1.2.3.4');
  assert.equal(d.outcome.headers['authorization'], undefined);
  assert.equal(d.responseHeaders['strict-transport-security'], 'max-age=31536000; includeSubDomains');
});

const exactFoo = ingress('exact', [{ host: 'h.exam.com', paths: [path('/foo', 'myapp-v1', 'Exact')] }], { created: 1 });
const regexOther = ingress('rx', [{ host: 'h.exam.com', paths: [path('/bar.+', 'myapp-v2')] }], { annotations: { 'use-regex': 'true' }, created: 2 });
const trailing = ingress('trail', [{ host: 'h.exam.com', paths: [path('/foo/', 'myapp-v1')] }]);
const older = ingress('older', [{ host: 'h.exam.com', paths: [path('/', 'myapp-v1')] }], { created: 1 });
const newer = ingress('newer', [{ host: 'h.exam.com', paths: [path('/', 'myapp-v2')] }], { created: 2 });
const weighted = ingress('w', [{ host: 'www.exam.com', paths: [path('/', 'myapp-v2')] }], { annotations: { canary: 'true', 'canary-weight': '10', 'canary-weight-total': '50' } });

const quirks: { name: string; ingresses: ReturnType<typeof ingress>[]; uri: string; draws?: number[]; status?: number; endpoint?: string; location?: string }[] = [
  { name: 'Exact /foo does not match /foobar on a plain host', ingresses: [exactFoo], uri: '/foobar', status: 404 },
  { name: 'regex mode (§15.1): Exact /foo becomes ~* "^/foo" and matches /foobar', ingresses: [exactFoo, regexOther], uri: '/foobar', endpoint: '10.244.1.10' },
  { name: 'Prefix /foo/ answers /foo with nginx 301 (§1.8)', ingresses: [trailing], uri: '/foo', status: 301, location: 'http://h.exam.com/foo/' },
  { name: 'same host+path: the oldest Ingress wins', ingresses: [newer, older], uri: '/', endpoint: '10.244.1.10' },
  { name: 'weight-total 50 is treated as 100 (§15.5): draw 11 > 10 → main', ingresses: [ingress7, weighted], uri: '/', draws: [11], endpoint: '10.244.1.10' },
  { name: 'weight 10: draw 10 → canary', ingresses: [ingress7, weighted], uri: '/', draws: [10], endpoint: '10.244.2.11' },
];
for (const q of quirks) {
  test(q.name, () => {
    const model = buildIngressModel(input(q.ingresses, V1));
    const host = q.ingresses[0]!.spec.rules![0]!.host!;
    const d = route(model, get(host, q.uri), fixedDraws(q.draws ?? []));
    if (q.status !== undefined) {
      assert.equal(d.outcome.kind === 'respond' ? d.outcome.response.status : 0, q.status, JSON.stringify(d.hops));
      if (q.location && d.outcome.kind === 'respond') assert.equal(d.outcome.response.headers['location'], q.location);
    } else {
      assert.equal(d.outcome.kind === 'proxy' ? d.outcome.endpoint.ip : JSON.stringify(d.hops), q.endpoint);
    }
  });
}

test('canary without endpoints has no balancer: traffic stays on the primary', () => {
  const model = buildIngressModel(input([ingress7, ingress8], { 'myapp-v1': ['10.244.1.10'], 'myapp-v2': [] }));
  const d = route(model, get('www.exam.com', '/', { version: '2' }), fixedDraws());
  assert.equal(d.outcome.kind === 'proxy' ? d.outcome.endpoint.ip : '', '10.244.1.10');
});

test('zero endpoints answer 503 before basic auth (§15.4)', () => {
  const model = buildIngressModel(input([ingress4], { 'myapp-v1': [] }, [auth]));
  const d = route(model, get('www.exam.com', '/', {}, 'https'), fixedDraws());
  assert.equal(d.outcome.kind === 'respond' ? d.outcome.response.status : 0, 503);
});
