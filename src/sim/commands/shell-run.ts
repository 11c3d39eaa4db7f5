/**
 * Runs a parsed command line: lists, `&&`/`||`, pipes (stdout → stdin), for loops and
 * redirections, calling simulated programs. After each program the simulation settles, its
 * warnings are collected and the clock moves one second (so AGE columns move).
 * SRC: POSIX.1-2017 XCU 2.7 Redirection (applied left to right), 2.9.2 Pipelines, 2.9.3 Lists.
 */
import type { CommandHandler, CommandOutput } from './command.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import { parseCommandLine, type AndOrList, type Pipeline, type Redirect, type SimpleCommand, type ForLoop } from './shell-parser.ts';
import { ShellSyntaxError } from './shell-lexer.ts';
import { expandWord, expandLoopItem, type Variables } from './shell-expand.ts';
import { resolveLabPath, readLabFile, truncateTarget, appendTarget, FileAccessError, type WriteTarget } from './shell-files.ts';
import { programAvailable, notFoundMessage } from './program-places.ts';

/** What the runner needs besides the line: the programs by name and the machine. */
export interface ShellEnvironment {
  sim: Simulation;
  source: Source;
  workdir: string;
  programs: Readonly<Record<string, CommandHandler>>;
}

/** Time one program takes in the lab's clock. */
export const COMMAND_DURATION_MS = 1000;

/** Parses and runs `line`; syntax errors come back as the shell's stderr and exit code 2. */
export async function runShell(line: string, env: ShellEnvironment): Promise<CommandOutput> {
  let list: AndOrList[];
  try {
    list = parseCommandLine(line);
  } catch (err) {
    if (err instanceof ShellSyntaxError) return fail(`${shellName(env.source)}: ${err.message}\n`, 2);
    throw err;
  }
  return runList(list, new Map(), '', env);
}

function empty(): CommandOutput {
  return { exitCode: 0, stdout: '', stderr: '', http: [], dns: [], warnings: [] };
}

function fail(stderr: string, exitCode: number): CommandOutput {
  return { ...empty(), stderr, exitCode };
}

function shellName(source: Source): string {
  return source.kind === 'pod' ? '/bin/sh' : 'sh';
}

// Adds `b`'s output to `a` (stdout and stderr in order of the commands, records appended).
function merge(a: CommandOutput, b: CommandOutput): CommandOutput {
  return {
    exitCode: b.exitCode,
    stdout: a.stdout + b.stdout,
    stderr: a.stderr + b.stderr,
    http: [...a.http, ...b.http],
    dns: [...a.dns, ...b.dns],
    warnings: [...a.warnings, ...b.warnings],
  };
}

async function runList(list: AndOrList[], vars: Variables, stdin: string, env: ShellEnvironment): Promise<CommandOutput> {
  let out = empty();
  for (const entry of list) {
    out = merge(out, await runPipeline(entry.first, vars, stdin, env));
    for (const { op, pipeline } of entry.rest) {
      if ((op === '&&') === (out.exitCode === 0)) out = merge(out, await runPipeline(pipeline, vars, stdin, env));
    }
  }
  return out;
}

async function runPipeline(pipeline: Pipeline, vars: Variables, stdin: string, env: ShellEnvironment): Promise<CommandOutput> {
  let records = empty();
  let input = stdin;
  let last = empty();
  for (const [i, command] of pipeline.commands.entries()) {
    // Every stage but the first reads the previous stage's stdout; only the last stage's stdout reaches the terminal.
    const stageInput = i === 0 ? input : last.stdout;
    last = command.kind === 'for' ? await runFor(command, vars, stageInput, env) : await runSimple(command, vars, stageInput, env);
    records = merge(records, { ...last, stdout: '' });
    input = last.stdout;
  }
  return { ...records, stdout: last.stdout, exitCode: last.exitCode };
}

async function runFor(loop: ForLoop, vars: Variables, stdin: string, env: ShellEnvironment): Promise<CommandOutput> {
  return withRedirects(loop.redirects, vars, stdin, env, async (input) => {
    let out = empty();
    let items: string[];
    try {
      items = loop.items.flatMap((w) => expandLoopItem(w, vars, env.workdir));
    } catch (err) {
      if (err instanceof ShellSyntaxError) return fail(`${shellName(env.source)}: ${err.message}\n`, 2);
      throw err;
    }
    for (const item of items) out = merge(out, await runList(loop.body, new Map([...vars, [loop.variable, item]]), input, env));
    return out;
  });
}

async function runSimple(command: SimpleCommand, vars: Variables, stdin: string, env: ShellEnvironment): Promise<CommandOutput> {
  return withRedirects(command.redirects, vars, stdin, env, async (input) => {
    let argv: string[];
    try {
      argv = command.words.flatMap((w) => expandWord(w, vars, env.workdir));
    } catch (err) {
      if (err instanceof ShellSyntaxError) return fail(`${shellName(env.source)}: ${err.message}\n`, 2);
      throw err;
    }
    if (argv.length === 0) return empty();
    const program = argv[0]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(program) && command.words[0]!.parts[0]?.kind === 'text' && !command.words[0]!.parts[0].quoted) {
      return fail(`${shellName(env.source)}: variable assignments (${program}) are not supported by the kubelab shell\n`, 2);
    }
    const handler = env.programs[program];
    if (!handler || !programAvailable(program, env.source)) return fail(notFoundMessage(program, env.source), 127);
    const out = await handler(argv, { sim: env.sim, source: env.source, workdir: env.workdir, stdin: input });
    env.sim.settle();
    env.sim.clock.advance(COMMAND_DURATION_MS);
    const warnings = env.sim.warnings.splice(0, env.sim.warnings.length);
    return { ...out, warnings: [...out.warnings, ...warnings] };
  });
}

// Opens the redirections left to right (truncating `>` files first, as the shell does), runs the body, then routes its output.
async function withRedirects(
  redirects: Redirect[], vars: Variables, stdin: string, env: ShellEnvironment,
  body: (stdin: string) => Promise<CommandOutput>,
): Promise<CommandOutput> {
  const fds = new Map<number, WriteTarget>([[1, { kind: 'stdout' }], [2, { kind: 'stderr' }]]);
  let input = stdin;
  let verb = 'open';
  try {
    for (const r of redirects) {
      verb = r.op === '<' ? 'open' : 'create';
      if (r.op === '>&') { fds.set(r.fd, fds.get(r.toFd)!); continue; }
      const words = expandWord(r.target, vars, env.workdir);
      if (words.length !== 1) throw new FileAccessError(`${words.join(' ')}: ambiguous redirect`);
      const path = words[0]!;
      if (r.op === '<') { input = readLabFile(path, env.workdir, env.source); continue; }
      const target = resolveLabPath(path, env.workdir, env.source, 'write');
      if (r.op === '>') truncateTarget(target, env.source);
      fds.set(r.fd, target);
    }
  } catch (err) {
    if (err instanceof FileAccessError) return fail(`${shellName(env.source)}: can't ${verb} ${err.message}\n`, 1);
    if (err instanceof ShellSyntaxError) return fail(`${shellName(env.source)}: ${err.message}\n`, 2);
    throw err;
  }
  const out = await body(input);
  let stdout = '';
  let stderr = '';
  for (const [fd, text] of [[1, out.stdout], [2, out.stderr]] as const) {
    const target = fds.get(fd)!;
    if (target.kind === 'stdout') stdout += text;
    else if (target.kind === 'stderr') stderr += text;
    else appendTarget(target, text, env.source);
  }
  return { ...out, stdout, stderr };
}
