import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceUpstream } from './service-upstream.ts';
import { ctxWith } from './test-support.ts';

// Invalid value: Parse returns an error, the Extractor keeps the zero value false (not the ConfigMap value).
const cases = [
  { name: 'absent → ConfigMap false', anns: {}, value: false, warns: 0 },
  { name: '"true"', anns: { 'service-upstream': 'true' }, value: true, warns: 0 },
  { name: 'invalid → false', anns: { 'service-upstream': 'maybe' }, value: false, warns: 1 },
];
for (const c of cases) test(`service-upstream: ${c.name}`, () => {
  const r = serviceUpstream.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
