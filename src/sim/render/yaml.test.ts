import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toKubectlYaml, compareYamlKeys } from './yaml.ts';
import { toKubectlJson } from './json.ts';

const keyCases: { name: string; a: string; b: string; want: number }[] = [
  { name: 'alphabetical', a: 'apiVersion', b: 'kind', want: -1 },
  { name: 'prefix first', a: 'app', b: 'app.kubernetes.io/name', want: -1 },
  { name: 'digit runs compare numerically', a: 'a9', b: 'a10', want: -1 },
  { name: 'non-letter before letter', a: 'a-b', b: 'ab', want: -1 },
];
for (const c of keyCases) test(`compareYamlKeys: ${c.name}`, () => assert.equal(Math.sign(compareYamlKeys(c.a, c.b)), c.want));

test('YAML: sorted keys, unindented sequences, YAML 1.1 quoting', () => {
  const text = toKubectlYaml({
    spec: { containers: [{ name: 'myapp', image: 'myapp:v1', resources: {} }] },
    metadata: { name: 'howe', creationTimestamp: '2024-09-06T06:24:57Z', labels: { y: 'on' } },
    apiVersion: 'v1',
    kind: 'Pod',
  });
  assert.equal(
    text,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  creationTimestamp: "2024-09-06T06:24:57Z"',
      '  labels:',
      '    "y": "on"',
      '  name: howe',
      'spec:',
      '  containers:',
      '  - image: myapp:v1',
      '    name: myapp',
      '    resources: {}',
      '',
    ].join('\n'),
  );
});

test('JSON: four spaces, Go HTML escaping, sorted keys for server objects', () => {
  assert.equal(toKubectlJson({ b: '<none>', a: 1 }, { sortKeys: true }), '{\n    "a": 1,\n    "b": "\\u003cnone\\u003e"\n}\n');
  assert.equal(toKubectlJson({ kind: 'X', apiVersion: 'v1' }, { sortKeys: false }), '{\n    "kind": "X",\n    "apiVersion": "v1"\n}\n');
});
