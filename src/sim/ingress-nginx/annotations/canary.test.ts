import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canary } from './canary.ts';
import { ctxWith } from './test-support.ts';

// canary/main.go Parse: fallbacks per field; settings without canary "true" → ordinary Ingress.
const cases = [
  { name: 'absent', anns: {}, enabled: false, weight: 0, total: 100, warns: 0 },
  { name: 'tutorial header canary', anns: { canary: 'true', 'canary-by-header': 'version', 'canary-by-header-value': '2' }, enabled: true, weight: 0, total: 100, warns: 0 },
  { name: 'tutorial weight canary', anns: { canary: 'true', 'canary-weight': '10', 'canary-weight-total': '100' }, enabled: true, weight: 10, total: 100, warns: 0 },
  { name: 'weight without canary: true → ordinary', anns: { 'canary-weight': '10' }, enabled: false, weight: 0, total: 100, warns: 1 },
  { name: 'bad weight → 0', anns: { canary: 'true', 'canary-weight': 'ten' }, enabled: true, weight: 0, total: 100, warns: 1 },
];
for (const c of cases) test(`canary: ${c.name}`, () => {
  const r = canary.parse(ctxWith(c.anns));
  assert.equal(r.value.enabled, c.enabled);
  assert.equal(r.value.weight, c.weight);
  assert.equal(r.value.weightTotal, c.total);
  assert.equal(r.warnings.length, c.warns);
});
