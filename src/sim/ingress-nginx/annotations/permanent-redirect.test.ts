import { test } from 'node:test';
import assert from 'node:assert/strict';
import { permanentRedirect } from './permanent-redirect.ts';
import { ctxWith } from './test-support.ts';

// redirect/redirect.go: temporal wins (302); code outside 300–308 → 301; unparsable values drop the redirect.
const cases = [
  { name: 'absent', anns: {}, value: undefined },
  { name: 'permanent', anns: { 'permanent-redirect': 'https://www.google.com' }, value: { url: 'https://www.google.com', code: 301 } },
  { name: 'permanent with 308', anns: { 'permanent-redirect': 'https://a.b', 'permanent-redirect-code': '308' }, value: { url: 'https://a.b', code: 308 } },
  { name: 'code out of range → 301', anns: { 'permanent-redirect': 'https://a.b', 'permanent-redirect-code': '200' }, value: { url: 'https://a.b', code: 301 } },
  { name: 'temporal wins', anns: { 'permanent-redirect': 'https://a.b', 'temporal-redirect': 'http://t.b/x' }, value: { url: 'http://t.b/x', code: 302 } },
  { name: 'temporal must be http(s)', anns: { 'temporal-redirect': 'ftp://t.b' }, value: undefined },
  { name: 'bad code drops the redirect', anns: { 'permanent-redirect': 'https://a.b', 'permanent-redirect-code': 'x' }, value: undefined },
];
for (const c of cases) test(`permanent-redirect: ${c.name}`, () => assert.deepEqual(permanentRedirect.parse(ctxWith(c.anns)).value, c.value));
