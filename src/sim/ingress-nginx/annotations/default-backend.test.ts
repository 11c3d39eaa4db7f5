import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultBackend } from './default-backend.ts';
import { ctxWith } from './test-support.ts';

// defaultbackend/main.go: the Service is looked up in the Ingress's namespace; a missing one drops the annotation.
const cases = [
  { name: 'absent', anns: {}, services: [], value: undefined, warns: 0 },
  { name: 'existing service', anns: { 'default-backend': 'errors' }, services: ['errors'], value: 'errors', warns: 0 },
  { name: 'missing service', anns: { 'default-backend': 'nosuch' }, services: [], value: undefined, warns: 1 },
];
for (const c of cases) test(`default-backend: ${c.name}`, () => {
  const r = defaultBackend.parse(ctxWith(c.anns, [], c.services));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
