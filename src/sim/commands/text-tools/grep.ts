/** grep as on Rocky 9 (GNU grep 3.6): -c -v -i -E -F -n -o -q -w -e, BRE or ERE patterns. */
import { textOutput, type CommandHandler } from '../command.ts';
import { unknownOption, missingArgument, lines, unlines } from './usage-errors.ts';
import { readInputs } from './input.ts';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';
const FLAGS = 'cviEFnoqwsh';
const LONG: Record<string, string> = { '--count': 'c', '--invert-match': 'v', '--ignore-case': 'i', '--extended-regexp': 'E', '--fixed-strings': 'F', '--line-number': 'n', '--only-matching': 'o', '--quiet': 'q', '--silent': 'q', '--word-regexp': 'w' };

/** grep: exit 0 when a line is selected, 1 when none, 2 on errors. SRC: GNU grep 3.6 grep.c. */
export const grep: CommandHandler = async (argv, ctx) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { operands.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--color') || a.startsWith('--colour')) continue; // colouring only applies to a terminal; output here is never one
    if (a.startsWith('--regexp=')) { patterns.push(a.slice(9)); continue; }
    if (a.startsWith('--')) {
      const f = LONG[a];
      if (!f) return unknownOption('grep', a, USAGE, 2);
      flags.add(f);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'e') {
          const value = a.slice(j + 1) || argv[++i];
          if (value === undefined) return missingArgument('grep', 'e', 2);
          patterns.push(value);
          break;
        }
        if (!FLAGS.includes(f)) return unknownOption('grep', `-${f}`, USAGE, 2);
        flags.add(f);
      }
    } else operands.push(a);
  }
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) return textOutput('', `${USAGE}\nTry 'grep --help' for more information.\n`, 2);
    patterns.push(p);
  }
  let regexps: RegExp[];
  try {
    regexps = patterns.flatMap((p) => p.split('\n')).map((p) => compile(p, flags));
  } catch (err) {
    return textOutput('', `grep: ${(err as Error).message}\n`, 2);
  }
  const input = readInputs('grep', operands, ctx);
  if (!input.ok) return textOutput('', input.stderr, 2);
  const prefixName = input.perFile.length > 1;
  let out = '';
  let any = false;
  for (const file of input.perFile) {
    let count = 0;
    for (const [n, line] of lines(file.text).entries()) {
      const selected = regexps.some((r) => { r.lastIndex = 0; return r.test(line); }) !== flags.has('v');
      if (!selected) continue;
      count++;
      any = true;
      if (flags.has('c') || flags.has('q')) continue;
      const prefix = `${prefixName ? `${file.name}:` : ''}${flags.has('n') ? `${n + 1}:` : ''}`;
      if (flags.has('o') && !flags.has('v')) {
        for (const r of regexps) for (const m of line.matchAll(new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`))) if (m[0]) out += `${prefix}${m[0]}\n`;
      } else out += unlines([prefix + line]);
    }
    if (flags.has('c') && !flags.has('q')) out += `${prefixName ? `${file.name}:` : ''}${count}\n`;
  }
  return textOutput(flags.has('q') ? '' : out, '', any ? 0 : 1);
};

function compile(pattern: string, flags: Set<string>): RegExp {
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? ere(pattern) : bre(pattern);
  if (flags.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
  try {
    return new RegExp(source, flags.has('i') ? 'i' : '');
  } catch {
    throw new Error(`Unmatched ( or \\( in pattern "${pattern}"`);
  }
}

// SRC: POSIX XBD 9.3 BREs (GNU extensions \| \+ \?): escaped (){}|+? are operators, bare ones literal.
function bre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      if ('(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += `\\${n}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

function ere(p: string): string {
  return p.replace(/\\[<>]/g, '\\b');
}

/** Exposed for sed: a POSIX BRE as a JavaScript RegExp source. */
export const breToJs = bre;
