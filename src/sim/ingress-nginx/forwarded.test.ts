import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIngressModel } from './model.ts';
import { route, type IngressRequest } from './route.ts';
import { realIpFromForwardedFor } from './forwarded.ts';
import { fixedDraws, ingress, input, path } from './fixtures.ts';
import type { ConfigMap } from '../../model/core.ts';

const cm = (data: Record<string, string>): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, data });
const web = ingress('fh', [{ host: 'forwarded-headers', paths: [path('/', 'echo')] }]);
const tls = ingress('tls', [{ host: 'tls.test', paths: [path('/', 'echo')] }], { tls: [{ hosts: ['tls.test'] }] });
const CLIENT = { 'x-forwarded-port': '1234', 'x-forwarded-proto': 'myproto', 'x-forwarded-scheme': 'myproto', 'x-forwarded-for': '1.2.3.4', 'x-forwarded-host': 'myhost' };
const req = (host: string, headers: Record<string, string>, scheme: 'http' | 'https' = 'http'): IngressRequest => ({ scheme, method: 'GET', uri: '/', headers: { host, ...headers }, remoteAddr: '172.25.250.10' });

// realip with set_real_ip_from 0.0.0.0/0 and real_ip_recursive on (nginx ngx_http_get_forwarded_addr).
const realIp = [
  { name: 'no header', peer: '10.0.0.1', xff: undefined, want: '10.0.0.1' },
  { name: 'one hop', peer: '10.0.0.1', xff: '1.2.3.4', want: '1.2.3.4' },
  { name: 'every IPv4 hop is trusted: the leftmost wins', peer: '10.0.0.1', xff: '1.2.3.4, 5.6.7.8', want: '1.2.3.4' },
  { name: 'an unparsable hop stops the walk', peer: '10.0.0.1', xff: '1.2.3.4, junk, 5.6.7.8', want: '5.6.7.8' },
  { name: 'an unparsable last hop leaves the peer', peer: '10.0.0.1', xff: 'junk', want: '10.0.0.1' },
];
for (const c of realIp) test(`realip: ${c.name}`, () => assert.equal(realIpFromForwardedFor(c.peer, c.xff), c.want));

// e2e settings/forwarded_headers.go (controller-v1.11.2), both settings.
type Case = { name: string; data: Record<string, string>; headers: Record<string, string>; want: Record<string, string> };
const cases: Case[] = [
  { name: 'use-forwarded-headers true trusts the client', data: { 'use-forwarded-headers': 'true' }, headers: CLIENT,
    want: { host: 'myhost', 'x-forwarded-host': 'myhost', 'x-forwarded-proto': 'myproto', 'x-forwarded-scheme': 'myproto', 'x-forwarded-port': '1234', 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '1.2.3.4' } },
  { name: 'the first X-Forwarded-Host entry is the best host', data: { 'use-forwarded-headers': 'true' }, headers: { ...CLIENT, 'x-forwarded-host': 'myhost.com, another.host,example.net' },
    want: { host: 'myhost.com', 'x-forwarded-host': 'myhost.com' } },
  { name: 'default (false) ignores them', data: {}, headers: CLIENT,
    want: { host: 'forwarded-headers', 'x-forwarded-port': '80', 'x-forwarded-proto': 'http', 'x-forwarded-scheme': 'http', 'x-original-forwarded-for': '1.2.3.4', 'x-forwarded-for': '172.25.250.10' } },
];
for (const c of cases) test(`forwarded headers: ${c.name}`, () => {
  const model = buildIngressModel({ ...input([web], { echo: ['10.244.1.5'] }), configMap: cm(c.data) });
  const d = route(model, req('forwarded-headers', c.headers), fixedDraws());
  assert.equal(d.outcome.kind, 'proxy');
  if (d.outcome.kind !== 'proxy') return;
  for (const [k, v] of Object.entries(c.want)) assert.equal(d.outcome.headers[k], v, k);
});

// lua_ingress.lua redirect_to_https uses $pass_access_scheme and redirect_host(); e2e settings/tls.go.
const redirects: { name: string; data: Record<string, string>; headers: Record<string, string>; host: string; status: number | undefined; location: string | undefined }[] = [
  { name: 'default: plain HTTP to a TLS host → 308 without port', data: {}, headers: { 'x-forwarded-proto': 'https' }, host: 'tls.test:8080', status: 308, location: 'https://tls.test' },
  { name: 'X-Forwarded-Proto https suppresses the redirect', data: { 'use-forwarded-headers': 'true' }, headers: { 'x-forwarded-proto': 'https' }, host: 'tls.test', status: undefined, location: undefined },
  { name: 'X-Forwarded-Host with a port: port dropped', data: { 'use-forwarded-headers': 'true' }, headers: { 'x-forwarded-host': 'example.com:80' }, host: 'tls.test', status: 308, location: 'https://example.com' },
  { name: 'http-redirect-code 301 and ssl-redirect from the ConfigMap', data: { 'http-redirect-code': '301' }, headers: {}, host: 'tls.test', status: 301, location: 'https://tls.test' },
  { name: 'ssl-redirect "false" in the ConfigMap: no redirect', data: { 'ssl-redirect': 'false' }, headers: {}, host: 'tls.test', status: undefined, location: undefined },
  { name: 'Go ParseBool spelling "0" also turns it off', data: { 'ssl-redirect': '0' }, headers: {}, host: 'tls.test', status: undefined, location: undefined },
];
for (const c of redirects) test(`https redirect: ${c.name}`, () => {
  const model = buildIngressModel({ ...input([tls], { echo: ['10.244.1.5'] }), configMap: cm(c.data) });
  const d = route(model, req(c.host, c.headers), fixedDraws());
  if (c.status === undefined) return assert.equal(d.outcome.kind, 'proxy');
  assert.equal(d.outcome.kind, 'respond');
  if (d.outcome.kind !== 'respond') return;
  assert.equal(d.outcome.response.status, c.status);
  assert.equal(d.outcome.response.headers['location'], c.location);
});

test('hsts settings from the ConfigMap shape the header on HTTPS only', () => {
  const model = buildIngressModel({ ...input([tls], { echo: ['10.244.1.5'] }), configMap: cm({ 'hsts-max-age': '86400', 'hsts-include-subdomains': 'false', 'hsts-preload': 'true' }) });
  assert.equal(route(model, req('tls.test', {}, 'https'), fixedDraws()).responseHeaders['strict-transport-security'], 'max-age=86400; preload');
  const off = buildIngressModel({ ...input([tls], { echo: ['10.244.1.5'] }), configMap: cm({ hsts: 'false' }) });
  assert.equal(route(off, req('tls.test', {}, 'https'), fixedDraws()).responseHeaders['strict-transport-security'], undefined);
});
