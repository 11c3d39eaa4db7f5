/** Manifest parsing as kubectl apply -f reads files: documents, lists, YAML errors with positions, unknown kinds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceRegistry } from '../kinds.ts';
import { parseManifests } from './parse.ts';

const resources = new ResourceRegistry();

test('documents: leading ---, comments, empty documents and a List are flattened in order', () => {
  const text = '---\n# the app\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: howe\n---\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: howe\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n';
  const r = parseManifests(text, 'howe.yml', resources);
  assert.ok(r.ok);
  assert.deepEqual(r.objects.map((o) => `${o.kind}/${o.metadata.name}`), ['Deployment/howe', 'Service/howe', 'ConfigMap/c']);
});

// kubectl prints go-yaml's line only (no column): 1-based for scanner errors, the line above for parser errors,
// counted inside the chunk YAMLReader cut (a leading `---` belongs to the first chunk).
const errorCases: { name: string; text: string; want: string; at?: { line: number; column: number } }[] = [
  {
    name: 'flattened blog YAML: mapping values not allowed (scanner error: its own line)',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: howe\nspec:\n  type: NodePort\n  selector: app: howe\n',
    want: 'error: error parsing howe.yml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context',
    at: { line: 7, column: 13 },
  },
  {
    name: 'line counted inside the second document',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata: name: b\n',
    want: 'error: error parsing howe.yml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    at: { line: 8, column: 11 },
  },
  {
    name: 'a leading --- stays in the first chunk',
    text: '---\napiVersion: v1\nkind: Service\nmetadata: name: b\n',
    want: 'error: error parsing howe.yml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
  },
  {
    name: 'tab indentation',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n',
    want: 'error: error parsing howe.yml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  },
  {
    name: 'mis-indented key: a parser error names the line above',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n labels: {}\n',
    want: 'error: error parsing howe.yml: error converting YAML to JSON: yaml: line 4: did not find expected key',
    at: { line: 5, column: 1 },
  },
  {
    name: 'kind and apiVersion missing',
    text: 'metadata:\n  name: x\n',
    want: 'error: error validating "howe.yml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
  },
  {
    name: 'kind missing',
    text: 'apiVersion: v1\nmetadata:\n  name: x\n',
    want: 'error: error validating "howe.yml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
  },
  {
    name: 'CRD not installed',
    text: 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: first-pool\n  namespace: metallb-system\n',
    want: 'error: resource mapping not found for name: "first-pool" namespace: "metallb-system" from "howe.yml": no matches for kind "IPAddressPool" in version "metallb.io/v1beta1"\nensure CRDs are installed first',
  },
  {
    name: 'wrong version of a known kind',
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: x\n',
    want: 'error: resource mapping not found for name: "x" namespace: "" from "howe.yml": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first',
  },
];
for (const c of errorCases) {
  test(`parse error: ${c.name}`, () => {
    const r = parseManifests(c.text, 'howe.yml', resources);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.message, c.want);
    if (c.at) assert.deepEqual(r.at, c.at);
  });
}

test('YAML 1.1 scalars as go-yaml reads them; dates stay strings', () => {
  const r = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    when: 2024-09-06\ndata:\n  on: yes\n', 'c.yml', resources);
  assert.ok(r.ok);
  assert.equal(r.objects[0]!.metadata.annotations?.when, '2024-09-06');
  assert.deepEqual(r.objects[0]!.data, { true: true });
});
