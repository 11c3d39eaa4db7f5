import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBalance } from './load-balance.ts';
import { ctxWith } from './test-support.ts';

// balancer.lua get_implementation: unknown names fall back to round_robin with a log line.
const cases = [
  { name: 'absent', anns: {}, value: '', warns: 0 },
  { name: 'round_robin', anns: { 'load-balance': 'round_robin' }, value: 'round_robin', warns: 0 },
  { name: 'ewma is approximated', anns: { 'load-balance': 'ewma' }, value: 'ewma', warns: 1 },
  { name: 'unknown falls back', anns: { 'load-balance': 'random' }, value: 'round_robin', warns: 1 },
];
for (const c of cases) test(`load-balance: ${c.name}`, () => {
  const r = loadBalance.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
