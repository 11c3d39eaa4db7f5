import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customHttpErrors } from './custom-http-errors.ts';
import { ctxWith } from './test-support.ts';

// customhttperrors/main.go: strings.Split(",") then strconv.Atoi per part; one bad part drops the annotation.
const cases = [
  { name: 'absent', value: undefined, codes: [], warns: 0 },
  { name: 'two codes', value: '404,503', codes: [404, 503], warns: 0 },
  { name: 'a space makes Atoi fail', value: '404, 503', codes: [], warns: 1 },
  { name: 'a trailing comma makes Atoi fail', value: '404,', codes: [], warns: 1 },
  { name: 'not validated against 4xx/5xx in v1.11', value: '200', codes: [200], warns: 0 },
];
for (const c of cases) test(`custom-http-errors: ${c.name}`, () => {
  const r = customHttpErrors.parse(ctxWith({ 'custom-http-errors': c.value }));
  assert.deepEqual(r.value, c.codes);
  assert.equal(r.warnings.length, c.warns);
});
