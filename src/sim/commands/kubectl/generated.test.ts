/** Generator commands take exactly one NAME (cmdutil.NameFromCommandArgs, kubectl v1.31). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulatedCluster } from '../../../cluster/simulator/simulated-cluster.ts';

const cases = [
  { command: 'kubectl create namespace', got: 0, path: 'create namespace' },
  { command: 'kubectl create namespace a b', got: 2, path: 'create namespace' },
  { command: 'kubectl create deployment --image myapp:v1', got: 0, path: 'create deployment' },
  { command: 'kubectl create service nodeport a b --tcp 80:80', got: 2, path: 'create service nodeport' },
  { command: 'kubectl create secret generic --from-literal a=b', got: 0, path: 'create secret generic' },
  { command: "kubectl create ingress a b --rule '*/=svc:80'", got: 2, path: 'create ingress' },
];

for (const c of cases) {
  test(`${c.command}: exactly one NAME`, async () => {
    await using cluster = createSimulatedCluster({ seed: 3 });
    const result = await cluster.run(c.command, { kind: 'host' }, '/tmp');
    assert.equal(result.exitCode, 1);
    assert.equal(result.stderr, `error: exactly one NAME is required, got ${c.got}\nSee 'kubectl ${c.path} -h' for help and examples\n`);
  });
}
