/**
 * Cucumber support code of the `kind` profile (cucumber.mjs imports it only there): brings the run's one
 * cluster up before the first scenario, tears it down after the last one and on Ctrl-C/SIGTERM, and skips
 * scenarios tagged @simulator-only with their reason. Like steps/hooks.ts, it is allowed to touch process.
 */
import { AfterAll, Before, BeforeAll, type ITestCaseHookParameter } from '@cucumber/cucumber';
import { startKindRun, stopKindRun, type KindUserOptions } from './host.ts';
import { simulatorOnlyReason } from './skip-reason.ts';

BeforeAll({ timeout: 30 * 60_000 }, async function () {
  const params = (this as unknown as { parameters?: Record<string, unknown> }).parameters ?? {};
  const user = (params['kind'] ?? {}) as KindUserOptions;
  const interrupted = new AbortController();
  let stopping = false;
  // Ctrl-C: stop what runs (kind, kubectl get the signal through execa), remove what the run made, exit.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\nkubelab: ${signal}: tearing the kind cluster down (press Ctrl-C again to leave it)\n`);
    interrupted.abort();
    stopKindRun().then((m) => process.stderr.write(`kubelab: ${m}\n`), (e: unknown) => process.stderr.write(`kubelab: ${String(e)}\n`))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const state = await startKindRun({
    user, signal: interrupted.signal,
    log: (r) => process.stderr.write(`kubelab kind: ${r.name} ${r.outcome} (${(r.ms / 1000).toFixed(1)}s)\n`),
  });
  if (state.missingImages.length > 0) {
    process.stderr.write(`kubelab kind: not in the local Docker engine, so the nodes must pull them: ${state.missingImages.join(', ')}\n`);
  }
});

AfterAll({ timeout: 10 * 60_000 }, async function () {
  process.stderr.write(`kubelab kind: ${await stopKindRun()}\n`);
});

Before({ tags: '@simulator-only' }, function (this: { attach(text: string, mediaType: string): void }, { pickle, gherkinDocument }: ITestCaseHookParameter) {
  this.attach(`skipped on kind: ${simulatorOnlyReason(pickle, gherkinDocument)}`, 'text/plain');
  return 'skipped';
});
