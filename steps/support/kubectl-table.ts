/**
 * Reads the tables kubectl (and similar tools) print: a header of upper-case column names, then rows
 * aligned under them by a tabwriter (SRC: kubernetes cli-runtime pkg/printers/tabwriter.go: cells
 * start where their header starts). Several tables may follow each other, separated by blank lines.
 */

/** One parsed table: its column names and its rows as column → cell. */
export interface TextTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** An expected cell: column name and either a literal value or a `/regular expression/`. */
export interface ExpectedCell { column: string; value: string }

// A header is upper-case words; single spaces may join words of one column ("NOMINATED NODE").
const HEADER_LINE = /^[A-Z][A-Z0-9()\-_./ ]*$/;
const HEADER_CELL = /\S+(?: \S+)*/g;

/** Every table in `text`. Lines before the first header (e.g. warnings) are ignored. */
export function parseTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const headerAt = lines.findIndex((l) => HEADER_LINE.test(l.trimEnd()));
    if (headerAt < 0) continue;
    const header = lines[headerAt]!;
    const cells = [...header.matchAll(HEADER_CELL)].map((m) => ({ name: m[0], start: m.index! }));
    const rows = lines.slice(headerAt + 1).map((line) => {
      const row: Record<string, string> = {};
      cells.forEach((cell, i) => {
        const end = i + 1 < cells.length ? cells[i + 1]!.start : undefined;
        row[cell.name] = line.slice(cell.start, end).trim();
      });
      return row;
    });
    tables.push({ columns: cells.map((c) => c.name), rows });
  }
  return tables;
}

/** Does `actual` satisfy `expected` (`/…/` is a regular expression, anything else must be equal)? */
export function cellMatches(actual: string, expected: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/.exec(expected);
  return regex ? new RegExp(regex[1]!, regex[2]).test(actual) : actual === expected;
}

/** The result of looking for a row: the first match, or why none matched. */
export type RowSearch = { ok: true; row: Record<string, string> } | { ok: false; message: string };

/** Finds a row of any table in `text` whose cells satisfy every expected cell. Column names ignore case. */
export function findRow(text: string, expected: ExpectedCell[]): RowSearch {
  const tables = parseTables(text);
  if (tables.length === 0) return { ok: false, message: `the output has no table (no line of upper-case column names):\n${text}` };
  const wanted = expected.map((e) => `${e.column}=${e.value}`).join(', ');
  let closest: { row: Record<string, string>; misses: string[] } | undefined;
  const missingColumns = new Set<string>();
  for (const table of tables) {
    const columnOf = (name: string) => table.columns.find((c) => c.toUpperCase() === name.toUpperCase());
    const absent = expected.filter((e) => columnOf(e.column) === undefined);
    if (absent.length > 0) {
      absent.forEach((e) => missingColumns.add(e.column));
      continue;
    }
    for (const row of table.rows) {
      const misses = expected.filter((e) => !cellMatches(row[columnOf(e.column)!]!, e.value))
        .map((e) => `${e.column} is "${row[columnOf(e.column)!]}", not "${e.value}"`);
      if (misses.length === 0) return { ok: true, row };
      if (!closest || misses.length < closest.misses.length) closest = { row, misses };
    }
  }
  if (!closest) {
    const columns = tables.map((t) => t.columns.join(', ')).join(' | ');
    return { ok: false, message: `no table has the column(s) ${[...missingColumns].join(', ')}; the columns are: ${columns}` };
  }
  const name = closest.row['NAME'] === undefined ? '' : ` (NAME ${closest.row['NAME']})`;
  return { ok: false, message: `no row has ${wanted}; the closest row${name}: ${closest.misses.join('; ')}` };
}
