import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulatorOnlyReason } from './skip-reason.ts';

type Doc = Parameters<typeof simulatorOnlyReason>[1];
const doc = (comments: { line: number; text: string }[]): Doc => ({
  comments: comments.map((c) => ({ location: { line: c.line, column: 1 }, text: c.text })),
  feature: { children: [{ scenario: { id: 's1', tags: [{ location: { line: 10, column: 3 }, name: '@simulator-only', id: 't' }], location: { line: 11, column: 3 } } }] } as unknown as NonNullable<Doc>['feature'],
});
const pickle = (tags: string[]) => ({ tags: tags.map((name) => ({ name, astNodeId: 't' })), astNodeIds: ['s1'] });

const CASES = [
  { name: 'a @why- tag, in words', tags: ['@simulator-only', '@why-ipvsadm-is-not-installed-in-kind-nodes'], comments: [], reason: 'ipvsadm is not installed in kind nodes' },
  { name: 'a comment right above the tags', tags: ['@simulator-only'], comments: [{ line: 9, text: '  # simulator-only: the tutorial\'s lab addresses are routed, kind\'s are not' }], reason: 'the tutorial\'s lab addresses are routed, kind\'s are not' },
  { name: 'a comment far above belongs to something else', tags: ['@simulator-only'], comments: [{ line: 2, text: '# simulator-only: unrelated' }], reason: /add a @why-<reason> tag/ },
];
for (const c of CASES) {
  test(c.name, () => {
    const reason = simulatorOnlyReason(pickle(c.tags), doc(c.comments));
    if (typeof c.reason === 'string') assert.equal(reason, c.reason);
    else assert.match(reason, c.reason);
  });
}
