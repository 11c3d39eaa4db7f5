import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forceSslRedirect } from './force-ssl-redirect.ts';
import { ctxWith } from './test-support.ts';

const cases = [
  { name: 'absent → ConfigMap default false', anns: {}, value: false },
  { name: '"true"', anns: { 'force-ssl-redirect': 'true' }, value: true },
];
for (const c of cases) test(`force-ssl-redirect: ${c.name}`, () => assert.equal(forceSslRedirect.parse(ctxWith(c.anns)).value, c.value));
