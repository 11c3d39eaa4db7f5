/** kubelab's one error class for operational failures (bad step input, backend trouble), with a stable code. */

/** Stable codes callers and tests can match. */
export type HarnessErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'TIMEOUT' | 'COMMAND_FAILED' | 'UNSUPPORTED' | 'PREFLIGHT' | 'CHECKSUM';

/** An error whose message says what is wrong and how to fix it. */
export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: HarnessErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HarnessError';
    this.code = code;
    this.details = options.details ?? {};
  }
}
