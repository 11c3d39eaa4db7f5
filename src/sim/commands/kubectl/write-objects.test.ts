import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../../simulation.ts';
import { kubectl } from './kubectl.ts';

// Expected text: kubectl v1.31 apply.go Run (GetObjects error first, then one error per failed object),
// create.go RunCreate (one ContinueOnErrorVisitor: write errors in order, the files' mapping errors last),
// cli-runtime visitor.go (an unknown kind skips one document, a syntax error ends the file) and
// cmd/util/helpers.go checkErr (one error: its own form; several: StandardErrorMessage per line).
const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: c, image: myapp:v1}]\n`;
const badService = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 33333}]\n`;
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;
const foo = (name: string) => `apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: ${name}\n`;
const docs = (...d: string[]) => d.join('---\n');
const noMatch = (name: string, file: string) =>
  `resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first`;
const invalid = (verb: string, name: string, file: string) =>
  `Error from server (Invalid): error when ${verb} "${file}": Service "${name}" is invalid: spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767`;

function lab(files: Record<string, string>) {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubectl-write-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workdir, name), text);
  const run = (line: string) => kubectl(['kubectl', ...line.split(' ')], { sim, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin: '' });
  return { sim, run };
}

const cases: { name: string; files: Record<string, string>; lines: string[]; stdout: string | RegExp; stderr: string | RegExp; exitCode: number; stored?: string[]; absent?: string[] }[] = [
  {
    name: 'apply: an unknown kind does not stop the other documents',
    files: { 'f.yaml': docs(foo('foo'), deployment('d1')) },
    lines: ['apply -f f.yaml'],
    stdout: 'deployment.apps/d1 created\n',
    stderr: `error: ${noMatch('foo', 'f.yaml')}\n`,
    exitCode: 1,
    stored: ['Deployment/d1'],
  },
  {
    name: 'apply: the mapping error first, then every refused object in StandardErrorMessage form',
    files: { 'f.yaml': docs(badService('s1'), badService('s2'), foo('foo')) },
    lines: ['apply -f f.yaml'],
    stdout: '',
    stderr: `${noMatch('foo', 'f.yaml')}\n${invalid('creating', 's1', 'f.yaml')}\n${invalid('creating', 's2', 'f.yaml')}\n`,
    exitCode: 1,
  },
  {
    name: 'create: refused objects in order, the files\u2019 mapping errors last',
    files: { 'f.yaml': docs(badService('s1'), badService('s2'), foo('foo')) },
    lines: ['create -f f.yaml'],
    stdout: '',
    stderr: `${invalid('creating', 's1', 'f.yaml')}\n${invalid('creating', 's2', 'f.yaml')}\n${noMatch('foo', 'f.yaml')}\n`,
    exitCode: 1,
  },
  {
    name: 'apply: two unknown kinds alone print one per line without "error: "',
    files: { 'f.yaml': docs(foo('a'), foo('b')) },
    lines: ['apply -f f.yaml'],
    stdout: '',
    stderr: `${noMatch('a', 'f.yaml')}\n${noMatch('b', 'f.yaml')}\n`,
    exitCode: 1,
  },
  {
    name: 'apply: two unknown kinds and a refused object: the builder aggregate prints on one line',
    files: { 'f.yaml': docs(foo('a'), foo('b'), badService('s1')) },
    lines: ['apply -f f.yaml'],
    stdout: '',
    stderr: `[${noMatch('a', 'f.yaml')}, ${noMatch('b', 'f.yaml')}]\n${invalid('creating', 's1', 'f.yaml')}\n`,
    exitCode: 1,
  },
  {
    name: 'apply: a YAML syntax error ends the file; documents before it are applied, after it not',
    files: { 'f.yaml': docs(deployment('d1'), 'kind: Service\nmetadata: name: x\n', configMap('after')) },
    lines: ['apply -f f.yaml'],
    stdout: 'deployment.apps/d1 created\n',
    stderr: /^error: error parsing f\.yaml: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n$/,
    exitCode: 1,
    stored: ['Deployment/d1'],
    absent: ['ConfigMap/after'],
  },
  {
    name: 'apply -o yaml: several objects print once, as a v1 List with empty metadata',
    files: { 'f.yaml': docs(configMap('c1'), configMap('c2')) },
    lines: ['apply -f f.yaml -o yaml'],
    stdout: /^apiVersion: v1\nitems:\n- apiVersion: v1\n(.|\n)*    name: c1\n(.|\n)*    name: c2\n(.|\n)*kind: List\nmetadata: \{\}\n$/,
    stderr: '',
    exitCode: 0,
  },
  {
    name: 'apply -o yaml prints nothing when an object failed',
    files: { 'f.yaml': docs(configMap('c1'), badService('s1')) },
    lines: ['apply -f f.yaml -o yaml'],
    stdout: '',
    stderr: /^The Service "s1" is invalid/,
    exitCode: 1,
    stored: ['ConfigMap/c1'],
  },
  {
    name: 'create -o yaml prints each object, separated by ---',
    files: { 'f.yaml': docs(configMap('c1'), configMap('c2')) },
    lines: ['create -f f.yaml -o yaml --dry-run=client'],
    stdout: 'apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c1\n  namespace: default\n---\napiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c2\n  namespace: default\n',
    stderr: '',
    exitCode: 0,
  },
  {
    name: 'apply --dry-run=client of an existing object says configured, never unchanged',
    files: { 'f.yaml': configMap('c1') },
    lines: ['apply -f f.yaml', 'apply -f f.yaml --dry-run=client'],
    stdout: 'configmap/c1 configured (dry run)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    name: 'apply -o name: names only',
    files: { 'f.yaml': configMap('c1') },
    lines: ['apply -f f.yaml -o name'],
    stdout: 'configmap/c1\n',
    stderr: '',
    exitCode: 0,
  },
  { name: 'apply of an empty file', files: { 'f.yaml': '# nothing\n' }, lines: ['apply -f f.yaml'], stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 },
  { name: 'create of an empty file', files: { 'f.yaml': '---\n' }, lines: ['create -f f.yaml'], stdout: '', stderr: 'error: no objects passed to create\n', exitCode: 1 },
];

for (const c of cases) {
  test(`apply/create -f: ${c.name}`, async () => {
    const { sim, run } = lab(c.files);
    let last = await run(c.lines[0]!);
    for (const line of c.lines.slice(1)) last = await run(line);
    if (typeof c.stdout === 'string') assert.equal(last.stdout, c.stdout);
    else assert.match(last.stdout, c.stdout);
    if (typeof c.stderr === 'string') assert.equal(last.stderr, c.stderr);
    else assert.match(last.stderr, c.stderr);
    assert.equal(last.exitCode, c.exitCode);
    for (const ref of c.stored ?? []) assert.ok(sim.store.get(ref.split('/')[0]!, ref.split('/')[1]!, 'default'), `${ref} stored`);
    for (const ref of c.absent ?? []) assert.equal(sim.store.get(ref.split('/')[0]!, ref.split('/')[1]!, 'default'), undefined, `${ref} not stored`);
  });
}
