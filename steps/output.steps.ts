/** Then steps about what the last step's commands printed (stdout and stderr, in order). */
import { Then, type DataTable } from '@cucumber/cucumber';
import { HarnessError } from '../src/index.ts';
import type { LabWorld } from './world.ts';
import { escapeRegExp } from './support/placeholders.ts';
import { findRow, type ExpectedCell } from './support/kubectl-table.ts';
import { matchLinesInOrder } from './support/output-lines.ts';

function output(world: LabWorld): string {
  if (world.last.length === 0) throw new HarnessError('INVALID_INPUT', 'no command has run yet: put a "When I run …" step before checking the output');
  return world.last.map((r) => r.stdout + r.stderr).join('');
}

function shown(text: string): string {
  return text === '' ? '(the output is empty)' : `the output was:\n${text}`;
}

function cells(table: DataTable): ExpectedCell[] {
  const rows = table.raw();
  if (rows.some((r) => r.length !== 2)) throw new HarnessError('INVALID_INPUT', 'write the row as a two-column table: | COLUMN | value |');
  return rows.map(([column, value]) => ({ column: column!, value: value! }));
}

Then('the output contains {string}', async function (this: LabWorld, expected: string) {
  const text = output(this);
  const wanted = await this.expand(expected);
  if (!text.includes(wanted)) throw new Error(`expected the output to contain "${wanted}", but ${shown(text)}`);
});

Then('the output does not contain {string}', async function (this: LabWorld, unexpected: string) {
  const text = output(this);
  const unwanted = await this.expand(unexpected);
  if (text.includes(unwanted)) throw new Error(`expected the output not to contain "${unwanted}", but ${shown(text)}`);
});

Then('the output matches {string}', async function (this: LabWorld, pattern: string) {
  const text = output(this);
  const source = await this.expand(pattern, escapeRegExp);
  if (!new RegExp(source).test(text)) throw new Error(`expected the output to match /${source}/, but ${shown(text)}`);
});

Then('the output is:', async function (this: LabWorld, expected: string) {
  const trim = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '');
  const text = trim(output(this));
  const wanted = trim(await this.expand(expected));
  if (text !== wanted) throw new Error(`expected the output to be:\n${wanted}\nbut ${shown(text)}`);
});

Then('the output lines match:', async function (this: LabWorld, patterns: string) {
  // Leading spaces are part of the pattern (ipvsadm's "  -> " lines); Gherkin already strips the doc string's indentation.
  const lines = await Promise.all(patterns.split('\n').filter((l) => l.trim() !== '').map((l) => this.expand(l.trimEnd(), escapeRegExp)));
  const result = matchLinesInOrder(output(this), lines);
  if (!result.ok) throw new Error(`${result.message}; ${shown(output(this))}`);
});

Then('the output has a row with:', async function (this: LabWorld, table: DataTable) {
  const expected = await Promise.all(cells(table).map(async (c) => ({ column: c.column, value: await this.expand(c.value) })));
  const found = findRow(output(this), expected);
  if (!found.ok) throw new Error(`${found.message}\n${shown(output(this))}`);
});

Then('the output has no row with:', async function (this: LabWorld, table: DataTable) {
  const expected = await Promise.all(cells(table).map(async (c) => ({ column: c.column, value: await this.expand(c.value) })));
  const found = findRow(output(this), expected);
  if (found.ok) throw new Error(`expected no row with ${expected.map((e) => `${e.column}=${e.value}`).join(', ')}, but ${shown(output(this))}`);
});

Then('the command fails with {string}', async function (this: LabWorld, message: string) {
  this.checkFailures(await this.expand(message), 'run');
});
