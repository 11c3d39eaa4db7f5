import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendProtocol } from './backend-protocol.ts';
import { ctxWith } from './test-support.ts';

// buildProxyPass upper-cases the value; unknown protocols are proxied with http:// (falls back to HTTP).
const cases = [
  { name: 'absent', anns: {}, value: 'HTTP', warns: 0 },
  { name: 'https lower-case', anns: { 'backend-protocol': 'https' }, value: 'HTTPS', warns: 0 },
  { name: 'GRPC', anns: { 'backend-protocol': 'GRPC' }, value: 'GRPC', warns: 0 },
  { name: 'unknown → HTTP', anns: { 'backend-protocol': 'FTP' }, value: 'HTTP', warns: 1 },
];
for (const c of cases) test(`backend-protocol: ${c.name}`, () => {
  const r = backendProtocol.parse(ctxWith(c.anns));
  assert.equal(r.value, c.value);
  assert.equal(r.warnings.length, c.warns);
});
