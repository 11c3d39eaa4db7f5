import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../model/meta.ts';
import type { Job } from '../../model/batch.ts';
import { testSimulation } from './test-sim.ts';

function job(name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = { restartPolicy: 'Never' }, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], ...podSpec } }, ...spec },
  };
}

// SRC: batch/v1 defaults.go SetDefaults_Job and strategy.go generateSelector (v1.31), as `kubectl get job -o yaml` shows them.
test('Job create: defaults, the generated controller-uid selector and the job-name/controller-uid template labels', () => {
  const { api } = testSimulation();
  const cases = [
    { name: 'no completions/parallelism: both 1', input: job('pi'), spec: { completions: 1, parallelism: 1 }, jobLabels: 'template' },
    { name: 'parallelism only: completions stays unset', input: job('par', { parallelism: 3 }), spec: { completions: undefined, parallelism: 3 }, jobLabels: 'template' },
    { name: 'own Job labels are kept', input: job('own', {}, undefined, { team: 'a' }), spec: { completions: 1, parallelism: 1 }, jobLabels: 'own' },
  ];
  for (const c of cases) {
    const result = api.create(c.input);
    assert.ok(result.ok, c.name);
    const stored = result.object as Job;
    const uid = stored.metadata.uid!;
    const name = stored.metadata.name;
    assert.equal(stored.spec.completions, c.spec.completions, `${c.name}: completions`);
    assert.equal(stored.spec.parallelism, c.spec.parallelism, `${c.name}: parallelism`);
    assert.equal(stored.spec.backoffLimit, 6, c.name);
    assert.equal(stored.spec.completionMode, 'NonIndexed', c.name);
    assert.equal(stored.spec.suspend, false, c.name);
    assert.equal(stored.spec.manualSelector, false, c.name);
    assert.equal(stored.spec.podReplacementPolicy, 'TerminatingOrFailed', c.name);
    assert.deepEqual(stored.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }, `${c.name}: selector`);
    const expectedTemplate = { app: 'pi', 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
    assert.deepEqual(stored.spec.template.metadata?.labels, expectedTemplate, `${c.name}: template labels`);
    assert.deepEqual(stored.metadata.labels, c.jobLabels === 'own' ? { team: 'a' } : expectedTemplate, `${c.name}: Job labels`);
    assert.equal((stored.spec.template.spec as { dnsPolicy?: string }).dnsPolicy, 'ClusterFirst', `${c.name}: pod-spec defaults in the template`);
  }
});

// SRC: batch validation.go ValidateJob / ValidateJobSpecUpdate (v1.31).
test('Job validation: restart policy, negative counts, a selector that misses the template, immutable fields', () => {
  const { api } = testSimulation();
  const cases = [
    { name: 'restartPolicy defaults to Always', input: job('a', {}, {}), message: 'Job.batch "a" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"' },
    { name: 'negative parallelism', input: job('b', { parallelism: -1 }), message: 'Job.batch "b" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0' },
    { name: 'manual selector that does not match', input: job('c', { manualSelector: true, selector: { matchLabels: { app: 'other' } } }), message: 'Job.batch "c" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"pi"}: `selector` does not match template `labels`' },
  ];
  for (const c of cases) {
    const result = api.create(c.input);
    assert.ok(!result.ok, c.name);
    assert.equal(result.status.message, c.message, c.name);
  }
  const created = api.create(job('d'));
  assert.ok(created.ok);
  const changed = structuredClone(created.object) as Job;
  changed.spec.completions = 2;
  const update = api.update(changed as KubeObject);
  assert.ok(!update.ok, 'completions cannot change');
  assert.equal(update.status.message, 'Job.batch "d" is invalid: spec.completions: Invalid value: 2: field is immutable');
});
