import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../../simulation.ts';
import { kubectl } from './kubectl.ts';

// kubectl get -f / delete -f build their objects with ContinueOnError (SRC: kubectl pkg/cmd/get/get.go Run,
// pkg/cmd/delete/delete.go DeleteResult/deleteResource; cli-runtime pkg/resource/visitor.go, v1.31): a bad
// document is reported (at the end, as CheckErr prints the aggregate) and the other documents are still used.
function lab(files: Record<string, string>) {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubectl-file-targets-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workdir, name), text);
  return (line: string) => kubectl(['kubectl', ...line.split(' ')], { sim, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin: '' });
}

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n`;
const UNKNOWN = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n';
const MAPPING = 'resource mapping not found for name: "w" namespace: "" from "f.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first';
const KUBERNETES_SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n';

const cases: { name: string; file: string; lines: string[]; stdout: string | RegExp; stderr: string; exitCode: number }[] = [
  {
    name: 'get -f: an unknown kind is reported after the found objects are printed',
    file: `${UNKNOWN}---\n${KUBERNETES_SVC}`,
    lines: ['get -f f.yaml -o name'],
    stdout: 'service/kubernetes\n', stderr: `error: ${MAPPING}\n`, exitCode: 1,
  },
  {
    name: 'get -f: a missing object is NotFound without the file name; the next document still prints',
    file: `apiVersion: v1\nkind: Service\nmetadata:\n  name: nope\n---\n${KUBERNETES_SVC}`,
    lines: ['get -f f.yaml'],
    stdout: /^NAME +TYPE +CLUSTER-IP .*\nkubernetes +ClusterIP +10\.96\.0\.1 /, stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1,
  },
  {
    name: 'get -f: one found object of one file prints as itself, not as a List',
    file: `${KUBERNETES_SVC}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nope\n`,
    lines: ['get -f f.yaml -o jsonpath={.kind}'],
    stdout: 'Service', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1,
  },
  {
    name: 'delete -f: a missing object names the file (AddSourceToErr) and the next one is deleted',
    file: `${deployment('nope')}---\n${deployment('howe')}`,
    lines: ['create deployment howe --image myapp:v1', 'delete -f f.yaml'],
    stdout: 'deployment.apps "howe" deleted\n', stderr: 'Error from server (NotFound): error when deleting "f.yaml": deployments.apps "nope" not found\n', exitCode: 1,
  },
  {
    name: 'delete -f: several errors print one per line (MultipleErrors), the stream error last',
    file: `${UNKNOWN}---\n${deployment('nope')}---\n${deployment('howe')}`,
    lines: ['create deployment howe --image myapp:v1', 'delete -f f.yaml'],
    stdout: 'deployment.apps "howe" deleted\n',
    stderr: `Error from server (NotFound): error when deleting "f.yaml": deployments.apps "nope" not found\n${MAPPING}\n`, exitCode: 1,
  },
  {
    name: 'delete -f --ignore-not-found: only the deletion',
    file: `${deployment('nope')}---\n${deployment('howe')}`,
    lines: ['create deployment howe --image myapp:v1', 'delete -f f.yaml --ignore-not-found'],
    stdout: 'deployment.apps "howe" deleted\n', stderr: '', exitCode: 0,
  },
  {
    name: 'delete -f of an empty file: No resources found',
    file: '',
    lines: ['delete -f f.yaml'],
    stdout: 'No resources found\n', stderr: '', exitCode: 0,
  },
];

for (const c of cases) {
  test(`-f ContinueOnError: ${c.name}`, async () => {
    const run = lab({ 'f.yaml': c.file });
    let last = await run(c.lines[0]!);
    for (const line of c.lines.slice(1)) last = await run(line);
    if (typeof c.stdout === 'string') assert.equal(last.stdout, c.stdout);
    else assert.match(last.stdout, c.stdout);
    assert.equal(last.stderr, c.stderr);
    assert.equal(last.exitCode, c.exitCode);
  });
}
