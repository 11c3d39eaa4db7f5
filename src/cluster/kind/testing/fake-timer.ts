/** A test clock: short sleeps pass at once (advancing `now`), long ones (action timeouts) wait for their abort signal or `fire()`. */
import type { Timer } from '../retry.ts';

/** The fake clock and what it was asked. */
export interface FakeTimer extends Timer {
  /** Sleeps requested, in order (ms). */
  readonly sleeps: number[];
  /** Resolves every pending long sleep (makes action timeouts fire). */
  fire(): void;
}

/** `longMs`: sleeps of at least this long are treated as timeouts that never fire on their own. */
export function fakeTimer(longMs = 5_000): FakeTimer {
  let now = 0;
  const sleeps: number[] = [];
  const pending = new Set<() => void>();
  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (ms < longMs) {
        now += ms;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = () => { pending.delete(done); now += ms; resolve(); };
        pending.add(done);
        signal?.addEventListener('abort', () => { pending.delete(done); resolve(); }, { once: true });
      });
    },
    fire() {
      for (const done of [...pending]) done();
    },
  };
}
