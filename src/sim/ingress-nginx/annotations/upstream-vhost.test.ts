import { test } from 'node:test';
import assert from 'node:assert/strict';
import { upstreamVhost } from './upstream-vhost.ts';
import { ctxWith } from './test-support.ts';

const cases = [
  { name: 'absent', anns: {}, value: '' },
  { name: 'set', anns: { 'upstream-vhost': 'internal.svc' }, value: 'internal.svc' },
];
for (const c of cases) test(`upstream-vhost: ${c.name}`, () => assert.equal(upstreamVhost.parse(ctxWith(c.anns)).value, c.value));
