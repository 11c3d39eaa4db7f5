import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../../../simulation.ts';
import { kubectl } from '../kubectl.ts';
import { assertGolden } from '../../../render/golden.ts';
import { DescribeWriter } from './describe-text.ts';
import { qosClass, writeTolerations } from './containers.ts';
import type { Container } from '../../../../model/core.ts';

// Layout checked against kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.31) describePod,
// describeContainers, describeDeployment/DescribePodTemplate, describeNode/describeNodeResource; the pod's
// tolerations are the two DefaultTolerationSeconds admission adds (300 s), its volume the ServiceAccount admission's.
async function describe(what: (pod: string) => string) {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubectl-describe-'));
  const run = (line: string) => kubectl(['kubectl', ...line.split(' ')], { sim, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin: '' });
  assert.equal((await run('create deployment howe --image myapp:v1 --replicas 1 --port 80')).exitCode, 0);
  sim.clock.advance(60_000);
  const r = await run(what(sim.store.list('Pod', 'default')[0]!.metadata.name));
  assert.equal(r.exitCode, 0, r.stderr);
  return r.stdout;
}
const golden = (name: string) => fileURLToPath(new URL(`testdata/${name}`, import.meta.url));

const goldenCases: { name: string; line: (pod: string) => string }[] = [
  { name: 'describe-pod.txt', line: (pod) => `describe pod ${pod}` },
  { name: 'describe-deployment.txt', line: () => 'describe deployment howe' },
  { name: 'describe-node.txt', line: () => 'describe node k8s-node1' },
];
for (const c of goldenCases) {
  test(`describe golden: ${c.name}`, async () => assertGolden(golden(c.name), await describe(c.line), process.env));
}

test('describe pod: default tolerations, BestEffort, container state and the Conditions block', async () => {
  const text = await describe((pod) => `describe pod ${pod}`);
  assert.match(text, /\nTolerations: +node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n +node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s\n/);
  assert.match(text, /\nQoS Class: +BestEffort\n/);
  assert.match(text, /\n    State: +Running\n      Started: +\w{3}, /);
  // ServiceAccount admission's projected volume (describe.go printProjectedVolumeSource), mounted read-only.
  assert.match(text, /\n      \/var\/run\/secrets\/kubernetes\.io\/serviceaccount from (kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}) \(ro\)\n/);
  assert.match(text, /\nVolumes:\n  kube-api-access-\w{5}:\n    Type: +Projected \(a volume that contains injected data from multiple sources\)\n    TokenExpirationSeconds: +3607\n    ConfigMapName: +kube-root-ca\.crt\n    ConfigMapOptional: +<nil>\n    DownwardAPI: +true\n/);
});

const tolerationCases: { name: string; tolerations: Record<string, unknown>[]; want: string }[] = [
  { name: 'none', tolerations: [], want: 'Tolerations:  <none>\n' },
  { name: 'sorted by key, value and effect', tolerations: [{ key: 'b', operator: 'Equal', value: 'v', effect: 'NoSchedule' }, { key: 'a', operator: 'Exists' }], want: 'Tolerations:  a op=Exists\n              b=v:NoSchedule\n' },
  { name: 'tolerate everything', tolerations: [{ operator: 'Exists' }], want: 'Tolerations:  op=Exists\n' },
];
for (const c of tolerationCases) {
  test(`printTolerationsMultiline: ${c.name}`, () => {
    const w = new DescribeWriter();
    writeTolerations(w, 'Tolerations', c.tolerations);
    assert.equal(w.toString(), c.want);
  });
}

const container = (resources?: Record<string, Record<string, string>>): Container => ({ name: 'c', image: 'i', ...(resources ? { resources } : {}) }) as Container;
const qosCases: { name: string; containers: Container[]; want: string }[] = [
  { name: 'no requests or limits', containers: [container()], want: 'BestEffort' },
  { name: 'limits only (requests default to them)', containers: [container({ limits: { cpu: '1', memory: '1Gi' } })], want: 'Guaranteed' },
  { name: 'requests below limits', containers: [container({ requests: { cpu: '500m' }, limits: { cpu: '1', memory: '1Gi' } })], want: 'Burstable' },
  { name: 'one container without resources', containers: [container({ limits: { cpu: '1', memory: '1Gi' } }), container()], want: 'Burstable' },
];
for (const c of qosCases) {
  test(`QoS class: ${c.name}`, () => assert.equal(qosClass(c.containers, undefined), c.want));
}
