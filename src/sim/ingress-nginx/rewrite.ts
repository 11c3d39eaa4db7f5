/**
 * nginx `rewrite "(?i)<ingress path>" <target> break;` as rendered by buildProxyPass.
 * SRC: ingress-nginx template.go buildProxyPass (controller-v1.11.2); nginx ngx_http_rewrite_module:
 * the regex is unanchored and the whole URI is replaced; `$n` are its captures (missing → empty);
 * the original arguments are appended unless the replacement has `?` (then after `&`, or dropped
 * when it ends with `?`); a replacement starting with http:// or https:// becomes a 302 redirect.
 */
import { compileNginxRegex } from './nginx-regex.ts';

/** What the rewrite did. */
export type RewriteResult =
  | { kind: 'unchanged' }
  | { kind: 'rewritten'; uri: string; args: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; error: string };

/** Expands `$1`…`$9` and `${n}` from the match. */
export function expandCaptures(template: string, match: RegExpExecArray): string {
  return template.replace(/\$\{(\d+)\}|\$(\d)/g, (_, braced: string | undefined, digit: string | undefined) => match[Number(braced ?? digit)] ?? '');
}

/** Applies the rewrite to the decoded $uri with the request's original args. */
export function applyRewrite(path: string, target: string, uri: string, args: string): RewriteResult {
  const compiled = compileNginxRegex(`(?i)${path}`);
  if (!compiled.ok) return { kind: 'error', error: compiled.error };
  const match = compiled.regex.exec(uri);
  if (!match) return { kind: 'unchanged' };
  const replaced = expandCaptures(target, match);
  if (/^https?:\/\//.test(replaced)) return { kind: 'redirect', location: replaced };
  const q = replaced.indexOf('?');
  if (q < 0) return { kind: 'rewritten', uri: replaced, args };
  const newUri = replaced.slice(0, q);
  const newArgs = replaced.slice(q + 1);
  if (replaced.endsWith('?')) return { kind: 'rewritten', uri: newUri, args: newArgs.slice(0, -1) };
  return { kind: 'rewritten', uri: newUri, args: args === '' ? newArgs : newArgs === '' ? args : `${newArgs}&${args}` };
}

/** nginx escapes a rewritten URI before proxying it (spaces, quotes, non-ASCII, `%`, `#`, `?`). */
export function escapeUri(uri: string): string {
  return uri.replace(/[^\x21-\x7e]|["%#?<>\\^`{|}]/gu, (ch) => Array.from(Buffer.from(ch, 'utf8')).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
