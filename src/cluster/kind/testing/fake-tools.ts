/**
 * Fake `kind`, `kubectl` and `docker` executables for the driver's unit tests: POSIX sh wrappers in a temp
 * folder put first on PATH, running fake-tool.sh (the call itself costs a few ms, not a node start-up).
 * Each call appends "tool argv…" to a log; canned answers come from the rules (first rule whose regex
 * matches "tool argv…"); FAKE_FAIL (a regex) makes matching calls fail, and a rule's `failTimes` makes
 * its first N calls fail (for retries).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExec, type Exec } from '../exec.ts';

/** Where fake-tool.sh and fake-match.awk live. */
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** One canned answer. */
export interface FakeRule {
  /** POSIX extended regex (as awk reads it: `[0-9]`, `[^ ]`, no `\d`/`\S`) tested against "tool arg1 arg2…". */
  match: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** The first N matching calls fail with exit 1 and `failStderr`. */
  failTimes?: number;
  failStderr?: string;
  /** Real milliseconds to wait before answering (timeouts). */
  sleepMs?: number;
}

/** A folder of fake tools and what they were asked. */
export interface FakeTools {
  dir: string;
  /** An Exec that finds the fakes first on PATH; `fail` is FAKE_FAIL (an extended regex). */
  exec(opts?: { fail?: string; signal?: AbortSignal }): Exec;
  /** The calls made so far, one "tool argv…" line each. */
  calls(): Promise<string[]>;
  /** Everything written to the fakes' stdin (manifests applied with -f -). */
  stdin(): Promise<string>;
  setRules(rules: FakeRule[]): Promise<void>;
  cleanup(): Promise<void>;
}

/** Writes the fakes into a new temp folder. */
export async function createFakeTools(rules: FakeRule[] = []): Promise<FakeTools> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kubelab-fake-tools-'));
  for (const tool of ['kind', 'kubectl', 'docker']) {
    const file = path.join(dir, tool);
    await writeFile(file, `#!/bin/sh\ntool=${tool} here=${shQuote(HERE)}\n. "$here/fake-tool.sh"\n`);
    await chmod(file, 0o755);
  }
  const files = { log: path.join(dir, 'calls.log'), stdinLog: path.join(dir, 'stdin.log'), rules: path.join(dir, 'rules.sh'), matches: path.join(dir, 'matches') };
  await writeFile(files.log, '');
  await writeFile(files.stdinLog, '');
  const setRules = async (next: FakeRule[]) => {
    await writeFile(files.matches, next.map((r) => `${r.match}\n`).join(''));
    await writeFile(files.rules, rulesScript(next));
  };
  await setRules(rules);
  return {
    dir,
    exec: (opts = {}) => createExec({
      env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}`, FAKE_LOG: files.log, FAKE_STDIN_LOG: files.stdinLog, FAKE_RULES: files.rules,
        FAKE_MATCHES: files.matches, ...(opts.fail ? { FAKE_FAIL: opts.fail } : {}) },
      ...(opts.signal ? { signal: opts.signal } : {}),
    }),
    calls: async () => (await readFile(files.log, 'utf8')).split('\n').filter(Boolean),
    stdin: () => readFile(files.stdinLog, 'utf8'),
    setRules,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The rules as a sh `case` on $rule (1-based) that fake-tool.sh sources; only the matching rule's answer is set. */
function rulesScript(rules: FakeRule[]): string {
  const arms = rules.map((r, i) => {
    if (r.match.includes('\n')) throw new Error(`fake rule ${i + 1}: a match regex cannot span lines: ${JSON.stringify(r.match)}`);
    const vars = [
      `stdout=${shQuote(r.stdout ?? '')}`, `stderr=${shQuote(r.stderr ?? '')}`, `code=${whole(r.exitCode ?? 0, 'exitCode', i)}`,
      `fail_times=${whole(r.failTimes ?? 0, 'failTimes', i)}`,
      ...(r.failStderr !== undefined ? [`fail_stderr=${shQuote(r.failStderr)}`] : []),
      ...(r.sleepMs ? [`sleep_s=${(whole(r.sleepMs, 'sleepMs', i) / 1000).toFixed(3)}`] : []),
    ];
    return `${i + 1}) ${vars.join(' ')} ;;\n`;
  });
  return `case $rule in\n${arms.join('')}esac\n`;
}

function whole(n: number, field: string, index: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`fake rule ${index + 1}: ${field} must be a whole number ≥ 0, got ${n}`);
  return n;
}

function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
