import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xForwardedPrefix } from './x-forwarded-prefix.ts';
import { ctxWith } from './test-support.ts';

const cases = [
  { name: 'absent', anns: {}, value: '' },
  { name: 'a prefix', anns: { 'x-forwarded-prefix': '/test/value' }, value: '/test/value' },
];
for (const c of cases) test(`x-forwarded-prefix: ${c.name}`, () => assert.equal(xForwardedPrefix.parse(ctxWith(c.anns)).value, c.value));
