/**
 * A kind run's entry points for src/index.ts, loading the backend (execa, testcontainers) only when a
 * kind run starts: the simulator and the CLI never pay for it.
 */
import type { KindHost, KindUserOptions } from './host.ts';
import type { KindRunState } from './run-state.ts';
import type { ActionRecord } from './actions.ts';

export type { KindHost, KindUserOptions } from './host.ts';
export type { ActionRecord } from './actions.ts';
export { simulatorOnlyReason } from './skip-reason.ts';

/** Brings the run's one kind cluster up, logging each bring-up action; `signal` interrupts it. */
export async function startKindRun(opts: { host: KindHost; user: KindUserOptions; signal: AbortSignal; log: (r: ActionRecord) => void }): Promise<KindRunState> {
  return (await import('./host.ts')).startKindRun(opts);
}

/** Tears the run's cluster down (a reusable one is kept); resolves to a line for the user. */
export async function stopKindRun(host: KindHost): Promise<string> {
  return (await import('./host.ts')).stopKindRun(host);
}
