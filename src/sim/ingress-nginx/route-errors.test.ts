import { test } from 'node:test';
import assert from 'node:assert/strict';
import md5 from 'apache-md5';
import { buildIngressModel } from './model.ts';
import { route, type IngressRequest } from './route.ts';
import { fixedDraws, ingress, input, path, secret } from './fixtures.ts';

// default-backend + custom-http-errors: controller.go getBackendServers/shouldCreateUpstreamForLocationDefaultBackend,
// nginx.tmpl (custom-default-backend headers, CUSTOM_ERRORS), e2e annotations/default_backend.go (controller-v1.11.2).
const auth = secret('auth-web', { auth: `howe:${md5('redhat', '$apr1$1F6Ny7Nx$')}\n` });
const ing = (annotations: Record<string, string>, service = 'empty') => ingress('app', [{ host: 'app.test', paths: [path('/', service)] }], { annotations });
const req = (headers: Record<string, string> = {}): IngressRequest => ({ scheme: 'http', method: 'GET', uri: '/a?b=1', headers: { host: 'app.test', accept: 'text/html', ...headers }, remoteAddr: '10.244.0.0' });
const basicAuth = { 'auth-type': 'basic', 'auth-secret': 'auth-web', 'auth-realm': 'r' };

const cases: { name: string; annotations: Record<string, string>; service?: string; services: Record<string, string[]>; headers?: Record<string, string>; status?: number; backend?: string; xCode?: string; path?: string }[] = [
  { name: 'no endpoints, default-backend with endpoints → proxied there with X-Code 503', annotations: { 'default-backend': 'errors' }, services: { empty: [], errors: ['10.244.2.9'] }, backend: 'custom-default-backend-default-errors', xCode: '503', path: '/a?b=1' },
  { name: 'no endpoints, default-backend also empty → 503', annotations: { 'default-backend': 'errors' }, services: { empty: [], errors: [] }, status: 503 },
  { name: 'no endpoints, no annotation → 503', annotations: {}, services: { empty: [] }, status: 503 },
  { name: 'service with endpoints: the annotation alone changes nothing', annotations: { 'default-backend': 'errors' }, service: 'web', services: { web: ['10.244.1.5'], errors: ['10.244.2.9'] }, backend: 'default-web-80', xCode: undefined },
  { name: 'auth still runs on the custom default backend (no credentials → 401)', annotations: { 'default-backend': 'errors', ...basicAuth }, services: { empty: [], errors: ['10.244.2.9'] }, status: 401 },
  { name: 'custom-http-errors 503 without default-backend → the default server answers 404', annotations: { 'custom-http-errors': '503' }, services: { empty: [] }, status: 404 },
  { name: 'custom-http-errors 401 with default-backend → error location with X-Code 401, path /', annotations: { 'custom-http-errors': '401', 'default-backend': 'errors', ...basicAuth }, service: 'web', services: { web: ['10.244.1.5'], errors: ['10.244.2.9'] }, backend: 'custom-default-backend-default-errors', xCode: '401', path: '/?b=1' },
  { name: 'custom-http-errors not listing 401 → plain 401', annotations: { 'custom-http-errors': '404', 'default-backend': 'errors', ...basicAuth }, service: 'web', services: { web: ['10.244.1.5'], errors: ['10.244.2.9'] }, status: 401 },
];
for (const c of cases) test(`route errors: ${c.name}`, () => {
  const model = buildIngressModel(input([ing(c.annotations, c.service)], c.services, [auth]));
  const d = route(model, req(c.headers), fixedDraws());
  if (c.status !== undefined) {
    assert.equal(d.outcome.kind, 'respond', JSON.stringify(d.hops));
    if (d.outcome.kind === 'respond') assert.equal(d.outcome.response.status, c.status);
    return;
  }
  assert.equal(d.outcome.kind, 'proxy', JSON.stringify(d.hops));
  if (d.outcome.kind !== 'proxy') return;
  assert.equal(d.outcome.backend, c.backend);
  assert.equal(d.outcome.headers['x-code'], c.xCode);
  if (c.path) assert.equal(d.outcome.path, c.path);
  if (c.xCode) {
    assert.equal(d.outcome.headers['x-format'], 'text/html');
    assert.equal(d.outcome.headers['x-namespace'], 'default');
    assert.equal(d.outcome.headers['x-ingress-name'], 'app');
    assert.equal(d.outcome.headers['x-service-port'], '80');
  }
});

test('the error location has no Lua header filter: no HSTS on an intercepted HTTPS answer', () => {
  const model = buildIngressModel(input([ing({ 'custom-http-errors': '503', 'default-backend': 'errors' })], { empty: [], errors: [] }));
  const d = route(model, { ...req(), scheme: 'https' }, fixedDraws());
  assert.equal(d.outcome.kind, 'respond');
  if (d.outcome.kind === 'respond') assert.equal(d.outcome.response.headers['strict-transport-security'], undefined);
});
