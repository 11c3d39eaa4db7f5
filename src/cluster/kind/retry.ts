/** Bounded waits and retries. Each names what it waited for; the clock is injected (tests run it fast). */
import { HarnessError } from '../../errors.ts';
import { seconds } from './exec.ts';

/** The time source of the kind backend (the real one lives in host.ts; tests pass a fake). */
export interface Timer {
  now(): number;
  /** Resolves after `ms`, or early (without error) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What one poll saw: done (with a value) or not yet (with the reason, reported on timeout). */
export type Poll<T> = { done: true; value: T } | { done: false; reason: string };

/** Polls `probe` every `intervalMs` until it is done or `timeoutMs` passed; the timeout error names `what` and the last reason. */
export async function waitFor<T>(timer: Timer, what: string, opts: { timeoutMs: number; intervalMs: number }, probe: () => Promise<Poll<T>>): Promise<T> {
  const deadline = timer.now() + opts.timeoutMs;
  let last = 'not checked yet';
  for (;;) {
    const poll = await probe();
    if (poll.done) return poll.value;
    last = poll.reason;
    if (timer.now() + opts.intervalMs > deadline) {
      throw new HarnessError('TIMEOUT', `timed out after ${seconds(opts.timeoutMs)} waiting for ${what}; last seen: ${last}`, { details: { what, last } });
    }
    await timer.sleep(opts.intervalMs);
  }
}

/**
 * Runs `attempt` up to `attempts` times, `delayMs` apart, while `retryable(error)` holds (e.g. a webhook
 * that is not serving yet). The final error says how many tries were made and keeps the last cause.
 */
export async function withRetries<T>(timer: Timer, what: string, opts: { attempts: number; delayMs: number; retryable: (err: unknown) => boolean }, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!opts.retryable(err)) throw err;
      if (n >= opts.attempts) {
        const message = err instanceof Error ? err.message : String(err);
        throw new HarnessError('TIMEOUT', `gave up trying to ${what} after ${opts.attempts} attempts ${seconds(opts.delayMs)} apart; last error: ${message}`, { cause: err, details: { what } });
      }
      await timer.sleep(opts.delayMs);
    }
  }
}
