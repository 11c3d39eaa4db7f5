import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authType } from './auth-type.ts';
import { ctxWith, secret } from './test-support.ts';

const file = secret('auth-web', { auth: 'howe:$apr1$1F6Ny7Nx$/u.EcLHUia5jTPqT4X3zL1\n' });
const map = secret('users', { howe: '$apr1$1F6Ny7Nx$/u.EcLHUia5jTPqT4X3zL1' });
const noKey = secret('empty', { other: 'x' });
const base = { 'auth-type': 'basic', 'auth-secret': 'auth-web', 'auth-realm': 'Please input username and password' };

// auth/main.go Parse: which misconfigurations deny the location (503) and which just disable auth.
const cases = [
  { name: 'no auth-type → no auth', anns: {}, secured: false, denied: false },
  { name: 'tutorial ingress4', anns: base, secured: true, denied: false, realm: 'Please input username and password' },
  { name: 'auth-map', anns: { ...base, 'auth-secret': 'users', 'auth-secret-type': 'auth-map' }, secured: true, denied: false },
  { name: 'namespace/name secret', anns: { ...base, 'auth-secret': 'default/auth-web' }, secured: true, denied: false },
  { name: 'invalid type → denied', anns: { ...base, 'auth-type': 'ldap' }, secured: false, denied: true },
  { name: 'missing secret → denied', anns: { ...base, 'auth-secret': 'nosuch' }, secured: false, denied: true },
  { name: 'no auth key → denied', anns: { ...base, 'auth-secret': 'empty' }, secured: false, denied: true },
  { name: 'bad secret type → denied', anns: { ...base, 'auth-secret-type': 'auth-db' }, secured: false, denied: true },
  { name: 'no auth-secret → denied', anns: { 'auth-type': 'basic' }, secured: false, denied: true },
];
for (const c of cases) test(`auth-type: ${c.name}`, () => {
  const r = authType.parse(ctxWith(c.anns, [file, map, noKey]));
  assert.equal(r.value !== undefined, c.secured);
  assert.equal(r.denied !== undefined, c.denied);
  if (c.realm) assert.equal(r.value?.realm, c.realm);
  if (c.secured) assert.match(r.value!.passwdFile, /^howe:\$apr1\$/);
});
