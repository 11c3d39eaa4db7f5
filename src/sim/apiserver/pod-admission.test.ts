/** Pod CREATE admission (serviceaccount, priority, defaulttolerationseconds plugins, v1.31) through the API server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testSimulation } from './test-sim.ts';

const NOT_READY = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

const cases: { name: string; spec: Record<string, unknown>; want: Record<string, unknown> }[] = [
  {
    name: 'a bare pod gets the default account, priority 0 and both tolerations',
    spec: {},
    want: { serviceAccountName: 'default', serviceAccount: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority', tolerations: [NOT_READY, UNREACHABLE] },
  },
  {
    name: 'a named account is kept and mirrored',
    spec: { serviceAccountName: 'ingress-nginx' },
    want: { serviceAccountName: 'ingress-nginx', serviceAccount: 'ingress-nginx' },
  },
  {
    name: 'an own not-ready NoExecute toleration is kept, only unreachable is added',
    spec: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] },
    want: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }, UNREACHABLE] },
  },
  {
    name: 'a toleration of every taint covers both',
    spec: { tolerations: [{ operator: 'Exists' }] },
    want: { tolerations: [{ operator: 'Exists' }] },
  },
  {
    name: 'a NoSchedule toleration does not count',
    spec: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }] },
    want: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }, NOT_READY, UNREACHABLE] },
  },
];

for (const c of cases) {
  test(`Pod admission: ${c.name}`, () => {
    const { api } = testSimulation();
    const r = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'myapp:v1' }], ...c.spec } });
    assert.ok(r.ok, r.ok ? '' : r.status.message);
    const spec = r.object.spec as Record<string, unknown>;
    for (const [key, value] of Object.entries(c.want)) assert.deepEqual(spec[key], value, key);
  });
}
