import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useRegex } from './use-regex.ts';
import { ctxWith } from './test-support.ts';

// Go strconv.ParseBool spellings; anything else falls back to false with a warning.
const cases = [
  { name: 'absent', anns: {}, value: false, warns: 0 },
  { name: '"true"', anns: { 'use-regex': 'true' }, value: true, warns: 0 },
  { name: '"T"', anns: { 'use-regex': 'T' }, value: true, warns: 0 },
  { name: '"yes" is not a Go bool', anns: { 'use-regex': 'yes' }, value: false, warns: 1 },
];
for (const c of cases) test(`use-regex: ${c.name}`, () => {
  const r = useRegex.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
