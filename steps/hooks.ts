/**
 * Scenario lifecycle: the run seed, one cluster and one work folder per scenario, seed and backend
 * in the report, and the guard that fails a scenario whose expected failure nobody checked.
 * With src/cli/, the only place allowed to touch process and the real clock.
 */
import { After, Before, BeforeAll, BeforeStep, Status, setDefaultTimeout, setWorldConstructor, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { randomInt } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { LabWorld } from './world.ts';
import { createCluster, formatTraces } from '../src/index.ts';
import { parseSeed, scenarioSeed } from './support/seed.ts';
import { scenarioLine } from './support/scenario-line.ts';

// Step timeouts are fixed when the support code loads, before worldParameters exist, so the backend
// is read from the environment (the lab CLI sets KUBELAB_BACKEND) or the command line (--profile kind).
const STEP_TIMEOUT_MS: Record<string, number> = { simulator: 5_000, wire: 30_000, kind: 300_000 };
setDefaultTimeout(STEP_TIMEOUT_MS[backendFromCommandLine(process.env, process.argv)] ?? 5_000);

function backendFromCommandLine(env: NodeJS.ProcessEnv, argv: string[]): string {
  if (env['KUBELAB_BACKEND']) return env['KUBELAB_BACKEND'];
  const joined = argv.join(' ');
  if (/(?:--profile[ =]|-p )kind\b/.test(joined) || /"backend"\s*:\s*"kind"/.test(joined)) return 'kind';
  if (/(?:--profile[ =]|-p )wire\b/.test(joined) || /"backend"\s*:\s*"wire"/.test(joined)) return 'wire';
  return 'simulator';
}

setWorldConstructor(LabWorld);

BeforeAll({ timeout: 120_000 }, async function () {
  if (typeof this.parameters['seed'] !== 'number') {
    const fromEnv = process.env['KUBELAB_SEED'];
    this.parameters['seed'] = fromEnv === undefined ? randomInt(0, 2 ** 32) : parseSeed(fromEnv, 'KUBELAB_SEED');
  }
  // The simulator's modules load on first use (seconds under tsx); load them here, not inside the
  // first scenario's 5-second step timeout.
  if ((this.parameters['backend'] ?? 'simulator') === 'simulator') {
    const warmUp = await createCluster({ backend: 'simulator', seed: 0 });
    await warmUp[Symbol.asyncDispose]();
  }
});

Before(async function (this: LabWorld, { pickle, gherkinDocument }: ITestCaseHookParameter) {
  const runSeed = this.parameters.seed ?? 0;
  const line = scenarioLine(gherkinDocument, pickle);
  const uri = pickle.uri.split(path.sep).join('/');
  this.runSeed = runSeed;
  this.seed = scenarioSeed(runSeed, `${uri}:${line}`);
  this.featureDir = path.dirname(path.resolve(pickle.uri));
  // One folder per backend, so the simulator and wire runs of `npm test` (run side by side) never share one.
  this.workdir = path.resolve('reports', 'work', this.backend, `${path.basename(uri, '.feature')}-${line}`);
  await rm(this.workdir, { recursive: true, force: true });
  await mkdir(this.workdir, { recursive: true });
  this.attach(
    `kubelab backend: ${this.backend}\nrun seed: ${runSeed} (replay the run with KUBELAB_SEED=${runSeed})\n` +
    `scenario seed: ${this.seed} (from the run seed and ${uri}:${line})\nwork folder: ${path.relative(process.cwd(), this.workdir)}`,
    'text/plain',
  );
});

BeforeStep(function (this: LabWorld) {
  this.beginStep();
});

After(async function (this: LabWorld, { result }: ITestCaseHookParameter) {
  const passed = result?.status === Status.PASSED;
  try {
    const unchecked = this.uncheckedFailures();
    if (passed && unchecked.length > 0) {
      const list = unchecked.map((r) => `\`${r.command}\` (exit code ${r.exitCode}: ${(r.stderr || r.stdout).trim().split('\n')[0]})`).join('; ');
      throw new Error(`the failure of ${list} was recorded by a "try" step, but no "Then … fails with …" step checked it`);
    }
  } finally {
    // A failing scenario shows how its last requests were routed: the trace is the first thing to read.
    const trace = passed ? '' : formatTraces(this.last);
    if (trace) this.attach(`trace of the last step's requests:\n${trace}`, 'text/plain');
    await this.dispose();
    if (passed && this.workdir) await rm(this.workdir, { recursive: true, force: true });
    else if (this.workdir) this.attach(`work folder kept for inspection: ${path.relative(process.cwd(), this.workdir)}`, 'text/plain');
  }
});
