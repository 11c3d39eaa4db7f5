/** Request paths of the simulated API server: apply outcomes, update immutability, patch, delete cascade, defaults, admission. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';
import { testSimulation } from './test-sim.ts';
import { renderFieldError } from './field-errors.ts';
import { LAST_APPLIED } from './apply.ts';

const howeSvc = (extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'howe', labels: { app: 'howe' } },
  spec: { type: 'NodePort', selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...extra },
});
const deployment = (replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'howe', labels: { app: 'howe' } },
  spec: { replicas, selector: { matchLabels: { app: 'howe' } }, template: { metadata: { labels: { app: 'howe' } }, spec: { containers: [{ name: 'myapp', image: 'myapp:v1' }] } } },
});

test('apply: created, then unchanged for the same manifest, configured after an edit', () => {
  const { api } = testSimulation();
  const outcomes = [deployment(2), deployment(2), deployment(3)].map((d) => {
    const r = api.apply(d);
    assert.ok(r.ok, r.ok ? '' : r.status.message);
    return r.outcome;
  });
  assert.deepEqual(outcomes, ['created', 'unchanged', 'configured']);
});

test('apply: a kubectl-generated manifest (creationTimestamp: null, strategy: {}, status: {}) re-applies as unchanged', () => {
  const { api } = testSimulation();
  // What `kubectl create deployment howe --image myapp:v1 --dry-run=client -o yaml` writes (the tutorial's howe.yml).
  const generated = (): KubeObject => {
    const d = deployment(2) as KubeObject & { spec: Record<string, unknown> };
    d.metadata = { ...d.metadata, creationTimestamp: null as unknown as string };
    (d.spec.template as { metadata: Record<string, unknown> }).metadata.creationTimestamp = null;
    d.spec.strategy = {};
    d.status = {};
    return d;
  };
  const outcomes = [generated(), generated()].map((d) => {
    const r = api.apply(d);
    assert.ok(r.ok, r.ok ? '' : r.status.message);
    return r.outcome;
  });
  assert.deepEqual(outcomes, ['created', 'unchanged']);
});

test('apply writes last-applied-configuration as kubectl does (sorted keys, namespace, empty annotations, newline)', () => {
  const { api } = testSimulation();
  const r = api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { b: '2', a: '1' } });
  assert.ok(r.ok);
  assert.equal(r.object.metadata.annotations?.[LAST_APPLIED], '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n');
});

test('re-applying the tutorial YAML without clusterIP/nodePort keeps the allocated values', () => {
  const { api } = testSimulation();
  const first = api.apply(howeSvc());
  assert.ok(first.ok);
  const before = (first.object as Service).spec;
  const again = api.apply(howeSvc());
  assert.ok(again.ok);
  assert.equal(again.outcome, 'unchanged');
  const edited = api.apply(howeSvc({ sessionAffinity: 'ClientIP' }));
  assert.ok(edited.ok);
  assert.equal(edited.outcome, 'configured');
  const after = (edited.object as Service).spec;
  assert.equal(after.clusterIP, before.clusterIP);
  assert.equal(after.ports![0]!.nodePort, before.ports![0]!.nodePort);
  assert.deepEqual(after.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
});

test('replace without clusterIP/nodePort keeps them too (patchAllocatedValues)', () => {
  const { api } = testSimulation();
  const first = api.create(howeSvc());
  assert.ok(first.ok);
  const replaced = api.update(howeSvc());
  assert.ok(replaced.ok, replaced.ok ? '' : replaced.status.message);
  assert.equal((replaced.object as Service).spec.clusterIP, (first.object as Service).spec.clusterIP);
  assert.equal((replaced.object as Service).spec.ports![0]!.nodePort, (first.object as Service).spec.ports![0]!.nodePort);
  assert.equal(replaced.object.metadata.resourceVersion, first.object.metadata.resourceVersion, 'a no-op update does not write');
});

const immutableCases = [
  { name: 'changing clusterIP', spec: { clusterIP: '10.96.0.99' }, want: 'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set' },
  { name: 'making it headless', spec: { type: 'ClusterIP', clusterIP: 'None' }, want: 'spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set' },
];
for (const c of immutableCases) {
  test(`update: ${c.name} is refused`, () => {
    const { api } = testSimulation();
    assert.ok(api.create(howeSvc({ type: 'ClusterIP' })).ok);
    const r = api.apply(howeSvc(c.spec));
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(r.status.causes?.map(renderFieldError).includes(c.want), JSON.stringify(r.status.causes));
  });
}

test('patch: strategic merges ports by number, merge replaces the list, json patch edits one field', () => {
  const { api } = testSimulation();
  assert.ok(api.create(howeSvc({ ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] })).ok);
  const ref = { kind: 'Service', name: 'howe', namespace: 'default' };
  const strategic = api.patch(ref, { spec: { ports: [{ port: 443, nodePort: 30443 }] } }, 'strategic');
  assert.ok(strategic.ok, strategic.ok ? '' : strategic.status.message);
  assert.deepEqual((strategic.object as Service).spec.ports!.map((p) => [p.name, p.port, p.nodePort === 30443]), [['http', 80, false], ['https', 443, true]]);
  const json = api.patch(ref, [{ op: 'replace', path: '/spec/type', value: 'LoadBalancer' }], 'json');
  assert.ok(json.ok);
  assert.equal((json.object as Service).spec.type, 'LoadBalancer');
  const merge = api.patch(ref, { spec: { ports: [{ name: 'web', port: 8080 }] } }, 'merge');
  assert.ok(merge.ok);
  assert.deepEqual((merge.object as Service).spec.ports!.map((p) => p.port), [8080]);
  const bad = api.patch(ref, [{ op: 'replace', path: '/spec/nothing', value: 1 }], 'json');
  assert.equal(bad.ok, false);
});

test('defaults of a Deployment as a v1.31 API server fills them', () => {
  const { api } = testSimulation();
  const d = deployment(2);
  (d.spec as { template: { spec: { containers: object[] } } }).template.spec.containers.push({ name: 'busy', image: 'busyboxplus', ports: [{ containerPort: 80 }] });
  const r = api.create(d);
  assert.ok(r.ok);
  const spec = r.object.spec as Record<string, any>;
  assert.deepEqual(spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.deepEqual([spec.revisionHistoryLimit, spec.progressDeadlineSeconds], [10, 600]);
  const pod = spec.template.spec;
  assert.deepEqual([pod.restartPolicy, pod.dnsPolicy, pod.terminationGracePeriodSeconds, pod.schedulerName], ['Always', 'ClusterFirst', 30, 'default-scheduler']);
  assert.deepEqual(pod.securityContext, {});
  assert.deepEqual(pod.containers.map((c: any) => c.imagePullPolicy), ['IfNotPresent', 'Always']);
  assert.equal(pod.containers[0].terminationMessagePath, '/dev/termination-log');
  assert.equal(pod.containers[1].ports[0].protocol, 'TCP');
  assert.equal(r.object.metadata.generation, 1);
  const scaled = api.apply(deployment(3));
  assert.ok(scaled.ok);
  assert.equal(scaled.object.metadata.generation, 2);
});

test('Deployment selector must match the template labels', () => {
  const { api } = testSimulation();
  const d = deployment(1);
  (d.spec as any).template.metadata.labels = { app: 'x' };
  const r = api.create(d);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.status.message, 'Deployment.apps "howe" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`');
});

test('Secret: stringData becomes base64 data, type Opaque', () => {
  const { api } = testSimulation();
  const r = api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'howe' } });
  assert.ok(r.ok);
  assert.deepEqual([r.object.type, r.object.data, r.object.stringData], ['Opaque', { user: 'aG93ZQ==' }, undefined]);
});

test('create: AlreadyExists, unknown kind, missing namespace, metadata stamps', () => {
  const { sim, api } = testSimulation();
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
  const created = api.create(cm);
  assert.ok(created.ok);
  assert.match(created.object.metadata.uid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(created.object.metadata.creationTimestamp, sim.clock.now().toISOString().replace('.000Z', 'Z'));
  const again = api.create(cm);
  assert.deepEqual(again.ok ? undefined : [again.status.reason, again.status.message], ['AlreadyExists', 'configmaps "c" already exists']);
  const crd = api.create({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'p' } });
  assert.deepEqual(crd.ok ? undefined : crd.status.reason, 'NotFound');
  const elsewhere = api.create({ ...cm, metadata: { name: 'c', namespace: 'nowhere' } });
  assert.deepEqual(elsewhere.ok ? undefined : elsewhere.status.message, 'namespaces "nowhere" not found');
});

test('dryRun validates and allocates but stores nothing', () => {
  const { sim, api } = testSimulation();
  const r = api.create(howeSvc(), { dryRun: true });
  assert.ok(r.ok);
  assert.equal((r.object as Service).spec.clusterIP, '10.96.0.0');
  assert.equal(sim.store.get('Service', 'howe', 'default'), undefined);
});

test('delete cascades through ownerReferences; deleting a namespace removes its objects', () => {
  const { sim, api } = testSimulation();
  const d = api.create(deployment(1));
  assert.ok(d.ok);
  const owner = (o: KubeObject) => [{ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true }];
  const rs = api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'howe-1', ownerReferences: owner(d.object) }, spec: { selector: { matchLabels: { app: 'howe' } }, template: { metadata: { labels: { app: 'howe' } }, spec: { containers: [{ name: 'a', image: 'myapp:v1' }] } } } });
  assert.ok(rs.ok);
  assert.ok(api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'howe-1-abcde', ownerReferences: owner(rs.object) }, spec: { containers: [{ name: 'a', image: 'myapp:v1' }] } }).ok);
  assert.ok(api.delete({ kind: 'Deployment', name: 'howe', namespace: 'default' }).ok);
  assert.deepEqual([sim.store.list('ReplicaSet').length, sim.store.list('Pod').length], [0, 0]);

  assert.ok(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } }).ok);
  assert.ok(api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'lab' } }).ok);
  assert.ok(api.delete({ kind: 'Namespace', name: 'lab' }).ok);
  assert.deepEqual(sim.store.list('ConfigMap', 'lab'), []);
  const missing = api.delete({ kind: 'Service', name: 'nope', namespace: 'default' });
  assert.deepEqual(missing.ok ? undefined : missing.status.message, 'services "nope" not found');
  const immortal = api.delete({ kind: 'Namespace', name: 'default' });
  assert.equal(immortal.ok ? undefined : immortal.status.reason, 'Forbidden');
});

test('admission webhooks run after validation on CREATE and UPDATE and can deny', () => {
  const { api } = testSimulation();
  const seen: string[] = [];
  api.addAdmission('validate.example', (req) => {
    seen.push(`${req.operation} ${req.object.kind}`);
    if (req.object.metadata.name === 'denied') {
      return { allowed: false, status: { code: 400, reason: 'BadRequest', message: 'admission webhook "validate.example" denied the request: no' } };
    }
    return { allowed: true, warnings: ['careful'] };
  });
  const ok = api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
  assert.deepEqual(ok.warnings, ['careful']);
  assert.ok(api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }).ok);
  assert.equal(api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }).ok, false);
  const denied = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'denied' } });
  assert.equal(denied.ok ? undefined : denied.status.reason, 'BadRequest');
  assert.deepEqual(seen, ['CREATE ConfigMap', 'UPDATE ConfigMap', 'CREATE ConfigMap']);
});
