/** Pod CREATE admission (serviceaccount, priority, defaulttolerationseconds plugins, v1.31) through the API server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testSimulation } from './test-sim.ts';
import { Simulation } from '../simulation.ts';
import type { Pod } from '../../model/core.ts';

const NOT_READY = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
// SRC: plugin/pkg/admission/serviceaccount/admission.go TokenVolumeSource (v1.31): defaultMode 0644, token 3607 s.
const PROJECTED = {
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
};
const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_NAME = /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

interface Case {
  name: string;
  spec: Record<string, unknown>;
  annotations?: Record<string, string>;
  /** ServiceAccounts to create first (name → automountServiceAccountToken). */
  accounts?: Record<string, boolean | undefined>;
  want?: Record<string, unknown>;
  /** Containers (by index, init containers first) expected to mount the token volume; undefined = no volume at all. */
  mounted?: boolean[];
  refused?: string;
}

const container = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'myapp:v1', ...extra });
const cases: Case[] = [
  {
    name: 'a bare pod gets the default account, the token volume, priority 0 and both tolerations',
    spec: {},
    want: { serviceAccountName: 'default', serviceAccount: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority', tolerations: [NOT_READY, UNREACHABLE] },
    mounted: [true],
  },
  { name: 'a named account that exists is kept and mirrored', spec: { serviceAccountName: 'ingress-nginx' }, accounts: { 'ingress-nginx': true }, want: { serviceAccountName: 'ingress-nginx', serviceAccount: 'ingress-nginx' }, mounted: [true] },
  {
    name: 'a named account that does not exist refuses the pod',
    spec: { serviceAccountName: 'ingress-nginx' },
    refused: 'pods "p" is forbidden: error looking up service account default/ingress-nginx: serviceaccount "ingress-nginx" not found',
  },
  { name: 'the pod opts out of automounting', spec: { automountServiceAccountToken: false }, want: { serviceAccountName: 'default' } },
  { name: 'the account opts out', spec: { serviceAccountName: 'quiet' }, accounts: { quiet: false } },
  { name: "the pod's choice beats the account's", spec: { serviceAccountName: 'quiet', automountServiceAccountToken: true }, accounts: { quiet: false }, mounted: [true] },
  {
    name: 'init containers first; a container with its own mount at the path is left alone',
    spec: { initContainers: [container('init')], containers: [container('a'), container('b', { volumeMounts: [{ name: 'mine', mountPath: MOUNT_PATH }] })], volumes: [{ name: 'mine', emptyDir: {} }] },
    mounted: [true, true, false],
  },
  {
    name: 'a mirror pod gets no account and no volume (priority and tolerations still apply)',
    spec: {}, annotations: { 'kubernetes.io/config.mirror': 'abc' },
    want: { serviceAccountName: undefined, priority: 0, tolerations: [NOT_READY, UNREACHABLE] },
  },
  { name: 'a mirror pod may not name an account', spec: { serviceAccountName: 'default' }, annotations: { 'kubernetes.io/config.mirror': 'abc' }, refused: 'pods "p" is forbidden: a mirror pod may not reference service accounts' },
  { name: 'a system priority class sets its value', spec: { priorityClassName: 'system-cluster-critical' }, want: { priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' }, mounted: [true] },
  {
    name: 'an own not-ready NoExecute toleration is kept, only unreachable is added',
    spec: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] },
    want: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }, UNREACHABLE] },
    mounted: [true],
  },
  { name: 'a toleration of every taint covers both', spec: { tolerations: [{ operator: 'Exists' }] }, want: { tolerations: [{ operator: 'Exists' }] }, mounted: [true] },
  {
    name: 'a NoSchedule toleration does not count',
    spec: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }] },
    want: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }, NOT_READY, UNREACHABLE] },
    mounted: [true],
  },
];

for (const c of cases) {
  test(`Pod admission: ${c.name}`, () => {
    const { api } = testSimulation();
    for (const [name, automount] of Object.entries(c.accounts ?? {})) {
      assert.ok(api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) }).ok);
    }
    const r = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(c.annotations ? { annotations: c.annotations } : {}) }, spec: { containers: [container('c')], ...c.spec } });
    if (c.refused) {
      assert.ok(!r.ok, 'refused');
      assert.equal(r.status.code, 403);
      assert.equal(r.status.reason, 'Forbidden');
      assert.equal(r.status.message, c.refused);
      return;
    }
    assert.ok(r.ok, r.ok ? '' : r.status.message);
    const spec = r.object.spec as Record<string, unknown>;
    for (const [key, value] of Object.entries(c.want ?? {})) assert.deepEqual(spec[key], value, key);
    const volumes = ((spec['volumes'] as { name: string; projected?: unknown }[] | undefined) ?? []).filter((v) => v.name.startsWith('kube-api-access-'));
    if (!c.mounted) return assert.deepEqual(volumes, []);
    assert.equal(volumes.length, 1);
    assert.match(volumes[0]!.name, VOLUME_NAME);
    assert.deepEqual(volumes[0]!.projected, PROJECTED);
    const all = [...((spec['initContainers'] as Record<string, unknown>[] | undefined) ?? []), ...(spec['containers'] as Record<string, unknown>[])];
    const mounts = all.map((ct) => ((ct['volumeMounts'] as Record<string, unknown>[] | undefined) ?? []).some((m) => m['name'] === volumes[0]!.name && m['readOnly'] === true && m['mountPath'] === MOUNT_PATH));
    assert.deepEqual(mounts, c.mounted);
  });
}

test('Pod admission: pods the ReplicaSet controller creates pass it too (one volume, kept across updates)', () => {
  const sim = new Simulation({ seed: 7 });
  const created = sim.api.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'howe' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'howe' } }, template: { metadata: { labels: { app: 'howe' } }, spec: { containers: [container('myapp')] } } },
  });
  assert.ok(created.ok);
  sim.settle();
  const pods = sim.store.list<Pod>('Pod', 'default');
  assert.equal(pods.length, 2);
  for (const pod of pods) {
    const spec = pod.spec as unknown as Record<string, unknown>;
    const volumes = spec['volumes'] as { name: string; projected: unknown }[];
    assert.equal(volumes.length, 1);
    assert.match(volumes[0]!.name, VOLUME_NAME);
    assert.deepEqual(volumes[0]!.projected, PROJECTED);
    assert.equal(spec['serviceAccountName'], 'default');
    assert.equal(pod.status?.phase, 'Running');
  }
  // CoreDNS pods: their own account and the system-cluster-critical priority.
  const coredns = sim.store.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
  assert.deepEqual(coredns.map((p) => [(p.spec as unknown as Record<string, unknown>)['serviceAccountName'], (p.spec as unknown as Record<string, unknown>)['priority']]), [['coredns', 2000000000], ['coredns', 2000000000]]);
  // The kube-apiserver mirror pod stays without an account or volume.
  const apiserver = sim.store.get<Pod>('Pod', 'kube-apiserver-k8s-master', 'kube-system')!.spec as unknown as Record<string, unknown>;
  assert.equal(apiserver['serviceAccountName'], undefined);
  assert.equal(apiserver['volumes'], undefined);
});
