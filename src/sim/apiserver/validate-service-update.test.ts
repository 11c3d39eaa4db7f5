/** ValidateServiceUpdate rules through the update path (SRC: kubernetes pkg/apis/core/validation/validation.go, v1.31). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';
import { testSimulation } from './test-sim.ts';
import { renderFieldError } from './field-errors.ts';

const lb = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
});

const cases: { name: string; first: Record<string, unknown>; second: (stored: Service) => Record<string, unknown>; want: string[] | 'ok' }[] = [
  {
    name: 'changing healthCheckNodePort of an LB + Local service',
    first: { externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 },
    second: () => ({ externalTrafficPolicy: 'Local', healthCheckNodePort: 30101 }),
    want: ['spec.healthCheckNodePort: Forbidden: field is immutable'],
  },
  {
    name: 'omitting healthCheckNodePort keeps the allocated one (patchAllocatedValues)',
    first: { externalTrafficPolicy: 'Local' },
    second: () => ({ externalTrafficPolicy: 'Local' }),
    want: 'ok',
  },
  {
    name: 'setting it back to the stored value is no change',
    first: { externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 },
    second: (stored) => ({ externalTrafficPolicy: 'Local', healthCheckNodePort: stored.spec.healthCheckNodePort }),
    want: 'ok',
  },
  {
    name: 'leaving Local drops the healthCheckNodePort',
    first: { externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 },
    second: () => ({ externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30100 }),
    want: 'ok',
  },
];

for (const c of cases) {
  test(`Service update: ${c.name}`, () => {
    const { api } = testSimulation();
    const created = api.create(lb(c.first));
    assert.ok(created.ok, created.ok ? '' : created.status.message);
    const r = api.update(lb(c.second(created.object as Service)));
    if (c.want === 'ok') {
      assert.ok(r.ok, r.ok ? '' : r.status.message);
      return;
    }
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual([r.status.code, r.status.reason], [422, 'Invalid']);
    assert.deepEqual((r.status.causes ?? []).map(renderFieldError), c.want);
  });
}

test('leaving Local releases the healthCheckNodePort field', () => {
  const { api } = testSimulation();
  assert.ok(api.create(lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 })).ok);
  const r = api.update(lb({ externalTrafficPolicy: 'Cluster' }));
  assert.ok(r.ok, r.ok ? '' : r.status.message);
  assert.equal((r.object as Service).spec.healthCheckNodePort, undefined);
});
