import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayProbability, ruleProbability, statisticMatches, storedProbability } from './probability.ts';

// Display values: reference k8s-services.md §3.4 "Probability display quirk".
const CASES: { n: number; arg: string; shown: string }[] = [
  { n: 2, arg: '0.5000000000', shown: '0.50000000000' },
  { n: 3, arg: '0.3333333333', shown: '0.33333333349' },
  { n: 4, arg: '0.2500000000', shown: '0.25000000000' },
  { n: 5, arg: '0.2000000000', shown: '0.20000000019' },
  { n: 6, arg: '0.1666666667', shown: '0.16666666651' },
  { n: 7, arg: '0.1428571429', shown: '0.14285714272' },
  { n: 8, arg: '0.1250000000', shown: '0.12500000000' },
];

for (const c of CASES) {
  test(`probability 1/${c.n}`, () => {
    assert.equal(ruleProbability(c.n), c.arg);
    assert.equal(displayProbability(c.arg), c.shown);
  });
}

test('statistic match compares a 31-bit draw with the stored threshold', () => {
  const threshold = storedProbability('0.5000000000');
  assert.equal(threshold, 0x40000000);
  assert.equal(statisticMatches('0.5000000000', threshold - 1), true);
  assert.equal(statisticMatches('0.5000000000', threshold), false);
});
