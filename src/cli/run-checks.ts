/**
 * `npm test`: the project's four checks, two at a time (this is a 2-core machine and each check is one
 * busy process), the longest first so the two lanes finish together. Every check runs even when another
 * failed, so one run reports every failure; each check's output is printed whole, in a fixed order, so
 * nothing interleaves.
 */
import { spawn } from 'node:child_process';

interface Check {
  script: string;
}

interface Outcome {
  script: string;
  exitCode: number;
  seconds: number;
  output: string;
}

// Longest first (about 30, 27, 25 and 11 s of CPU each on the 2-core machine).
const CHECKS: Check[] = [{ script: 'features:wire' }, { script: 'features' }, { script: 'test:unit' }, { script: 'typecheck' }];
const LANES = 2;
// The order outputs are printed in: what a reader wants first.
const PRINT_ORDER = ['typecheck', 'test:unit', 'features', 'features:wire'];

function run(check: Check): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    // One stream for stdout and stderr keeps each check's messages in the order it wrote them.
    const child = spawn('npm', ['run', '--silent', check.script], { env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => (output += `could not start npm run ${check.script}: ${error.message}\n`));
    child.on('close', (code, signal) => {
      resolve({ script: check.script, exitCode: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000, output });
    });
  });
}

const queue = [...CHECKS];
const outcomes: Outcome[] = [];
async function lane(): Promise<void> {
  for (let next = queue.shift(); next; next = queue.shift()) outcomes.push(await run(next));
}
await Promise.all(Array.from({ length: LANES }, lane));
outcomes.sort((a, b) => PRINT_ORDER.indexOf(a.script) - PRINT_ORDER.indexOf(b.script));
for (const r of outcomes) {
  process.stdout.write(`\n── npm run ${r.script}: ${r.exitCode === 0 ? 'passed' : `FAILED (exit ${r.exitCode})`} in ${r.seconds.toFixed(1)} s ──\n${r.output}`);
}

// Totals from the runners' own summary lines: node:test's `ℹ pass N` / `ℹ fail N` and cucumber's
// `N scenarios (N passed, N failed)`; a check whose output has neither (typecheck) counts as one.
function counts(o: Outcome): { passed: number; failed: number } {
  const unit = { passed: /^ℹ pass (\d+)$/m.exec(o.output)?.[1], failed: /^ℹ fail (\d+)$/m.exec(o.output)?.[1] };
  if (unit.passed !== undefined) return { passed: Number(unit.passed), failed: Number(unit.failed ?? 0) };
  const scenarios = /^(\d+) scenarios? \(([^)]*)\)$/m.exec(o.output);
  if (scenarios) {
    const of = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(scenarios[2] ?? '')?.[1] ?? 0);
    return { passed: of('passed'), failed: Number(scenarios[1]) - of('passed') };
  }
  return o.exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

const totals = outcomes.map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
const failedChecks = outcomes.filter((o) => o.exitCode !== 0).map((o) => o.script);
process.stdout.write(`\n${outcomes.map((o) => `${o.script} ${o.seconds.toFixed(1)} s`).join(', ')}${failedChecks.length ? `; failed: ${failedChecks.join(', ')}` : ''}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed\n`);
process.exitCode = failedChecks.length === 0 ? 0 : 1;
