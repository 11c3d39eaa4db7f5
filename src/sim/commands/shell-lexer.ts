/**
 * Splits a command line into words and operators the way a POSIX shell does (quotes, backslashes,
 * comments), without expansions other than a for-loop variable. Anything the lab shell does not
 * model ($(...), backticks, heredocs, subshells, background jobs) is reported, never guessed.
 * SRC: POSIX.1-2017 XCU 2.3 Token Recognition, 2.2 Quoting.
 */

/** A piece of a word: literal text (with whether it was quoted) or a `$name` reference. */
export type WordPart = { kind: 'text'; text: string; quoted: boolean } | { kind: 'var'; name: string };

/** One shell word as written. */
export interface Word { parts: WordPart[] }

/** Operators the lab shell understands. */
export type Operator = '|' | '||' | '&&' | ';' | '\n' | '>' | '>>' | '<' | '>&';

/** A token: a word, or an operator with the file descriptor written before it (`2>`). */
export type Token = { type: 'word'; word: Word } | { type: 'op'; op: Operator; fd?: number };

/** A lexing failure, with the message the shell prints. */
export class ShellSyntaxError extends Error {}

const OPERATOR_CHARS = '|&;<>()\n';

/** Tokenizes a command line; throws ShellSyntaxError for unsupported or malformed syntax. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\\' && line[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < line.length && line[i] !== '\n') i++; continue; }
    // An all-digit word glued to `>` or `<` is a file descriptor number (2>&1, 2>/dev/null).
    const fdMatch = /^(\d+)(?=[<>])/.exec(line.slice(i));
    if (fdMatch) {
      i += fdMatch[1]!.length;
      const [op, len] = readOperator(line, i);
      tokens.push({ type: 'op', op, fd: Number(fdMatch[1]) });
      i += len;
      continue;
    }
    if (OPERATOR_CHARS.includes(c)) {
      const [op, len] = readOperator(line, i);
      tokens.push({ type: 'op', op });
      i += len;
      continue;
    }
    const [word, next] = readWord(line, i);
    tokens.push({ type: 'word', word });
    i = next;
  }
  return tokens;
}

function readOperator(line: string, i: number): [Operator, number] {
  const two = line.slice(i, i + 2);
  const c = line[i]!;
  if (two === '<<') throw new ShellSyntaxError('here-documents (<<) are not supported by the kubelab shell; write the file first, then use < file');
  if (two === '>|' || two === '&>' || two === '|&') throw new ShellSyntaxError(`the operator "${two}" is not supported by the kubelab shell; use > file 2>&1 or 2>&1 |`);
  if (two === '||' || two === '&&' || two === '>>' || two === '>&') return [two, 2];
  if (c === '&') throw new ShellSyntaxError('background jobs (&) are not supported by the kubelab shell; run commands one after another');
  if (two === '((') throw new ShellSyntaxError('arithmetic commands and for (( ; ; )) loops are not supported by the kubelab shell; use for NAME in {A..B}');
  if (c === '(' || c === ')') throw new ShellSyntaxError(`subshells "${c}" are not supported by the kubelab shell; use ; && || and | only`);
  return [c as Operator, 1];
}

function readWord(line: string, start: number): [Word, number] {
  const parts: WordPart[] = [];
  const text = (t: string, quoted: boolean) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'text' && last.quoted === quoted) last.text += t;
    else parts.push({ kind: 'text', text: t, quoted });
  };
  let i = start;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || OPERATOR_CHARS.includes(c)) break;
    if (c === '\\') {
      if (i + 1 >= line.length) { i++; break; }
      if (line[i + 1] !== '\n') text(line[i + 1]!, true);
      i += 2;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      text(line.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(line, i + 1, parts, text);
    } else if (c === '`') {
      throw new ShellSyntaxError('command substitution (`...`) is not supported by the kubelab shell; run the inner command on its own');
    } else if (c === '$') {
      i = readDollar(line, i, parts, text, false);
    } else {
      text(c, false);
      i++;
    }
  }
  return [{ parts }, i];
}

function readDoubleQuoted(line: string, start: number, parts: WordPart[], text: (t: string, q: boolean) => void): number {
  let i = start;
  // An empty "" still makes a (quoted, empty) word.
  text('', true);
  while (i < line.length) {
    const c = line[i]!;
    if (c === '"') return i + 1;
    if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) {
      if (line[i + 1] !== '\n') text(line[i + 1]!, true);
      i += 2;
    } else if (c === '`') {
      throw new ShellSyntaxError('command substitution (`...`) is not supported by the kubelab shell; run the inner command on its own');
    } else if (c === '$') {
      i = readDollar(line, i, parts, text, true);
    } else {
      text(c, true);
      i++;
    }
  }
  throw new ShellSyntaxError('unterminated quoted string');
}

// `$name` / `${name}` become variable parts (only a for-loop variable may be expanded later).
function readDollar(line: string, i: number, parts: WordPart[], text: (t: string, q: boolean) => void, quoted: boolean): number {
  const rest = line.slice(i + 1);
  if (rest.startsWith('((')) throw new ShellSyntaxError('arithmetic expansion $((...)) is not supported by the kubelab shell');
  if (rest.startsWith('(')) throw new ShellSyntaxError('command substitution $(...) is not supported by the kubelab shell; run the inner command on its own');
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
  const plain = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
  if (braced) { parts.push({ kind: 'var', name: braced[1]! }); return i + 1 + braced[0].length; }
  if (plain) { parts.push({ kind: 'var', name: plain[0] }); return i + 1 + plain[0].length; }
  if (rest.startsWith('{') || /^[0-9?#@*!$-]/.test(rest)) {
    throw new ShellSyntaxError(`the expansion "$${rest.slice(0, rest.startsWith('{') ? rest.indexOf('}') + 1 || rest.length : 1)}" is not supported by the kubelab shell`);
  }
  // A lone `$` (end of word, before a space or quote) is literal, as in sh.
  text('$', quoted);
  return i + 1;
}

/** The word's text when it has no variable parts. */
export function literalText(word: Word): string | undefined {
  if (word.parts.some((p) => p.kind === 'var')) return undefined;
  return word.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** True when the word is one unquoted literal equal to `keyword` (for, in, do, done). */
export function isKeyword(word: Word, keyword: string): boolean {
  return word.parts.length === 1 && word.parts[0]!.kind === 'text' && !word.parts[0]!.quoted && word.parts[0]!.text === keyword;
}
