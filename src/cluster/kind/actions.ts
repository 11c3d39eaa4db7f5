/**
 * Bring-up as an explicit ordered list of small named actions (like kind's own create actions), each with
 * its own timeout. The runner stops at the first failure or on interruption and then runs the cleanup,
 * unless the caller asked to retain the partial cluster for inspection.
 */
import { HarnessError } from '../../errors.ts';
import { seconds } from './exec.ts';
import type { Timer } from './retry.ts';

/** One named step of bring-up or teardown. */
export interface Action<C> {
  name: string;
  timeoutMs: number;
  run(ctx: C): Promise<void>;
}

/** How one action went, for the report. */
export interface ActionRecord { name: string; ms: number; outcome: 'done' | 'failed' | 'timed out' | 'interrupted' }

/** Runs actions in order; on failure runs `cleanup` (unless retain) and rethrows with the action's name. */
export async function runActions<C>(actions: Action<C>[], ctx: C, opts: {
  timer: Timer;
  signal?: AbortSignal;
  retain?: boolean;
  cleanup?: (why: string) => Promise<void>;
  log?: (record: ActionRecord) => void;
}): Promise<ActionRecord[]> {
  const records: ActionRecord[] = [];
  for (const action of actions) {
    const started = opts.timer.now();
    try {
      if (opts.signal?.aborted) throw interrupted(action.name);
      await race(action, ctx, opts.timer, opts.signal);
      const record: ActionRecord = { name: action.name, ms: opts.timer.now() - started, outcome: 'done' };
      records.push(record);
      opts.log?.(record);
    } catch (err) {
      const outcome = err instanceof HarnessError && err.details['aborted'] ? 'interrupted'
        : err instanceof HarnessError && err.code === 'TIMEOUT' && err.details['action'] === action.name ? 'timed out' : 'failed';
      const record: ActionRecord = { name: action.name, ms: opts.timer.now() - started, outcome };
      records.push(record);
      opts.log?.(record);
      const message = err instanceof Error ? err.message : String(err);
      if (opts.cleanup && !opts.retain) await opts.cleanup(`${action.name} ${outcome}`);
      const kept = opts.retain ? ' The partial cluster was kept for inspection (retain); delete it with `kind delete cluster --name <name>`.' : '';
      throw new HarnessError(err instanceof HarnessError ? err.code : 'COMMAND_FAILED', `kind bring-up action "${action.name}" ${outcome}: ${message}${kept}`,
        { cause: err, details: { action: action.name, records, ...(outcome === 'interrupted' ? { aborted: true } : {}) } });
    }
  }
  return records;
}

// The action's own promise races its timeout and the interruption signal; the loser is left to settle.
async function race<C>(action: Action<C>, ctx: C, timer: Timer, signal: AbortSignal | undefined): Promise<void> {
  const settled = new AbortController();
  let onAbort: (() => void) | undefined;
  const running = action.run(ctx);
  // If a guard wins, the action may still fail later: that late failure is expected, not unhandled.
  running.catch(() => undefined);
  const guards: Promise<void>[] = [
    timer.sleep(action.timeoutMs, settled.signal).then(() => {
      if (!settled.signal.aborted) throw new HarnessError('TIMEOUT', `timed out after ${seconds(action.timeoutMs)}`, { details: { action: action.name } });
    }),
  ];
  if (signal) {
    guards.push(new Promise<void>((_, reject) => {
      onAbort = () => reject(interrupted(action.name));
      signal.addEventListener('abort', onAbort, { once: true });
    }));
  }
  try {
    await Promise.race([running, ...guards]);
  } finally {
    settled.abort();
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

function interrupted(name: string): HarnessError {
  return new HarnessError('COMMAND_FAILED', `interrupted during ${name}`, { details: { aborted: true } });
}
