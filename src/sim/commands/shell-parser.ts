/**
 * Builds the command tree of a line: `;`/newline lists of `&&`/`||` chains of pipelines of
 * simple commands (with redirections) or `for NAME in WORDS; do LIST; done` loops.
 * SRC: POSIX.1-2017 XCU 2.9 Shell Commands (lists, pipelines, the for loop).
 */
import { tokenize, isKeyword, ShellSyntaxError, type Token, type Word } from './shell-lexer.ts';

/** A redirection: `>`/`>>` to a file, `<` from a file, or `N>&M` duplicating a descriptor. */
export type Redirect =
  | { fd: number; op: '>' | '>>' | '<'; target: Word }
  | { fd: number; op: '>&'; toFd: number };

/** A program with its arguments. */
export interface SimpleCommand { kind: 'simple'; words: Word[]; redirects: Redirect[] }

/** `for NAME in ITEMS; do BODY; done`. */
export interface ForLoop { kind: 'for'; variable: string; items: Word[]; body: AndOrList[]; redirects: Redirect[] }

/** Commands joined by `|`. */
export interface Pipeline { commands: (SimpleCommand | ForLoop)[] }

/** A pipeline followed by `&&`/`||` pipelines (left-associative). */
export interface AndOrList { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] }

/** Parses a whole command line; throws ShellSyntaxError with the shell's message. */
export function parseCommandLine(line: string): AndOrList[] {
  const parser = new Parser(tokenize(line));
  const list = parser.list([]);
  if (!parser.done()) throw new ShellSyntaxError(`syntax error: unexpected ${parser.describeNext()}`);
  return list;
}

class Parser {
  #tokens: Token[];
  #pos = 0;
  constructor(tokens: Token[]) { this.#tokens = tokens; }

  done(): boolean { return this.#pos >= this.#tokens.length; }

  describeNext(): string {
    const t = this.#tokens[this.#pos];
    if (!t) return 'end of file';
    if (t.type === 'op') return t.op === '\n' ? 'newline' : `"${t.op}"`;
    return `"${t.word.parts.map((p) => (p.kind === 'text' ? p.text : `$${p.name}`)).join('')}"`;
  }

  // A list ends at end of input or at one of the `terminators` keywords (e.g. `done`).
  list(terminators: string[]): AndOrList[] {
    const out: AndOrList[] = [];
    for (;;) {
      this.#skipSeparators();
      const next = this.#tokens[this.#pos];
      if (!next || (next.type === 'word' && terminators.some((k) => isKeyword(next.word, k)))) return out;
      out.push(this.#andOr(terminators));
      const sep = this.#tokens[this.#pos];
      if (sep && !(sep.type === 'op' && (sep.op === ';' || sep.op === '\n'))) {
        if (sep.type === 'word' && terminators.some((k) => isKeyword(sep.word, k))) {
          throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()} (expecting ";" before it)`);
        }
        throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()}`);
      }
    }
  }

  #skipSeparators(): void {
    while (this.#peekOp(';') || this.#peekOp('\n')) this.#pos++;
  }

  #peekOp(op: string): boolean {
    const t = this.#tokens[this.#pos];
    return t?.type === 'op' && t.op === op && t.fd === undefined;
  }

  #andOr(terminators: string[]): AndOrList {
    const first = this.#pipeline(terminators);
    const rest: AndOrList['rest'] = [];
    while (this.#peekOp('&&') || this.#peekOp('||')) {
      const op = (this.#tokens[this.#pos++] as { op: '&&' | '||' }).op;
      while (this.#peekOp('\n')) this.#pos++;
      rest.push({ op, pipeline: this.#pipeline(terminators) });
    }
    return { first, rest };
  }

  #pipeline(terminators: string[]): Pipeline {
    const commands = [this.#command(terminators)];
    while (this.#peekOp('|')) {
      this.#pos++;
      while (this.#peekOp('\n')) this.#pos++;
      commands.push(this.#command(terminators));
    }
    return { commands };
  }

  #command(terminators: string[]): SimpleCommand | ForLoop {
    const t = this.#tokens[this.#pos];
    if (t?.type === 'word' && isKeyword(t.word, 'for')) return this.#forLoop();
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const tok = this.#tokens[this.#pos];
      if (!tok) break;
      if (tok.type === 'word') {
        if (words.length === 0 && terminators.some((k) => isKeyword(tok.word, k))) break;
        if (words.length === 0 && ['do', 'done', 'then', 'fi', 'in'].some((k) => isKeyword(tok.word, k))) {
          throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()}`);
        }
        words.push(tok.word);
        this.#pos++;
      } else if (tok.op === '>' || tok.op === '>>' || tok.op === '<' || tok.op === '>&') {
        redirects.push(this.#redirect(tok));
      } else {
        break;
      }
    }
    if (words.length === 0 && redirects.length === 0) throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()}`);
    return { kind: 'simple', words, redirects };
  }

  #redirect(tok: Extract<Token, { type: 'op' }>): Redirect {
    this.#pos++;
    const fd = tok.fd ?? (tok.op === '<' ? 0 : 1);
    const target = this.#tokens[this.#pos];
    if (!target || target.type !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()}`);
    this.#pos++;
    if (tok.op === '>&') {
      const text = target.word.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
      if (!/^[12]$/.test(text)) throw new ShellSyntaxError(`redirection ">&${text}" is not supported by the kubelab shell; use 2>&1 or 1>&2`);
      return { fd, op: '>&', toFd: Number(text) };
    }
    if (fd > 2) throw new ShellSyntaxError(`file descriptor ${fd} is not supported by the kubelab shell; use 0, 1 or 2`);
    return { fd, op: tok.op as '>' | '>>' | '<', target: target.word };
  }

  #forLoop(): ForLoop {
    this.#pos++; // for
    const name = this.#tokens[this.#pos];
    const variable = name?.type === 'word' && name.word.parts.length === 1 && name.word.parts[0]!.kind === 'text' ? name.word.parts[0].text : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new ShellSyntaxError(`syntax error: bad for loop variable${variable ? ` "${variable}"` : ''} (only "for NAME in WORDS; do ...; done" is supported)`);
    }
    this.#pos++;
    const inWord = this.#tokens[this.#pos];
    if (!(inWord?.type === 'word' && isKeyword(inWord.word, 'in'))) throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()} (expecting "in")`);
    this.#pos++;
    const items: Word[] = [];
    for (let t = this.#tokens[this.#pos]; t?.type === 'word'; t = this.#tokens[++this.#pos]) items.push(t.word);
    this.#skipSeparators();
    const doWord = this.#tokens[this.#pos];
    if (!(doWord?.type === 'word' && isKeyword(doWord.word, 'do'))) throw new ShellSyntaxError(`syntax error: unexpected ${this.describeNext()} (expecting "do")`);
    this.#pos++;
    const body = this.list(['done']);
    if (body.length === 0) throw new ShellSyntaxError('syntax error: unexpected "done" (the loop body is empty)');
    const doneWord = this.#tokens[this.#pos];
    if (!(doneWord?.type === 'word' && isKeyword(doneWord.word, 'done'))) throw new ShellSyntaxError('syntax error: unexpected end of file (expecting "done")');
    this.#pos++;
    const redirects: Redirect[] = [];
    for (let t = this.#tokens[this.#pos]; t?.type === 'op' && ['>', '>>', '<', '>&'].includes(t.op); t = this.#tokens[this.#pos]) redirects.push(this.#redirect(t));
    return { kind: 'for', variable, items, body, redirects };
  }
}
