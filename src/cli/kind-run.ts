/**
 * Cucumber support code of the `kind` profile (cucumber.mjs imports it only there): brings the run's one
 * cluster up before the first scenario, tears it down after the last one and on Ctrl-C/SIGTERM, and skips
 * scenarios tagged @simulator-only with their reason. It lives in src/cli/ because it touches process
 * (signals, environment, pid, stderr, exit); the kind backend gets those values passed in.
 */
import { AfterAll, Before, BeforeAll, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { simulatorOnlyReason, startKindRun, stopKindRun, type KindHost, type KindUserOptions } from '../index.ts';
import { kindInterruptHandler } from './kind-interrupt.ts';

/** This process, as the kind backend needs it. */
function thisProcess(): KindHost {
  return { env: process.env, pid: process.pid };
}

BeforeAll({ timeout: 30 * 60_000 }, async function () {
  const params = (this as unknown as { parameters?: Record<string, unknown> }).parameters ?? {};
  const user = (params['kind'] ?? {}) as KindUserOptions;
  const interrupted = new AbortController();
  const onSignal = kindInterruptHandler({
    abort: () => interrupted.abort(),
    stop: () => stopKindRun(thisProcess()),
    write: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  });
  // `on`, not `once`: the second Ctrl-C must reach the handler, which then exits leaving the cluster.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const state = await startKindRun({
    host: thisProcess(), user, signal: interrupted.signal,
    log: (r) => process.stderr.write(`kubelab kind: ${r.name} ${r.outcome} (${(r.ms / 1000).toFixed(1)}s)\n`),
  });
  if (state.missingImages.length > 0) {
    process.stderr.write(`kubelab kind: not in the local Docker engine, so the nodes must pull them: ${state.missingImages.join(', ')}\n`);
  }
});

AfterAll({ timeout: 10 * 60_000 }, async function () {
  process.stderr.write(`kubelab kind: ${await stopKindRun(thisProcess())}\n`);
});

Before({ tags: '@simulator-only' }, function (this: { attach(text: string, mediaType: string): void }, { pickle, gherkinDocument }: ITestCaseHookParameter) {
  this.attach(`skipped on kind: ${simulatorOnlyReason(pickle, gherkinDocument)}`, 'text/plain');
  return 'skipped';
});
