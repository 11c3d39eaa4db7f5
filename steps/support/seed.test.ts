import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSeed, scenarioSeed } from './seed.ts';

const seeds = [
  { text: '42', want: 42 },
  { text: ' 4294967295 ', want: 4294967295 },
  { text: '0', want: 0 },
];
for (const c of seeds) test(`parses seed "${c.text}"`, () => assert.equal(parseSeed(c.text, 'KUBELAB_SEED'), c.want));

const bad = ['', '-1', '1.5', '4294967296', 'abc'];
for (const text of bad) {
  test(`rejects seed "${text}"`, () => assert.throws(() => parseSeed(text, 'KUBELAB_SEED'), /KUBELAB_SEED must be a whole number from 0 to 4294967295/));
}

test('scenario seeds are stable, differ per scenario and per run seed', () => {
  const a = scenarioSeed(42, 'features/04.1-clusterip.feature:10');
  assert.equal(a, scenarioSeed(42, 'features/04.1-clusterip.feature:10'));
  assert.notEqual(a, scenarioSeed(42, 'features/04.1-clusterip.feature:20'));
  assert.notEqual(a, scenarioSeed(43, 'features/04.1-clusterip.feature:10'));
  assert.ok(Number.isInteger(a) && a >= 0 && a <= 0xffffffff);
});
