/** Ctrl-C / SIGTERM during a kind run: tear down what the run made, then exit; a second signal exits at once. */

/** What the handler may do to the process; src/cli/kind-run.ts passes the real ones, tests pass fakes. */
export interface InterruptEffects {
  /** Stops the calls in flight (kind and kubectl get the signal through execa). */
  abort(): void;
  /** Removes what the run made; resolves to a line for the user. */
  stop(): Promise<string>;
  /** Writes to stderr. */
  write(text: string): void;
  exit(code: number): void;
}

/** The signals a kind run handles. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** Exit status as a shell reports a process killed by the signal (128 + signal number). */
export const SIGNAL_EXIT: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** A handler for SIGINT and SIGTERM: the first signal aborts, tears down, reports and exits; the next one exits leaving the cluster. */
export function kindInterruptHandler(effects: InterruptEffects): (signal: InterruptSignal) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) {
      effects.exit(SIGNAL_EXIT.SIGINT);
      return;
    }
    stopping = true;
    effects.write(`\nkubelab: ${signal}: tearing the kind cluster down (press Ctrl-C again to leave it)\n`);
    effects.abort();
    void effects.stop()
      .then((message) => effects.write(`kubelab: ${message}\n`), (err: unknown) => effects.write(`kubelab: ${String(err)}\n`))
      .finally(() => effects.exit(SIGNAL_EXIT[signal]));
  };
}
