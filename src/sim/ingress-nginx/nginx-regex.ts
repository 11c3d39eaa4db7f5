/**
 * PCRE as nginx uses it for `~*` locations and `rewrite`, translated to a JavaScript RegExp.
 * The translation keeps PCRE's meaning for the constructs Ingress paths use (groups, alternation,
 * classes, anchors, quantifiers); `(?i)` becomes the `i` flag. Anything JavaScript rejects is
 * reported instead of guessed (nginx itself would fail `nginx -t`).
 */

/** A compiled nginx regex, or why it cannot be used. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compiles `pattern` case-insensitively (`~*` and `(?i)` are both case-insensitive). */
export function compileNginxRegex(pattern: string): CompiledRegex {
  let source = pattern;
  if (source.startsWith('(?i)')) source = source.slice(4);
  // PCRE possessive quantifiers and atomic groups have no JS equivalent.
  if (/(\*\+|\+\+|\?\+|\(\?>)/.test(source)) return { ok: false, error: `unsupported PCRE construct in ${JSON.stringify(pattern)}` };
  try {
    return { ok: true, regex: new RegExp(source, 'i') };
  } catch (error) {
    return { ok: false, error: `pcre_compile() failed for ${JSON.stringify(pattern)}: ${(error as Error).message}` };
  }
}
