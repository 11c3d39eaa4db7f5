import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../../simulation.ts';
import { kubectl } from './kubectl.ts';
import { assertGolden } from '../../render/golden.ts';

// One lab per test; commands run on k8s-master in a fresh work folder, as the tutorial does.
function lab(files: Record<string, string> = {}) {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubectl-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workdir, name), text);
  const run = (line: string, stdin = '') =>
    kubectl(['kubectl', ...line.split(' ')], { sim, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin });
  return { sim, workdir, run };
}
const golden = (name: string) => fileURLToPath(new URL(`testdata/${name}`, import.meta.url));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: timinglee
spec:
  replicas: 1
  selector: {matchLabels: {app: timinglee}}
  template:
    metadata: {labels: {app: timinglee}}
    spec:
      containers: [{name: myapp, image: myapp:v1}]
`;
const BAD_NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: timinglee-service
spec:
  type: NodePort
  selector: {app: timinglee}
  ports:
  - port: 80
    targetPort: 80
    nodePort: 33333
`;

// Expected text: tutorial transcripts (§二 create/expose --dry-run=client -o yaml, §4.3 the nodePort 33333 apply)
// and kubectl v1.31 sources cited in the implementation.
const goldenCases: { name: string; line: string; files?: Record<string, string> }[] = [
  { name: 'create-deployment-dry-run.yaml', line: 'create deployment howe --image myapp:v1 --replicas 2 --dry-run=client -o yaml' },
  { name: 'create-deployment-dry-run.json', line: 'create deployment howe --image myapp:v1 --replicas 2 --dry-run=client -o json' },
  { name: 'create-service-nodeport-dry-run.yaml', line: 'create service nodeport web --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml' },
  { name: 'run-dry-run.yaml', line: 'run test --image busyboxplus --restart=Never --dry-run=client -o yaml' },
];
for (const c of goldenCases) {
  test(`kubectl golden: ${c.name}`, async () => {
    const { run } = lab(c.files);
    const r = await run(c.line);
    assert.equal(r.exitCode, 0, r.stderr);
    assertGolden(golden(c.name), r.stdout, process.env);
  });
}

test('kubectl golden: expose --dry-run=client -o yaml takes the deployment selector and labels', async () => {
  const { run } = lab();
  assert.equal((await run('create deployment howe --image myapp:v1 --replicas 2')).stdout, 'deployment.apps/howe created\n');
  const r = await run('expose deployment howe --port 80 --target-port 80 --dry-run=client -o yaml');
  assert.equal(r.exitCode, 0, r.stderr);
  assertGolden(golden('expose-dry-run.yaml'), r.stdout, process.env);
});

test('kubectl golden: describe service', async () => {
  const { run, sim } = lab();
  await run('create deployment howe --image myapp:v1 --replicas 2');
  await run('expose deployment howe --port 80 --target-port 80 --type NodePort');
  sim.clock.advance(60_000);
  const r = await run('describe svc howe');
  assert.equal(r.exitCode, 0, r.stderr);
  assertGolden(golden('describe-service.txt'), r.stdout, process.env);
});

const outcomeCases: { name: string; lines: string[]; files: Record<string, string>; stdout: string; stderr: RegExp | string; exitCode: number }[] = [
  {
    name: 'multi-document apply: the valid object is created, the invalid one reported after it (tutorial §4.3)',
    files: { 'timinglee.yaml': `${BAD_NODEPORT}---\n${DEPLOYMENT}` },
    lines: ['apply -f timinglee.yaml'],
    stdout: 'deployment.apps/timinglee created\n',
    stderr: 'The Service "timinglee-service" is invalid: spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    exitCode: 1,
  },
  {
    name: 'server dry run suffix',
    files: { 'd.yaml': DEPLOYMENT },
    lines: ['apply -f d.yaml --dry-run=server'],
    stdout: 'deployment.apps/timinglee created (server dry run)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    name: 'client dry run suffix',
    files: { 'd.yaml': DEPLOYMENT },
    lines: ['apply -f d.yaml --dry-run=client'],
    stdout: 'deployment.apps/timinglee created (dry run)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    name: 'namespace mismatch applies nothing',
    files: { 'd.yaml': DEPLOYMENT.replace('name: timinglee\n', 'name: timinglee\n  namespace: a\n') },
    lines: ['apply -f d.yaml -n b'],
    stdout: '',
    stderr: `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`,
    exitCode: 1,
  },
  { name: 'unknown flag', files: {}, lines: ['get pods --foo'], stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 },
  { name: 'unknown shorthand', files: {}, lines: ['get pods -x'], stdout: '', stderr: "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n", exitCode: 1 },
  { name: 'unknown resource type', files: {}, lines: ['get foo'], stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 },
  { name: 'empty namespace listing goes to stderr', files: {}, lines: ['get pods'], stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 },
  { name: 'missing object', files: {}, lines: ['get svc nope'], stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 },
  { name: 'watch is rejected', files: {}, lines: ['get pods -w'], stdout: '', stderr: /--watch is not supported in a scenario/, exitCode: 1 },
  { name: '--context is rejected', files: {}, lines: ['get pods --context kind-x'], stdout: '', stderr: /--context is not supported/, exitCode: 1 },
  { name: 'edit explains the alternative', files: {}, lines: ['-n kube-system edit cm kube-proxy'], stdout: '', stderr: /kubectl -n kube-system patch cm kube-proxy/, exitCode: 1 },
  { name: 'invalid dry-run value', files: {}, lines: ['create deployment x --image myapp:v1 --dry-run=maybe'], stdout: '', stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n', exitCode: 1 },
  { name: 'kube-dns row (tutorial §4.1)', files: {}, lines: ['-n kube-system get svc --no-headers'], stdout: 'kube-dns   ClusterIP   10.96.0.10   <none>   53/UDP,53/TCP,9153/TCP   3d\n', stderr: '', exitCode: 0 },
  { name: 'scale', files: {}, lines: ['create deployment howe --image myapp:v1', 'scale deployment howe --replicas 3'], stdout: 'deployment.apps/howe scaled\n', stderr: '', exitCode: 0 },
  { name: 'delete line', files: {}, lines: ['create deployment howe --image myapp:v1', 'delete deployment howe'], stdout: 'deployment.apps "howe" deleted\n', stderr: '', exitCode: 0 },
  { name: 'patch no change', files: {}, lines: ['create service clusterip web --tcp=80', 'patch svc web -p {"spec":{"type":"ClusterIP"}}'], stdout: 'service/web patched (no change)\n', stderr: '', exitCode: 0 },
  { name: '-o name', files: {}, lines: ['get deploy -n kube-system -o name'], stdout: 'deployment.apps/coredns\n', stderr: '', exitCode: 0 },
  { name: 'version (v1.31 client and server)', files: {}, lines: ['version'], stdout: 'Client Version: v1.31.0\nKustomize Version: v5.4.2\nServer Version: v1.31.0\n', stderr: '', exitCode: 0 },
  { name: 'jsonpath', files: {}, lines: ['get svc kubernetes -o jsonpath={.spec.clusterIP}'], stdout: '10.96.0.1', stderr: '', exitCode: 0 },
];

for (const c of outcomeCases) {
  test(`kubectl: ${c.name}`, async () => {
    const { run } = lab(c.files);
    let last = await run(c.lines[0]!);
    for (const line of c.lines.slice(1)) last = await run(line);
    assert.equal(last.stdout, c.stdout);
    if (typeof c.stderr === 'string') assert.equal(last.stderr, c.stderr);
    else assert.match(last.stderr, c.stderr);
    assert.equal(last.exitCode, c.exitCode);
  });
}

test('kubectl: a second apply of the same manifest reports unchanged', async () => {
  const { run } = lab({ 'd.yaml': DEPLOYMENT });
  assert.equal((await run('apply -f d.yaml')).stdout, 'deployment.apps/timinglee created\n');
  assert.equal((await run('apply -f d.yaml')).stdout, 'deployment.apps/timinglee unchanged\n');
});

test('kubectl: deleting a DaemonSet pod gets it recreated (tutorial §3.1 kube-proxy restart)', async () => {
  const { run, sim } = lab();
  const before = sim.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'));
  const r = await run(`-n kube-system delete pods ${before[0]!.metadata.name}`);
  assert.equal(r.stdout, `pod "${before[0]!.metadata.name}" deleted\n`);
  const after = sim.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'));
  assert.equal(after.length, before.length);
  assert.ok(!after.some((p) => p.metadata.name === before[0]!.metadata.name));
});

test('kubectl: cluster-info lists CoreDNS and ends with the dump hint after a blank line', async () => {
  const { run } = lab();
  const r = await run('cluster-info');
  assert.match(r.stdout, /CoreDNS\x1b\[0m is running at \x1b\[0;33mhttps:\/\/172\.25\.250\.100:6443\/api\/v1\/namespaces\/kube-system\/services\/kube-dns:dns\/proxy/);
  assert.ok(r.stdout.endsWith("\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"));
});
