/** wc, head, tail, sort and uniq: the GNU coreutils 8.32 options lab pipelines use. */
import { textOutput, type CommandHandler, type CommandOutput } from '../command.ts';
import { unknownOption, missingArgument, lines, unlines } from './usage-errors.ts';
import { readInputs } from './input.ts';

// Splits argv into single-letter flags (with their values for `valued` ones) and operands.
function parseArgs(program: string, argv: string[], allowed: string, valued: string, exitCode: number): { flags: Map<string, string>; operands: string[] } | CommandOutput {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^-\d+$/.test(a) && valued.includes('n')) { flags.set('n', a.slice(1)); continue; }
    if (a.startsWith('--lines=') && valued.includes('n')) { flags.set('n', a.slice(8)); continue; }
    if (a.startsWith('--') ) return unknownOption(program, a, '', exitCode);
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (valued.includes(f)) {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return missingArgument(program, f, exitCode);
        flags.set(f, v);
        break;
      }
      if (!allowed.includes(f)) return unknownOption(program, `-${f}`, '', exitCode);
      flags.set(f, '');
    }
  }
  return { flags, operands };
}

/** wc -l/-w/-c. SRC: coreutils wc.c (counts, then the file name; no name for stdin). */
export const wc: CommandHandler = async (argv, ctx) => {
  const args = parseArgs('wc', argv, 'lwc', '', 1);
  if ('exitCode' in args) return args;
  const input = readInputs('wc', args.operands, ctx);
  if (!input.ok) return textOutput('', input.stderr, 1);
  const pick = args.flags.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((f) => args.flags.has(f));
  const count = (t: string) => pick.map((f) => (f === 'l' ? (t.match(/\n/g) ?? []).length : f === 'w' ? t.split(/\s+/).filter(Boolean).length : Buffer.byteLength(t)));
  const rows = input.perFile.map((f) => ({ nums: count(f.text), name: args.operands.length ? f.name : '' }));
  // A single count of stdin prints bare; several columns are right-aligned to a common width.
  const width = pick.length === 1 && rows.length === 1 ? 0 : Math.max(...rows.flatMap((r) => r.nums.map((n) => String(n).length)), args.operands.length ? 1 : 7);
  return textOutput(unlines(rows.map((r) => [...r.nums.map((n) => String(n).padStart(width)), ...(r.name ? [r.name] : [])].join(' '))));
};

/** head -n N (default 10). */
export const head: CommandHandler = async (argv, ctx) => slice('head', argv, ctx, (l, n) => l.slice(0, n));

/** tail -n N (default 10). */
export const tail: CommandHandler = async (argv, ctx) => slice('tail', argv, ctx, (l, n) => (n === 0 ? [] : l.slice(-n)));

async function slice(program: string, argv: string[], ctx: Parameters<CommandHandler>[1], pick: (l: string[], n: number) => string[]): Promise<CommandOutput> {
  const args = parseArgs(program, argv, '', 'n', 1);
  if ('exitCode' in args) return args;
  const n = Number(args.flags.get('n') ?? '10');
  if (!Number.isInteger(n) || n < 0) return textOutput('', `${program}: invalid number of lines: '${args.flags.get('n')}'\n`, 1);
  const input = readInputs(program, args.operands, ctx);
  if (!input.ok) return textOutput('', input.stderr.replace(/: (.*): No such/, ": cannot open '$1' for reading: No such"), 1);
  return textOutput(unlines(pick(lines(input.text), n)));
}

/** sort [-n] [-r] [-u]. SRC: coreutils sort.c; lines compare byte-wise (LC_ALL=C assumed). */
export const sort: CommandHandler = async (argv, ctx) => {
  const args = parseArgs('sort', argv, 'nru', '', 2);
  if ('exitCode' in args) return args;
  const input = readInputs('sort', args.operands, ctx);
  if (!input.ok) return textOutput('', input.stderr.replace(/: (.*): No such/, ': cannot read: $1: No such'), 2);
  const numeric = args.flags.has('n');
  let out = lines(input.text).sort((a, b) => (numeric ? (parseFloat(a) || 0) - (parseFloat(b) || 0) || cmp(a, b) : cmp(a, b)));
  if (args.flags.has('u')) out = out.filter((l, i) => i === 0 || (numeric ? parseFloat(l) !== parseFloat(out[i - 1]!) : l !== out[i - 1]));
  if (args.flags.has('r')) out.reverse();
  return textOutput(unlines(out));
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** uniq [-c]: adjacent duplicates; -c prefixes the count right-aligned in 7 columns. SRC: coreutils uniq.c ("%7jd "). */
export const uniq: CommandHandler = async (argv, ctx) => {
  const args = parseArgs('uniq', argv, 'c', '', 1);
  if ('exitCode' in args) return args;
  const input = readInputs('uniq', args.operands.slice(0, 1), ctx);
  if (!input.ok) return textOutput('', input.stderr, 1);
  const groups: { line: string; count: number }[] = [];
  for (const l of lines(input.text)) {
    const last = groups[groups.length - 1];
    if (last && last.line === l) last.count++;
    else groups.push({ line: l, count: 1 });
  }
  return textOutput(unlines(groups.map((g) => (args.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line))));
};
