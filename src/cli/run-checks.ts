/**
 * `npm test`: the project's four checks, two at a time (this is a 2-core machine and each check is one
 * busy process): typecheck ‖ unit tests, then the features on the simulator ‖ the features over real
 * sockets (wire profile). Each check's output is printed whole when its phase ends, so nothing
 * interleaves; the features only run when typecheck and unit tests passed.
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

const PHASES: Check[][] = [
  [{ script: 'typecheck' }, { script: 'test:unit' }],
  [{ script: 'features' }, { script: 'features:wire' }],
];

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

const outcomes: Outcome[] = [];
for (const phase of PHASES) {
  const results = await Promise.all(phase.map(run));
  for (const r of results) {
    process.stdout.write(`\n── npm run ${r.script}: ${r.exitCode === 0 ? 'passed' : `FAILED (exit ${r.exitCode})`} in ${r.seconds.toFixed(1)} s ──\n${r.output}`);
  }
  outcomes.push(...results);
  if (results.some((r) => r.exitCode !== 0)) break;
}

const failed = outcomes.filter((o) => o.exitCode !== 0).length;
const skipped = PHASES.flat().length - outcomes.length;
process.stdout.write(`\n${outcomes.map((o) => `${o.script} ${o.seconds.toFixed(1)} s`).join(', ')}\n`);
process.stdout.write(`checks: ${outcomes.length - failed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed === 0 ? 0 : 1;
