import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSections, readSection, sectionSelected } from './sections.ts';

test('sorts sections numerically, not as text', () => {
  const sorted = ['5.10', '4.6', '5.3.1', '2', '4.1', '5.2.3', '3'].sort(compareSections);
  assert.deepEqual(sorted, ['2', '3', '4.1', '4.6', '5.2.3', '5.3.1', '5.10']);
});

const selections = [
  { section: '4.3', wanted: [], ok: true },
  { section: '4.3', wanted: ['4.3'], ok: true },
  { section: '4.3', wanted: ['4'], ok: true },
  { section: '4.3', wanted: ['4.1'], ok: false },
  { section: '5.3.1', wanted: ['5.3'], ok: true },
  { section: '4.30', wanted: ['4.3'], ok: false },
];
for (const c of selections) {
  test(`section ${c.section} with --section ${c.wanted.join(',') || '(none)'}`, () => assert.equal(sectionSelected(c.section, c.wanted), c.ok));
}

test('reads tag and title', () => {
  const text = '@section-4.3 @slow\nFeature: NodePort services (4.3 nodeport)\n  text\n';
  assert.deepEqual(readSection('features/04.3-nodeport.feature', text), { section: '4.3', title: 'NodePort services (4.3 nodeport)', uri: 'features/04.3-nodeport.feature' });
});

test('a feature without a section tag is not a section', () => {
  assert.equal(readSection('features/x.feature', '@section-x\nFeature: X\n'), undefined);
});
