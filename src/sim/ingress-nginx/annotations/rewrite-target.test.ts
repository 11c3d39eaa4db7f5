import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rewriteTarget } from './rewrite-target.ts';
import { ctxWith } from './test-support.ts';

// SRC: rewrite/main.go: GetStringAnnotation; missing or empty (after trimming lines) → "" (no rewrite).
const cases = [
  { name: 'absent', anns: {}, value: '', warns: 0 },
  { name: 'slash', anns: { 'rewrite-target': '/' }, value: '/', warns: 0 },
  { name: 'capture', anns: { 'rewrite-target': '/$2' }, value: '/$2', warns: 0 },
  { name: 'blank is invalid content', anns: { 'rewrite-target': '  ' }, value: '', warns: 1 },
];
for (const c of cases) test(`rewrite-target: ${c.name}`, () => {
  const r = rewriteTarget.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
