import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sslRedirect } from './ssl-redirect.ts';
import { ctxWith } from './test-support.ts';

// Default = ConfigMap ssl-redirect, true in v1.11 (config.go).
const cases = [
  { name: 'absent → ConfigMap default true', anns: {}, value: true },
  { name: '"false"', anns: { 'ssl-redirect': 'false' }, value: false },
  { name: 'invalid → default', anns: { 'ssl-redirect': 'nope' }, value: true },
];
for (const c of cases) test(`ssl-redirect: ${c.name}`, () => assert.equal(sslRedirect.parse(ctxWith(c.anns)).value, c.value));
