/** Go's text/tabwriter (AlignLeft, space padding): tab-terminated cells aligned in column blocks of consecutive lines. */

/** tabwriter.Writer settings (minwidth, padding; tabwidth only matters for tab padding, which kubectl never uses). */
export interface TabwriterSettings { minwidth: number; padding: number }

/**
 * Formats text the way Go's tabwriter does: a cell is text terminated by a tab; a column block is a run of
 * consecutive lines that all have a cell in that column; its width is the widest cell + padding (≥ minwidth).
 * The text after the last tab of a line is not a cell and is never padded.
 */
export function tabwrite(text: string, settings: TabwriterSettings): string {
  // SRC: go src/text/tabwriter/tabwriter.go format / writeLines (Go 1.22).
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = new Array(lines.length);
  format(lines, 0, 0, lines.length, [], settings, out);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

function format(lines: string[][], column: number, line0: number, line1: number, widths: number[], s: TabwriterSettings, out: string[]): void {
  let start = line0;
  for (let current = line0; current < line1; current++) {
    if (column >= lines[current]!.length - 1) continue;
    writeLines(lines, start, current, widths, out);
    start = current;
    let width = s.minwidth;
    for (; current < line1; current++) {
      const cells = lines[current]!;
      if (column >= cells.length - 1) break;
      width = Math.max(width, runeWidth(cells[column]!) + s.padding);
    }
    format(lines, column + 1, start, current, [...widths, width], s, out);
    start = current;
    current--;
  }
  writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    out[i] = lines[i]!.map((cell, j) => (j < widths.length ? cell + ' '.repeat(Math.max(0, widths[j]! - runeWidth(cell))) : cell)).join('');
  }
}

function runeWidth(text: string): number {
  return [...text].length;
}
