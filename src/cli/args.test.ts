import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from './args.ts';

const good = [
  { name: 'defaults', argv: ['lab'], env: {}, want: { command: 'lab', backend: 'simulator', seed: undefined, sections: [] } },
  { name: 'all options', argv: ['lab', '--backend', 'kind', '--seed', '42', '--section', '4.3', '--section=2'], env: {},
    want: { command: 'lab', backend: 'kind', seed: 42, sections: ['4.3', '2'] } },
  { name: 'seed from KUBELAB_SEED', argv: ['lab'], env: { KUBELAB_SEED: '7' }, want: { command: 'lab', backend: 'simulator', seed: 7, sections: [] } },
  { name: '--seed wins over KUBELAB_SEED', argv: ['lab', '--seed=9'], env: { KUBELAB_SEED: '7' }, want: { command: 'lab', backend: 'simulator', seed: 9, sections: [] } },
  { name: 'help', argv: ['--help'], env: {}, want: { command: 'help' } },
  { name: 'no command is help', argv: [], env: {}, want: { command: 'help' } },
];
for (const c of good) test(`parses ${c.name}`, () => assert.deepEqual(parseArgs(c.argv, c.env), c.want));

const bad = [
  { name: 'unknown command', argv: ['serve'], match: /unknown command "serve"/ },
  { name: 'unknown option', argv: ['lab', '--fast'], match: /unknown option "--fast"/ },
  { name: 'unknown backend', argv: ['lab', '--backend', 'minikube'], match: /unknown backend "minikube": use one of simulator, kind, wire/ },
  { name: 'bad seed', argv: ['lab', '--seed', 'x'], match: /--seed needs a whole number/ },
  { name: 'missing seed', argv: ['lab', '--seed'], match: /--seed needs a whole number from 0 to 4294967295, got nothing/ },
  { name: 'bad section', argv: ['lab', '--section', 'nodeport'], match: /--section needs a section number such as 4.3/ },
];
for (const c of bad) test(`rejects ${c.name}`, () => assert.throws(() => parseArgs(c.argv, {}), c.match));

test('rejects a bad KUBELAB_SEED', () => assert.throws(() => parseArgs(['lab'], { KUBELAB_SEED: '-3' }), /KUBELAB_SEED needs a whole number/));
