import { test } from 'node:test';
import assert from 'node:assert/strict';
import { takesTurns } from './responses.ts';

const cases = [
  { name: 'two pods alternating (ipvs rr, the tutorial 4.3)', servers: ['a', 'b', 'a', 'b', 'a'], n: 2, ok: true },
  { name: 'four pods cycling', servers: ['a', 'b', 'c', 'd', 'a'], n: 4, ok: true },
  { name: 'random order (iptables)', servers: ['a', 'a', 'b', 'a', 'b'], n: 2, ok: false, message: /response 3 came from b/ },
  { name: 'only one pod', servers: ['a', 'a', 'a'], n: 2, ok: false, message: /came from 1 different pods, not 2/ },
  { name: 'too few responses', servers: ['a', 'b'], n: 2, ok: false, message: /send at least 3/ },
];

for (const c of cases) {
  test(c.name, () => {
    const got = takesTurns(c.servers, c.n);
    assert.equal(got.ok, c.ok);
    if (!got.ok && c.message) assert.match(got.message, c.message);
  });
}
