import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appRoot } from './app-root.ts';
import { ctxWith } from './test-support.ts';

// SRC: rewrite/main.go: url.ParseRequestURI must succeed and the URL must not be absolute.
const cases = [
  { name: 'absent', anns: {}, value: '', warns: 0 },
  { name: 'tutorial /hostname.html', anns: { 'app-root': '/hostname.html' }, value: '/hostname.html', warns: 0 },
  { name: 'absolute URL ignored', anns: { 'app-root': 'http://x/app' }, value: '', warns: 1 },
  { name: 'relative path ignored', anns: { 'app-root': 'hostname.html' }, value: '', warns: 1 },
];
for (const c of cases) test(`app-root: ${c.name}`, () => {
  const r = appRoot.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
