/** sed as on Rocky 9 (GNU sed 4.8), the subset lab pipelines use: s///[gpI], /re/d, /re/p, -n, -e, -i, -E. */
import { textOutput, type CommandHandler } from '../command.ts';
import { unknownOption, lines, unlines } from './usage-errors.ts';
import { readInputs } from './input.ts';
import { breToJs } from './grep.ts';
import { writeLabFile } from '../shell-files.ts';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...';

type SedCommand =
  | { kind: 's'; regexp: RegExp; replacement: string; global: boolean; print: boolean }
  | { kind: 'd' | 'p'; address: RegExp | undefined };

/** sed; a bad script fails like GNU sed (`sed: -e expression #1, char N: …`, exit 1). SRC: GNU sed 4.8 sed/compile.c. */
export const sed: CommandHandler = async (argv, ctx) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let inPlace = false;
  let quiet = false;
  let extended = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-e' || a === '--expression') { const v = argv[++i]; if (v === undefined) return textOutput('', "sed: option requires an argument -- 'e'\n" + `${USAGE}\n`, 1); scripts.push(v); }
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (a === '-i' || a === '--in-place') inPlace = true;
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (/^-[inEr]+$/.test(a)) { inPlace ||= a.includes('i'); quiet ||= a.includes('n'); extended ||= /[Er]/.test(a); }
    else if (a.startsWith('-') && a !== '-') return unknownOption('sed', a, USAGE, 1);
    else files.push(a);
  }
  if (scripts.length === 0) {
    const s = files.shift();
    if (s === undefined) return textOutput('', `${USAGE}\n`, 1);
    scripts.push(s);
  }
  const parsed = parseScripts(scripts, extended);
  if (!parsed.ok) return textOutput('', `sed: ${parsed.message}\n`, 1);
  if (inPlace && files.length === 0) return textOutput('', 'sed: no input files\n', 1);
  const input = readInputs('sed', files, ctx);
  if (!input.ok) return textOutput('', input.stderr.replace(/^sed: (.*): No such/, "sed: can't read $1: No such"), 2);
  if (inPlace) {
    for (const f of input.perFile) writeLabFile(f.name, ctx.workdir, ctx.source, run(f.text, parsed.commands, quiet));
    return textOutput('');
  }
  return textOutput(run(input.text, parsed.commands, quiet));
};

function run(text: string, commands: SedCommand[], quiet: boolean): string {
  const out: string[] = [];
  for (let line of lines(text)) {
    let deleted = false;
    for (const c of commands) {
      if (c.kind === 's') {
        c.regexp.lastIndex = 0;
        if (!c.regexp.test(line)) continue;
        c.regexp.lastIndex = 0;
        line = line.replace(c.regexp, c.replacement);
        if (c.print) out.push(line);
      } else if (!c.address || (c.address.lastIndex = 0, c.address.test(line))) {
        if (c.kind === 'p') out.push(line);
        else { deleted = true; break; }
      }
    }
    if (!deleted && !quiet) out.push(line);
  }
  return unlines(out);
}

function parseScripts(scripts: string[], extended: boolean): { ok: true; commands: SedCommand[] } | { ok: false; message: string } {
  const commands: SedCommand[] = [];
  for (const [n, script] of scripts.entries()) {
    for (const piece of splitCommands(script)) {
      const c = parseOne(piece.text.trim(), extended);
      if (typeof c === 'string') return { ok: false, message: `-e expression #${n + 1}, char ${piece.end}: ${c}` };
      commands.push(c);
    }
  }
  return { ok: true, commands };
}

// `;` and newlines separate commands, except inside an s command's delimited parts.
function splitCommands(script: string): { text: string; end: number }[] {
  const out: { text: string; end: number }[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    if (script[i] === 's' && script.slice(start, i).trim() === '' && i + 1 < script.length) {
      const delim = script[i + 1]!;
      let seen = 0;
      i += 2;
      while (i < script.length && seen < 2) { if (script[i] === '\\') i++; else if (script[i] === delim) seen++; i++; }
      continue;
    }
    if (script[i] === ';' || script[i] === '\n') { out.push({ text: script.slice(start, i), end: i }); start = i + 1; }
    i++;
  }
  if (script.slice(start).trim()) out.push({ text: script.slice(start), end: script.length });
  return out;
}

function parseOne(text: string, extended: boolean): SedCommand | string {
  const toJs = (re: string) => (extended ? re : breToJs(re));
  if (text.startsWith('s') && text.length > 1) {
    const delim = text[1]!;
    const parts: string[] = [];
    let cur = '';
    let i = 2;
    for (; i < text.length && parts.length < 2; i++) {
      if (text[i] === '\\' && text[i + 1] === delim) { cur += delim; i++; }
      else if (text[i] === '\\') { cur += text[i]! + (text[i + 1] ?? ''); i++; }
      else if (text[i] === delim) { parts.push(cur); cur = ''; }
      else cur += text[i];
    }
    if (parts.length < 2) return "unterminated `s' command";
    const flags = text.slice(i);
    if (!/^[gpI]*$/.test(flags)) return 'unknown option to `s\'';
    try {
      const regexp = new RegExp(toJs(parts[0]!), `${flags.includes('g') ? 'g' : ''}${flags.includes('I') ? 'i' : ''}`);
      return { kind: 's', regexp, replacement: jsReplacement(parts[1]!), global: flags.includes('g'), print: flags.includes('p') };
    } catch {
      return 'Invalid preceding regular expression';
    }
  }
  const addressed = /^(?:\/((?:[^/\\]|\\.)*)\/)?\s*([dp])$/.exec(text);
  if (addressed) return { kind: addressed[2] as 'd' | 'p', address: addressed[1] === undefined ? undefined : new RegExp(toJs(addressed[1])) };
  return `unknown command: \`${text[0] ?? ''}'`;
}

// SRC: GNU sed s command: & is the match, \1-\9 groups, \n newline, \& a literal &.
function jsReplacement(r: string): string {
  let out = '';
  for (let i = 0; i < r.length; i++) {
    const c = r[i]!;
    if (c === '\\' && i + 1 < r.length) {
      const n = r[++i]!;
      out += /[1-9]/.test(n) ? `$${n}` : n === 'n' ? '\n' : n === '$' ? '$$' : n;
    } else if (c === '&') out += '$&';
    else if (c === '$') out += '$$';
    else out += c;
  }
  return out;
}
