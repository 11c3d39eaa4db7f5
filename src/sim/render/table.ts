/** kubectl's table layout: Go text/tabwriter as cli-runtime configures it for `kubectl get`. */

// SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go (v1.31):
// tabwriter.NewWriter(out, minwidth 6, tabwidth 4, padding 3, ' ', 0).
const MIN_WIDTH = 6;
const PADDING = 3;

/** Renders headers (upper-cased) and rows as kubectl does; every line ends with a newline. An empty header list prints rows only. */
export function renderTable(headers: string[], rows: string[][]): string {
  const lines = headers.length > 0 ? [headers.map((h) => h.toUpperCase()), ...rows] : rows;
  return alignColumns(lines);
}

/**
 * Aligns tab-separated cells like Go's text/tabwriter: a column is as wide as its widest cell plus
 * the padding (at least minwidth); the last cell of a line is not part of a column, so it is never padded.
 */
export function alignColumns(lines: string[][]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    cells.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, textWidth(cell) + PADDING);
    });
  }
  return lines
    .map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - textWidth(cell)))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

// tabwriter measures text in UTF-8 runes, not bytes.
function textWidth(text: string): number {
  return [...text].length;
}
