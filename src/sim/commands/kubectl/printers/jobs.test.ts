/** `kubectl get jobs`: STATUS, COMPLETIONS and DURATION as printers.go printJob computes them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobPrinter } from './workloads.ts';
import type { Job } from '../../../../model/batch.ts';
import { ObjectStore } from '../../../store.ts';

const NOW = new Date('2024-09-06T06:30:00Z');
const at = (iso: string) => `2024-09-06T${iso}Z`;
const job = (spec: Partial<Job['spec']>, status: Job['status'] = {}, deleting = false): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'ingress-nginx-admission-create', namespace: 'ingress-nginx', creationTimestamp: at('06:25:00'), ...(deleting ? { deletionTimestamp: at('06:29:00') } : {}) },
  spec: { template: { spec: { containers: [{ name: 'create', image: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.3' }] } }, ...spec },
  status,
});
const done = (type: string) => ({ conditions: [{ type, status: 'True' as const }] });

const cases: { name: string; job: Job; row: string[] }[] = [
  { name: 'completed: succeeded/completions and completion − start', job: job({ completions: 1 }, { ...done('Complete'), startTime: at('06:25:00'), completionTime: at('06:25:07'), succeeded: 1 }), row: ['Complete', '1/1', '7s', '5m'] },
  { name: 'running: duration so far, 0 succeeded', job: job({ completions: 3 }, { startTime: at('06:28:00'), succeeded: 0 }), row: ['Running', '0/3', '2m', '5m'] },
  { name: 'no completions and parallelism 2: "of"', job: job({ parallelism: 2 }, { startTime: at('06:29:30') }), row: ['Running', '0/1 of 2', '30s', '5m'] },
  { name: 'not started: empty duration', job: job({ completions: 1 }), row: ['Running', '0/1', '', '5m'] },
  { name: 'Failed before Terminating, Terminating before Suspended', job: job({ completions: 1 }, done('Failed'), true), row: ['Failed', '0/1', '', '5m'] },
  { name: 'Terminating', job: job({ completions: 1 }, done('Suspended'), true), row: ['Terminating', '0/1', '', '5m'] },
  { name: 'Suspended', job: job({ completions: 1 }, done('Suspended')), row: ['Suspended', '0/1', '', '5m'] },
  { name: 'FailureTarget', job: job({ completions: 1 }, done('FailureTarget')), row: ['FailureTarget', '0/1', '', '5m'] },
];

for (const c of cases) {
  test(`job printer: ${c.name}`, () => {
    assert.deepEqual(jobPrinter.headers(false), ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    assert.deepEqual(jobPrinter.row(c.job, { now: NOW, wide: false, store: new ObjectStore().frozenView() }), ['ingress-nginx-admission-create', ...c.row]);
  });
}
