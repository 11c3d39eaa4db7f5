import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { selectLocation, normaliseUri } from './match.ts';
import { buildIngressModel } from './model.ts';
import { route } from './route.ts';
import { applyRewrite } from './rewrite.ts';
import { fixedDraws, ingress, input, path } from './fixtures.ts';
import type { Location, Server } from './types.ts';
import { extractAnnotations } from './annotations/index.ts';
import { defaultControllerConfig } from './config.ts';

// An independent model of nginx location selection (reference §1.5): exact, remembered longest prefix,
// first matching regex in order, else the remembered prefix. No auto-redirect (kept out of the generated paths).
function referenceSelect(locations: { path: string; match: 'exact' | 'prefix' | 'regex' }[], uri: string): number {
  const exact = locations.findIndex((l) => l.match === 'exact' && l.path === uri);
  if (exact >= 0) return exact;
  let best = -1;
  locations.forEach((l, i) => {
    if (l.match === 'prefix' && uri.startsWith(l.path) && (best < 0 || l.path.length > locations[best]!.path.length)) best = i;
  });
  const rx = locations.findIndex((l) => l.match === 'regex' && new RegExp(`^${l.path}`, 'i').test(uri));
  return rx >= 0 ? rx : best;
}

const anns = extractAnnotations({ ingress: ingress('x', [{ paths: [path('/', 's')] }]), resolver: { secret: () => undefined, service: () => undefined }, config: defaultControllerConfig() }).annotations;
const segment = fc.constantFrom('a', 'b', 'ab', 'v1', 'app');
const pathArb = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);
const uriArb = fc.tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.boolean()).map(([s, slash]) => `/${s.join('/')}${slash && s.length > 0 ? '/' : ''}`);

test('selectLocation agrees with the reference model on exact/prefix/regex servers', () => {
  const locArb = fc.record({ path: pathArb, match: fc.constantFrom<'exact' | 'prefix' | 'regex'>('exact', 'prefix', 'regex') });
  fc.assert(fc.property(fc.array(locArb, { minLength: 1, maxLength: 6 }), uriArb, (locs, uri) => {
    // Prefix names end in "/" after expansion, except "/"; keep auto-redirect out by not asking for a name minus its slash.
    const rendered = locs.map((l) => ({ ...l, path: l.match === 'prefix' ? `${l.path}/` : l.path }));
    fc.pre(!rendered.some((l) => l.match !== 'regex' && l.path === `${uri}/`));
    const server: Server = { hostname: 'h', regexMode: false, locations: rendered.map((l): Location => ({ path: l.path, ingressPath: l.path, pathType: l.match === 'exact' ? 'Exact' : 'Prefix', match: l.match, backend: 'b', isDefBackend: false, annotations: anns })) };
    const got = selectLocation(server, uri);
    const want = referenceSelect(rendered, uri);
    if (want < 0) assert.equal(got.kind, 'none');
    else assert.equal(got.kind === 'location' ? server.locations.indexOf(got.location) : -2, want);
  }), { numRuns: 500 });
});

test('non-regex hosts follow the Kubernetes element-wise Prefix semantics (longest matching path wins)', () => {
  fc.assert(fc.property(fc.uniqueArray(pathArb, { minLength: 1, maxLength: 4 }), uriArb, (paths, uri) => {
    const services: Record<string, string[]> = {};
    paths.forEach((_, i) => { services[`svc${i}`] = [`10.244.1.${i + 1}`]; });
    const ing = ingress('p', [{ host: 'h.exam.com', paths: paths.map((p, i) => path(p, `svc${i}`)) }]);
    const model = buildIngressModel(input([ing], services));
    const d = route(model, { scheme: 'http', method: 'GET', uri, headers: { host: 'h.exam.com' }, remoteAddr: '10.0.0.1' }, fixedDraws());
    const matching = paths.map((p, i) => ({ p, i })).filter(({ p }) => uri === p || uri.startsWith(`${p}/`)).sort((a, b) => b.p.length - a.p.length);
    if (matching.length === 0) {
      assert.equal(d.outcome.kind, 'respond');
      if (d.outcome.kind === 'respond') assert.equal(d.outcome.response.status, 404);
    } else {
      assert.equal(d.outcome.kind, 'proxy', JSON.stringify(d.hops));
      if (d.outcome.kind === 'proxy') assert.equal(d.outcome.endpoint.ip, `10.244.1.${matching[0]!.i + 1}`);
    }
  }), { numRuns: 300 });
});

test('rewrite /x(/|$)(.*) → /$2 keeps the suffix and replaces the whole URI', () => {
  fc.assert(fc.property(fc.constantFrom('app', 'something'), fc.array(segment, { maxLength: 3 }), (prefix, rest) => {
    const uri = `/${prefix}/${rest.join('/')}`;
    const r = applyRewrite(`/${prefix}(/|$)(.*)`, '/$2', uri, '');
    assert.deepEqual(r, { kind: 'rewritten', uri: `/${rest.join('/')}`, args: '' });
  }));
});

const rewriteCases = [
  { name: '/v1 + / replaces everything', path: '/v1', target: '/', uri: '/v1/aaaa', args: 'x=1', want: { kind: 'rewritten', uri: '/', args: 'x=1' } },
  { name: 'capture $1', path: '/foo/bar/(.+)', target: '/new/backend/$1', uri: '/foo/bar/bar', args: '', want: { kind: 'rewritten', uri: '/new/backend/bar', args: '' } },
  { name: 'case-insensitive', path: '/v1', target: '/', uri: '/V1/x', args: '', want: { kind: 'rewritten', uri: '/', args: '' } },
  { name: 'no match', path: '/v1', target: '/', uri: '/v2', args: '', want: { kind: 'unchanged' } },
  { name: 'target with ? puts new args first', path: '/a', target: '/b?y=2', uri: '/a', args: 'x=1', want: { kind: 'rewritten', uri: '/b', args: 'y=2&x=1' } },
  { name: 'target ending in ? drops original args', path: '/a', target: '/b?', uri: '/a', args: 'x=1', want: { kind: 'rewritten', uri: '/b', args: '' } },
  { name: 'absolute target is a redirect', path: '/a', target: 'https://x.y/$1', uri: '/a', args: '', want: { kind: 'redirect', location: 'https://x.y/' } },
];
for (const c of rewriteCases) test(`rewrite: ${c.name}`, () => assert.deepEqual(applyRewrite(c.path, c.target, c.uri, c.args), c.want));

const uriCases = [
  { raw: '/a//b/./c/../d?x=1', want: '/a/b/d' },
  { raw: '/%61pp/', want: '/app/' },
  { raw: '/../x', want: undefined },
];
for (const c of uriCases) test(`normaliseUri ${c.raw}`, () => assert.equal(normaliseUri(c.raw), c.want));
