/** `kubectl create --save-config` records the manifest as apply would, so a later apply has nothing to change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSimulatedCluster } from '../../../cluster/simulator/simulated-cluster.ts';

const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lab\ndata:\n  b: "2"\n  a: "1"\n';

const cases = [
  // SRC: kubectl pkg/cmd/create/create.go (--save-config) + pkg/util/apply.go GetModifiedConfiguration (v1.31).
  { name: 'with --save-config: apply finds its own annotation and changes nothing', create: 'kubectl create -f lab.yaml --save-config', applied: 'configmap/lab unchanged', warning: false },
  // SRC: kubectl pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation (v1.31).
  { name: 'without it: apply warns that the annotation is missing and patches it in', create: 'kubectl create -f lab.yaml', applied: 'configmap/lab configured', warning: true },
];

for (const c of cases) {
  test(`kubectl create: ${c.name}`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubelab-save-config-'));
    writeFileSync(path.join(dir, 'lab.yaml'), manifest);
    await using cluster = createSimulatedCluster({ seed: 5 });
    const created = await cluster.run(c.create, { kind: 'host' }, dir);
    assert.equal(created.stdout, 'configmap/lab created\n');
    const applied = await cluster.run('kubectl apply -f lab.yaml', { kind: 'host' }, dir);
    assert.equal(applied.stdout.trim(), c.applied);
    assert.equal(/missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/.test(applied.stderr), c.warning);
  });
}
