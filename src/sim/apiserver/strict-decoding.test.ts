/** Server-side field validation: Strict create/update/apply/patch errors, Warn warnings, unknown fields never stored. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../model/meta.ts';
import { testSimulation } from './test-sim.ts';
import { kubectlErrorText } from './kubectl-errors.ts';
import { goFormatValue } from './strict-decoding.ts';

const svc = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  ...extra,
});
const deploy = (container: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'myapp:v1', ...container }] } }, ...spec },
});

// Real kubectl v1.31 output for these bodies (format as reported by users: kubernetes issues and blog posts, e.g.
// `Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rules[0]…"`).
const createCases: { name: string; obj: KubeObject; want: string }[] = [
  {
    name: 'unknown spec field of a Service',
    obj: svc({ foo: 1 }),
    want: 'Error from server (BadRequest): error when creating "x.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"',
  },
  {
    name: 'several, in sorted-key order, with list indexes',
    obj: deploy({ imagee: 'x', ports: [{ containerPort: 80, proto: 'TCP' }] }, { replicass: 2 }),
    want: 'Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass", unknown field "spec.template.spec.containers[0].imagee", unknown field "spec.template.spec.containers[0].ports[0].proto"',
  },
  {
    name: 'top-level and metadata fields',
    obj: svc({}, { metadata: { name: 'web', label: { a: 'b' } }, specs: {} }),
    want: 'Error from server (BadRequest): error when creating "x.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "metadata.label", unknown field "specs"',
  },
];
for (const c of createCases) {
  test(`Strict create: ${c.name}`, () => {
    const { sim, api } = testSimulation();
    const r = api.create(c.obj);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual([r.status.code, r.status.reason], [400, 'BadRequest']);
    assert.equal(kubectlErrorText(r.status, { operation: 'creating', source: 'x.yaml' }), c.want);
    assert.equal(sim.store.list(c.obj.kind).length, 0);
  });
}

test('Strict is checked before the namespace exists (decode comes first)', () => {
  const { api } = testSimulation();
  const r = api.apply(svc({ foo: 1 }, { metadata: { name: 'web', namespace: 'nowhere' } }));
  assert.equal(r.ok ? '' : r.status.reason, 'BadRequest');
});

test('apply onto an existing object: a 422 PATCH error kubectl prints as "The request is invalid"', () => {
  const { api } = testSimulation();
  assert.ok(api.apply(svc({})).ok);
  const r = api.apply(svc({ foo: 1 }));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual([r.status.code, r.status.reason], [422, 'Invalid']);
  const text = kubectlErrorText(r.status, { operation: 'applying', source: 'x.yaml' });
  assert.match(text, /^The request is invalid: patch: Invalid value: "map\[.* spec:map\[foo:1 .*\]\]": strict decoding error: unknown field "spec\.foo"$/);
});

test('Warn (kubectl patch, no fieldValidation): the field is dropped with a warning', () => {
  const { api } = testSimulation();
  assert.ok(api.create(svc({})).ok);
  const r = api.patch({ kind: 'Service', name: 'web', namespace: 'default' }, { spec: { foo: 1, type: 'NodePort' } }, 'strategic');
  assert.ok(r.ok, r.ok ? '' : r.status.message);
  assert.deepEqual(r.warnings, ['unknown field "spec.foo"']);
  assert.equal((r.object.spec as Record<string, unknown>).foo, undefined);
  assert.equal((r.object.spec as Record<string, unknown>).type, 'NodePort');
});

test('Ignore (--validate=false): stored without the field, no warning', () => {
  const { api } = testSimulation();
  const r = api.create(svc({ foo: 1 }), { fieldValidation: 'Ignore' });
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  assert.equal('foo' in (r.object.spec as object), false);
});

test('known fields pass: a full tutorial Deployment and free-form maps (labels, selector, data)', () => {
  const { api } = testSimulation();
  const d = deploy({ ports: [{ containerPort: 80, name: 'http' }], resources: { limits: { cpu: '1' } }, readinessProbe: { httpGet: { path: '/', port: 80 } } }, { strategy: { rollingUpdate: { maxSurge: 1 } } });
  assert.ok(api.create(d).ok);
  assert.ok(api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'any-key': 'v' } }, data: { 'anything.conf': 'x' } }).ok);
});

test("Go's %+v of a patch map: sorted keys, nested maps and lists, integers", () => {
  assert.equal(goFormatValue({ spec: { ports: [{ port: 80, name: 'a' }], foo: true }, a: null }), 'map[a:<nil> spec:map[foo:true ports:[map[name:a port:80]]]]');
});
