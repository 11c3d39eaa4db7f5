/** "Then the output lines match:": each pattern must match a whole output line, in order. */

/** Outcome of matching patterns against output lines. */
export type LinesMatch = { ok: true } | { ok: false; message: string };

/**
 * Every pattern (a JavaScript regular expression) must match one whole line of `text` (trailing spaces
 * ignored), each on a later line than the previous pattern's; other lines may come in between.
 */
export function matchLinesInOrder(text: string, patterns: string[]): LinesMatch {
  const lines = text.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const pattern of patterns) {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch (error) {
      return { ok: false, message: `"${pattern}" is not a regular expression: ${(error as Error).message}` };
    }
    const found = lines.findIndex((line, i) => i >= at && regex.test(line));
    if (found < 0) {
      const earlier = lines.slice(0, at).some((l) => regex.test(l));
      const where = earlier ? ' after the line matched by the previous pattern (it matches an earlier line: check the order)' : '';
      return { ok: false, message: `no output line matches /${pattern}/${where}` };
    }
    at = found + 1;
  }
  return { ok: true };
}
