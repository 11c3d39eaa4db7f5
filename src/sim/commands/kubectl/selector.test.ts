import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelector, matchesSelector } from './selector.ts';

const labels = { app: 'howe', tier: 'web' };
const cases: { name: string; selector: string; want: boolean }[] = [
  { name: 'equality', selector: 'app=howe', want: true },
  { name: 'double equals', selector: 'app==howe', want: true },
  { name: 'inequality on a present key', selector: 'app!=howe', want: false },
  { name: 'inequality on an absent key matches', selector: 'env!=prod', want: true },
  { name: 'set in', selector: 'tier in (web,db)', want: true },
  { name: 'set notin', selector: 'tier notin (web)', want: false },
  { name: 'exists', selector: 'tier', want: true },
  { name: 'not exists', selector: '!tier', want: false },
  { name: 'every requirement must hold', selector: 'app=howe,tier in (db, cache)', want: false },
];

for (const c of cases) {
  test(`selector: ${c.name}`, () => {
    const parsed = parseSelector(c.selector);
    assert.ok(parsed.ok);
    assert.equal(matchesSelector(parsed.requirements, labels), c.want);
  });
}

test('selector: garbage is reported with the offending part', () => {
  const parsed = parseSelector('app=(x');
  assert.equal(parsed.ok, false);
  if (!parsed.ok) assert.match(parsed.message, /"app=\(x"/);
});
