/** kube-apiserver as curl sees it through the kubernetes Service and on the node address (anonymous client). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSimulatedCluster } from '../../cluster/simulator/simulated-cluster.ts';

const cases: { name: string; command: string; exitCode: number; output: RegExp }[] = [
  { name: 'version is public (system:public-info-viewer)', command: 'curl -k https://10.96.0.1/version', exitCode: 0, output: /"gitVersion": "v1\.31\.0"/ },
  { name: 'healthz on the secure port of the node address', command: 'curl -k https://172.25.250.100:6443/healthz', exitCode: 0, output: /^ok$/ },
  { name: 'resources are forbidden to system:anonymous', command: 'curl -k https://10.96.0.1/api/v1/namespaces', exitCode: 0, output: /namespaces is forbidden: User \\"system:anonymous\\" cannot list resource \\"namespaces\\"/ },
  // The leaf is signed by the cluster CA, which the node's trust store does not hold (kubeadm serves no chain).
  { name: 'without -k curl cannot verify the kubeadm certificate', command: 'curl https://10.96.0.1', exitCode: 60, output: /SSL certificate problem: unable to get local issuer certificate/ },
  { name: 'plain HTTP to the TLS port is answered by a TLS-only server', command: 'curl -s -o /dev/null -w %{http_code} http://10.96.0.1:443/', exitCode: 0, output: /^400$/ },
];

for (const c of cases) {
  test(`kube-apiserver: ${c.name}`, async () => {
    await using cluster = createSimulatedCluster({ seed: 11 });
    const result = await cluster.run(c.command, { kind: 'node', node: 'k8s-node1' }, '/tmp');
    assert.equal(result.exitCode, c.exitCode, result.stderr);
    assert.match((result.stdout + result.stderr).trim(), c.output);
  });
}
