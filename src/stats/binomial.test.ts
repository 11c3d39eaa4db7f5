import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsCount, binomialAcceptanceInterval, describeCheck } from './binomial.ts';

// Expected intervals: toolchain-and-anchors.md §10 (scipy 1.17 exact binomial, α = 1e-4, p = 0.1).
const intervals = [
  { name: 'p=0.1 n=100', n: 100, p: 0.1, low: 1, high: 23 },
  { name: 'p=0.1 n=200', n: 200, p: 0.1, low: 6, high: 38 },
  { name: 'p=0.1 n=500', n: 500, p: 0.1, low: 26, high: 78 },
  { name: 'p=0.1 n=1000', n: 1000, p: 0.1, low: 65, high: 139 },
  { name: 'weight 0 accepts only 0', n: 100, p: 0, low: 0, high: 0 },
  { name: 'weight 100% accepts only all', n: 100, p: 1, low: 100, high: 100 },
  // Symmetry: p and 1 − p give mirrored intervals.
  { name: 'p=0.9 n=100 mirrors p=0.1', n: 100, p: 0.9, low: 77, high: 99 },
];

for (const c of intervals) {
  test(`interval ${c.name}`, () => {
    const got = binomialAcceptanceInterval(c.n, c.p);
    assert.deepEqual([got.low, got.high], [c.low, c.high]);
  });
}

const decisions = [
  { name: 'inside', count: 10, n: 100, p: 0.1, ok: true },
  { name: 'low edge', count: 1, n: 100, p: 0.1, ok: true },
  { name: 'below', count: 0, n: 100, p: 0.1, ok: false },
  { name: 'high edge', count: 23, n: 100, p: 0.1, ok: true },
  { name: 'above (a 30% canary)', count: 30, n: 100, p: 0.1, ok: false },
];

for (const c of decisions) {
  test(`acceptsCount ${c.name}`, () => {
    assert.equal(acceptsCount(c.count, c.n, c.p).ok, c.ok);
  });
}

test('large n stays finite and centred', () => {
  const got = binomialAcceptanceInterval(100_000, 0.5);
  assert.ok(got.low < 50_000 && got.high > 50_000 && got.high - got.low < 2000, JSON.stringify(got));
});

const badArguments = [
  { name: 'zero trials', n: 0, p: 0.1, alpha: 1e-4, match: /n ≥ 1/ },
  { name: 'share above 1', n: 10, p: 1.5, alpha: 1e-4, match: /between 0 and 1/ },
  { name: 'alpha 0', n: 10, p: 0.5, alpha: 0, match: /0 < alpha < 1/ },
];

for (const c of badArguments) {
  test(`rejects ${c.name}`, () => {
    assert.throws(() => binomialAcceptanceInterval(c.n, c.p, c.alpha), c.match);
  });
}

test('describeCheck names count, share, expectation and interval', () => {
  const text = describeCheck('responses contain "v2"', 30, binomialAcceptanceInterval(100, 0.1));
  assert.equal(text, '30 of 100 responses contain "v2" (30%); expected about 10%: accepted 1..23 (exact binomial interval, false-failure probability 0.0001)');
});
