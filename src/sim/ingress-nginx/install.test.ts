import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../../model/batch.ts';
import { createSimulatedCluster } from '../../cluster/simulator/simulated-cluster.ts';
import { CERTGEN_IMAGE } from './install.ts';

// The tutorial's `kubectl -n ingress-nginx get pods` after applying deploy.yaml (5.2.2), without the patch
// pod's restart (a race in the real cluster between the two Jobs, not modelled).
const POD_ROWS = [
  { name: /^ingress-nginx-admission-create-[bcdfghjklmnpqrstvwxz2456789]{5}$/, ready: '0/1', status: 'Completed', restarts: '0' },
  { name: /^ingress-nginx-admission-patch-[bcdfghjklmnpqrstvwxz2456789]{5}$/, ready: '0/1', status: 'Completed', restarts: '0' },
  { name: /^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}$/, ready: '1/1', status: 'Running', restarts: '0' },
];

test('install: the admission Jobs run kube-webhook-certgen to completion next to the controller', async () => {
  await using cluster = createSimulatedCluster({ seed: 4 });
  await cluster.configure({ ingressNginx: { serviceType: 'NodePort' } });
  const result = await cluster.run('kubectl -n ingress-nginx get pods', { kind: 'host' }, mkdtempSync(join(tmpdir(), 'kubelab-install-')));
  const [header, ...rows] = result.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/));
  assert.deepEqual(header, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.equal(rows.length, POD_ROWS.length, result.stdout);
  for (const [i, want] of POD_ROWS.entries()) {
    const [name, ready, status, restarts] = rows[i]!;
    assert.match(name!, want.name);
    assert.deepEqual([ready, status, restarts], [want.ready, want.status, want.restarts], name);
  }
  // SRC: deploy.yaml controller-v1.11.2 — kube-webhook-certgen create/patch, restartPolicy OnFailure.
  const jobs = [
    { name: 'ingress-nginx-admission-create', container: 'create', firstArg: 'create' },
    { name: 'ingress-nginx-admission-patch', container: 'patch', firstArg: 'patch' },
  ];
  for (const want of jobs) {
    const job = (await cluster.get('Job', want.name, 'ingress-nginx')) as Job | undefined;
    assert.ok(job, want.name);
    const container = job.spec.template.spec.containers[0]!;
    assert.deepEqual([container.name, container.image, (container as { args?: string[] }).args?.[0]], [want.container, CERTGEN_IMAGE, want.firstArg]);
    assert.equal(job.spec.template.spec.restartPolicy, 'OnFailure');
    assert.equal(job.metadata.labels?.['app.kubernetes.io/component'], 'admission-webhook');
    assert.equal(job.status?.succeeded, 1, `${want.name}: COMPLETIONS 1/1`);
    assert.ok(job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True'), `${want.name}: Complete`);
  }
});
