import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabwrite } from './tabwriter.ts';

const describe = { minwidth: 0, padding: 2 };
const cases: { name: string; text: string; want: string }[] = [
  { name: 'one block aligns the first column', text: 'Name:\thowe\nNamespace:\tdefault\n', want: 'Name:       howe\nNamespace:  default\n' },
  { name: 'a line without a tab ends the block', text: 'A:\t1\nEvents:\nLonger key:\t2\n', want: 'A:  1\nEvents:\nLonger key:  2\n' },
  { name: 'second column only spans its own consecutive lines', text: 'Port:\t<unset>\t80/TCP\nTargetPort:\t80/TCP\n', want: 'Port:        <unset>  80/TCP\nTargetPort:  80/TCP\n' },
  { name: 'continuation lines with an empty first cell', text: 'Labels:\ta=b\n\tc=d\n', want: 'Labels:  a=b\n         c=d\n' },
];
for (const c of cases) test(`tabwrite: ${c.name}`, () => assert.equal(tabwrite(c.text, describe), c.want));
