/**
 * Fake `kind`, `kubectl` and `docker` executables for the driver's unit tests: POSIX sh wrappers in a temp
 * folder put first on PATH, running fake-tool.sh with shell builtins only (a call costs a process spawn,
 * not a node start-up). Each call appends "tool argv…" to a log; canned answers come from the rules (the
 * first rule whose glob matches "tool argv…"); FAKE_FAIL (a glob) makes matching calls fail, and a
 * rule's `failTimes` makes its first N calls fail (for retries).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExec, type Exec } from '../exec.ts';

/** Where fake-tool.sh lives. */
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** One canned answer. */
export interface FakeRule {
  /** A sh `case` glob for the whole "tool arg1 arg2…" line (`*` also matches spaces): `'kubectl apply*'`. */
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
  /** An Exec that finds the fakes first on PATH; `fail` is FAKE_FAIL (a glob like a rule's `match`). */
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
    await writeFile(file, `#!/bin/sh\ntool=${tool}\n. ${shQuote(path.join(HERE, 'fake-tool.sh'))}\n`);
    await chmod(file, 0o755);
  }
  const files = { log: path.join(dir, 'calls.log'), stdinLog: path.join(dir, 'stdin.log'), rules: path.join(dir, 'rules.sh') };
  await writeFile(files.log, '');
  await writeFile(files.stdinLog, '');
  const setRules = (next: FakeRule[]) => writeFile(files.rules, rulesScript(next));
  await setRules(rules);
  return {
    dir,
    exec: (opts = {}) => createExec({
      env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}`, FAKE_LOG: files.log, FAKE_STDIN_LOG: files.stdinLog, FAKE_RULES: files.rules,
        ...(opts.fail ? { FAKE_FAIL: opts.fail } : {}) },
      ...(opts.signal ? { signal: opts.signal } : {}),
    }),
    calls: async () => (await readFile(files.log, 'utf8')).split('\n').filter(Boolean),
    stdin: () => readFile(files.stdinLog, 'utf8'),
    setRules,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The rules as sh functions for fake-tool.sh: `pick_rule` sets $rule (1-based, 0 for none), `answer` sets that rule's reply. */
function rulesScript(rules: FakeRule[]): string {
  // The glob sits in a variable: an unquoted expansion in a case pattern keeps *, ? and [ special.
  const picks = rules.map((r, i) => `  m=${shQuote(r.match)}; case $line in $m) rule=${i + 1}; return ;; esac\n`);
  const answers = rules.map((r, i) => {
    const vars = [
      `stdout=${shQuote(r.stdout ?? '')}`, `stderr=${shQuote(r.stderr ?? '')}`, `code=${whole(r.exitCode ?? 0, 'exitCode', i)}`,
      `fail_times=${whole(r.failTimes ?? 0, 'failTimes', i)}`,
      ...(r.failStderr !== undefined ? [`fail_stderr=${shQuote(r.failStderr)}`] : []),
      ...(r.sleepMs ? [`sleep_s=${(whole(r.sleepMs, 'sleepMs', i) / 1000).toFixed(3)}`] : []),
    ];
    return `    ${i + 1}) ${vars.join(' ')} ;;\n`;
  });
  return `pick_rule() {\n${picks.join('')}  rule=0\n}\nanswer() {\n  case $rule in\n${answers.join('')}  esac\n}\n`;
}

function whole(n: number, field: string, index: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`fake rule ${index + 1}: ${field} must be a whole number ≥ 0, got ${n}`);
  return n;
}

function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
