/**
 * Turns parsed words into argv strings: the for-loop variable is substituted, `{1..5}` expands
 * only in a for-loop's word list, and unquoted glob patterns expand against the work folder.
 * SRC: POSIX.1-2017 XCU 2.6 Word Expansions, 2.13 Pattern Matching Notation; bash brace expansion.
 */
import { readdirSync } from 'node:fs';
import { ShellSyntaxError, type Word } from './shell-lexer.ts';

/** Variables in scope (only for-loop variables exist in the lab shell). */
export type Variables = ReadonlyMap<string, string>;

/** Expands one command word to its argv entries (more than one only when a glob matches files). */
export function expandWord(word: Word, vars: Variables, workdir: string): string[] {
  const text = substitute(word, vars);
  rejectBraceExpansion(word);
  const pattern = globPattern(word, vars);
  if (pattern === undefined) return [text];
  // Patterns naming other folders are passed on unexpanded (as sh does when nothing matches).
  if (text.includes('/')) return [text];
  const names = readdirSync(workdir).filter((n) => (n.startsWith('.') ? text.startsWith('.') : true) && pattern.test(n)).sort();
  return names.length > 0 ? names : [text];
}

/** Expands a for-loop item: `{A..B}` integer ranges (either direction) or a plain word. */
export function expandLoopItem(word: Word, vars: Variables, workdir: string): string[] {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.kind === 'text' && !only.quoted) {
    const range = /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(only.text);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (Math.abs(to - from) > 100_000) throw new ShellSyntaxError(`brace range {${from}..${to}} is too long for the kubelab shell (at most 100000 items)`);
      const step = from <= to ? 1 : -1;
      const out: string[] = [];
      for (let n = from; n !== to + step; n += step) out.push(String(n));
      return out;
    }
  }
  return expandWord(word, vars, workdir);
}

function substitute(word: Word, vars: Variables): string {
  return word.parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const value = vars.get(p.name);
      if (value === undefined) {
        throw new ShellSyntaxError(`the variable "$${p.name}" is not set: the kubelab shell expands only for-loop variables`);
      }
      return value;
    })
    .join('');
}

// Brace expansion (`{a,b}`, `{1..3}`) outside a for-loop list is a bash feature the lab shell leaves out.
function rejectBraceExpansion(word: Word): void {
  for (const p of word.parts) {
    if (p.kind === 'text' && !p.quoted && /\{[^{}]*(,|\.\.)[^{}]*\}/.test(p.text)) {
      throw new ShellSyntaxError(`brace expansion "${p.text}" is supported only in "for NAME in {A..B}"; quote the word to pass it literally`);
    }
  }
}

// A RegExp for the word when it has unquoted glob characters, else undefined.
function globPattern(word: Word, vars: Variables): RegExp | undefined {
  let source = '';
  let glob = false;
  for (const p of word.parts) {
    const text = p.kind === 'text' ? p.text : (vars.get(p.name) ?? '');
    if (p.kind === 'var' || p.quoted) { source += escapeRegExp(text); continue; }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '*') { source += '[^/]*'; glob = true; }
      else if (c === '?') { source += '[^/]'; glob = true; }
      else if (c === '[') {
        const end = text.indexOf(']', i + 2);
        if (end < 0) { source += '\\['; continue; }
        const body = text.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        glob = true;
        i = end;
      } else source += escapeRegExp(c);
    }
  }
  return glob ? new RegExp(`^${source}$`) : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
