/**
 * kubectl's error values and how `cmdutil.CheckErr` prints them: a single error, or an aggregate whose
 * members print one per line (SRC: kubectl pkg/cmd/util/helpers.go checkErr, StandardErrorMessage,
 * MultipleErrors, AddSourceToErr; apimachinery pkg/util/errors/errors.go aggregate.Error, v1.31).
 */
import type { ApiStatus } from '../../apiserver/types.ts';
import { kubectlErrorText, type KubectlErrorContext } from '../../apiserver/kubectl-errors.ts';

/** One error kubectl carries: a server Status (with the AddSourceToErr context) or a plain Go error. */
export type CliError =
  | { kind: 'status'; status: ApiStatus; context: KubectlErrorContext }
  | { kind: 'plain'; message: string }
  | { kind: 'aggregate'; errors: CliError[] };

/** A plain error (its text without kubectl's `error: ` prefix). */
export function plainError(message: string): CliError {
  return { kind: 'plain', message: message.startsWith('error: ') ? message.slice('error: '.length) : message };
}

/** utilerrors.NewAggregate: undefined for no errors. */
export function aggregate(errors: CliError[]): CliError | undefined {
  return errors.length === 0 ? undefined : { kind: 'aggregate', errors };
}

/** What a visitor that continues on error returns: the only error itself, else their aggregate (ContinueOnErrorVisitor). */
export function oneOrAggregate(errors: CliError[]): CliError | undefined {
  return errors.length === 1 ? errors[0] : aggregate(errors);
}

/** The stderr text of `cmdutil.CheckErr(err)` (ends with a newline). */
export function checkErrText(err: CliError): string {
  // Aggregates of one are unwrapped once; then Invalid statuses get their own form, aggregates one line per member.
  const e = err.kind === 'aggregate' && err.errors.length === 1 ? err.errors[0]! : err;
  let text: string;
  if (e.kind === 'status') text = kubectlErrorText(e.status, e.context);
  else if (e.kind === 'aggregate') text = e.errors.map((m) => `${messageForError(m)}\n`).join('');
  else text = e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

// MultipleErrors' messageForError: StandardErrorMessage for statuses (Invalid included), else err.Error().
function messageForError(err: CliError): string {
  if (err.kind !== 'status') return errorString(err);
  const { status } = err;
  return status.reason === 'Unknown' ? `Error from server: ${errorString(err)}` : `Error from server (${status.reason}): ${errorString(err)}`;
}

// Go's err.Error(): a status's (source-wrapped) message; an aggregate's unique messages, "[a, b]" when several.
function errorString(err: CliError): string {
  if (err.kind === 'plain') return err.message;
  if (err.kind === 'status') {
    const { context, status } = err;
    // SRC: kubectl pkg/cmd/util/helpers.go AddSourceToErr prefixes the Status message itself.
    return context.source && context.operation !== 'getting' ? `error when ${context.operation} "${context.source}": ${status.message}` : status.message;
  }
  const seen = [...new Set(flatten(err).map(errorString))];
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

function flatten(err: CliError): CliError[] {
  return err.kind === 'aggregate' ? err.errors.flatMap(flatten) : [err];
}
