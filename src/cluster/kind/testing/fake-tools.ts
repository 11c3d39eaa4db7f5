/**
 * Fake `kind`, `kubectl` and `docker` executables for the driver's unit tests: small scripts in a temp
 * folder put first on PATH. Each call appends "tool argv…" to a log; canned answers come from a rules
 * file (first rule whose regex matches "tool argv…"); FAKE_FAIL (a regex) makes matching calls fail, and
 * a rule's `failTimes` makes its first N calls fail (for retries).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createExec, type Exec } from '../exec.ts';

/** One canned answer. */
export interface FakeRule {
  /** Regex tested against "tool arg1 arg2…". */
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

const SCRIPT = String.raw`
import { appendFileSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
const [tool, ...args] = process.argv.slice(2);
const line = [tool, ...args].join(' ');
appendFileSync(process.env.FAKE_LOG, line.replace(/\n/g, '\\n') + '\n');
let stdin = '';
try { if (process.env.FAKE_STDIN_LOG && !process.stdin.isTTY) stdin = readFileSync(0, 'utf8'); } catch {}
if (stdin) appendFileSync(process.env.FAKE_STDIN_LOG, '--- ' + line + '\n' + stdin + '\n');
if (process.env.FAKE_FAIL && new RegExp(process.env.FAKE_FAIL).test(line)) {
  process.stderr.write('fake ' + tool + ': failing on demand (FAKE_FAIL)\n');
  process.exit(1);
}
const rules = JSON.parse(readFileSync(process.env.FAKE_RULES, 'utf8'));
const index = rules.findIndex((r) => new RegExp(r.match).test(line));
const rule = rules[index] ?? {};
const finish = () => {
  if (rule.failTimes) {
    const counter = process.env.FAKE_RULES + '.' + index + '.count';
    const n = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
    writeFileSync(counter, String(n + 1));
    if (n < rule.failTimes) { process.stderr.write(rule.failStderr ?? 'fake failure\n'); process.exit(1); }
  }
  if (rule.stdout) process.stdout.write(rule.stdout);
  if (rule.stderr) process.stderr.write(rule.stderr);
  process.exit(rule.exitCode ?? 0);
};
if (rule.sleepMs) setTimeout(finish, rule.sleepMs); else finish();
`;

/** A folder of fake tools and what they were asked. */
export interface FakeTools {
  dir: string;
  /** An Exec that finds the fakes first on PATH; `fail` is FAKE_FAIL. */
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
  const script = path.join(dir, 'fake-tool.mjs');
  await writeFile(script, SCRIPT);
  for (const tool of ['kind', 'kubectl', 'docker']) {
    const file = path.join(dir, tool);
    await writeFile(file, `#!/bin/sh\nexec "${process.execPath}" "${script}" ${tool} "$@"\n`);
    await chmod(file, 0o755);
  }
  const log = path.join(dir, 'calls.log');
  const stdinLog = path.join(dir, 'stdin.log');
  const rulesFile = path.join(dir, 'rules.json');
  await writeFile(log, '');
  await writeFile(stdinLog, '');
  await writeFile(rulesFile, JSON.stringify(rules));
  return {
    dir,
    exec: (opts = {}) => createExec({
      env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}`, FAKE_LOG: log, FAKE_STDIN_LOG: stdinLog, FAKE_RULES: rulesFile, ...(opts.fail ? { FAKE_FAIL: opts.fail } : {}) },
      ...(opts.signal ? { signal: opts.signal } : {}),
    }),
    calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean),
    stdin: () => readFile(stdinLog, 'utf8'),
    setRules: (next) => writeFile(rulesFile, JSON.stringify(next)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
