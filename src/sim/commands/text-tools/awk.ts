/**
 * awk, only its printing form `[/re/]{print $N[, $M …]}` and the tutorial's `[/re/]{system("cmd " $1)}`
 * (which runs each built command line through the lab shell), with optional -F (gawk 5.1 on Rocky 9).
 */
import { textOutput, type CommandHandler } from '../command.ts';
import { lines, unlines } from './usage-errors.ts';
import { readInputs } from './input.ts';

type Item = { kind: 'field'; index: number | 'NF' } | { kind: 'string'; text: string };

const SUPPORTED = "kubelab's awk runs only programs of the form '[/regex/]{print $N[, $M ...]}' or '[/regex/]{system(\"cmd \" $N)}' (fields, $NF, \"strings\"); use grep/sed for the rest";

/** awk '{print $1}'; any other program fails naming what is supported. SRC: POSIX awk field splitting (default FS: blanks, leading ones ignored). */
export const awk: CommandHandler = async (argv, ctx) => {
  let separator: string | undefined;
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-F') separator = argv[++i];
    else if (a.startsWith('-F')) separator = a.slice(2);
    else if (a.startsWith('-') && a !== '-' && rest.length === 0) return textOutput('', `awk: not an option: ${a}\n`, 2);
    else rest.push(a);
  }
  const program = rest.shift();
  if (program === undefined) return textOutput('', 'usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nusage: awk [POSIX or GNU style options] [--] \'program\' file ...\n', 2);
  const parsed = parseProgram(program.trim());
  if (!parsed) return textOutput('', `awk: ${SUPPORTED}\n`, 2);
  const input = readInputs('awk', rest, ctx);
  if (!input.ok) return textOutput('', input.stderr.replace(/^awk: (.*): No such file or directory/, "awk: fatal: cannot open file `$1' for reading: No such file or directory"), 2);
  const out: string[] = [];
  let stderr = '';
  for (const line of lines(input.text)) {
    if (parsed.pattern && !parsed.pattern.test(line)) continue;
    const fields = split(line, separator);
    let text = '';
    for (const [i, item] of parsed.items.entries()) {
      if (i > 0 && parsed.commas[i - 1]) text += ' ';
      if (item.kind === 'string') text += item.text;
      else {
        const n = item.index === 'NF' ? fields.length : item.index;
        text += n === 0 ? line : (fields[n - 1] ?? '');
      }
    }
    if (parsed.action === 'system') {
      // SRC: gawk system(): flushes output, runs the string with /bin/sh, its output goes to awk's stdout.
      const { runShell } = await import('../shell-run.ts');
      const { COMMANDS } = await import('../registry.ts');
      const r = await runShell(text, { sim: ctx.sim, source: ctx.source, workdir: ctx.workdir, programs: COMMANDS });
      out.push(...lines(r.stdout));
      stderr += r.stderr;
      continue;
    }
    out.push(parsed.items.length === 0 ? line : text);
  }
  return textOutput(unlines(out), stderr);
};

function split(line: string, separator: string | undefined): string[] {
  if (separator === undefined || separator === ' ') return line.trim() === '' ? [] : line.trim().split(/[ \t]+/);
  return line.split(separator.length === 1 ? separator : new RegExp(separator));
}

function parseProgram(program: string): { pattern?: RegExp; action: 'print' | 'system'; items: Item[]; commas: boolean[] } | undefined {
  const printForm = /^(?:\/((?:[^/\\]|\\.)*)\/\s*)?\{\s*print\s*(.*?)\s*;?\s*\}$/.exec(program);
  const systemForm = /^(?:\/((?:[^/\\]|\\.)*)\/\s*)?\{\s*system\s*\((.*)\)\s*;?\s*\}$/.exec(program);
  const m = printForm ?? systemForm;
  if (!m) return undefined;
  const action = printForm ? 'print' : 'system';
  const items: Item[] = [];
  const commas: boolean[] = [];
  const re = /\s*(,)?\s*(?:\$(\d+|NF)|"((?:[^"\\]|\\.)*)")/gy;
  const body = m[2]!;
  let pos = 0;
  for (let t = re.exec(body); t; t = re.exec(body)) {
    if (items.length > 0) commas.push(t[1] === ',');
    else if (t[1]) return undefined;
    items.push(t[2] !== undefined ? { kind: 'field', index: t[2] === 'NF' ? 'NF' : Number(t[2]) } : { kind: 'string', text: t[3]!.replace(/\\(.)/g, (_s, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) });
    pos = re.lastIndex;
  }
  if (body.slice(pos).trim() !== '') return undefined;
  if (action === 'system' && (items.length === 0 || commas.some(Boolean))) return undefined;
  return { ...(m[1] !== undefined ? { pattern: new RegExp(m[1]) } : {}), action, items, commas };
}
