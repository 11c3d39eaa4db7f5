/** Helpers that turn kubectl outcomes into the text and exit code the real binary prints. */
import { textOutput, type CommandOutput } from '../command.ts';

/** Accumulates stdout/stderr lines of one kubectl run and its exit code. */
export class KubectlOutput {
  stdout = '';
  stderr = '';
  exitCode = 0;
  /** A line on stdout. */
  out(text: string): this {
    this.stdout += text.endsWith('\n') ? text : `${text}\n`;
    return this;
  }
  /** Text on stdout exactly as given (jsonpath output has no trailing newline). */
  raw(text: string): this {
    this.stdout += text;
    return this;
  }
  /** A line on stderr (no exit code change). */
  err(text: string): this {
    this.stderr += text.endsWith('\n') ? text : `${text}\n`;
    return this;
  }
  /** An error line on stderr and exit code 1. */
  fail(text: string): this {
    this.exitCode = 1;
    return this.err(text);
  }
  /** Admission/API warnings as kubectl prints them (`Warning: …`). */
  warnings(list: readonly string[]): this {
    for (const w of list) this.err(`Warning: ${w}`);
    return this;
  }
  /** The CommandOutput. */
  done(): CommandOutput {
    return textOutput(this.stdout, this.stderr, this.exitCode);
  }
}

/** `error: <message>` with exit code 1 (kubectl's cmdutil.CheckErr for plain errors). */
export function kubectlError(message: string): CommandOutput {
  return textOutput('', `${message.startsWith('error: ') ? message : `error: ${message}`}\n`, 1);
}

/** A usage error: the message plus kubectl's hint to the command's help (cmdutil.UsageErrorf). */
export function usageError(path: string[], message: string): CommandOutput {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go UsageErrorf (v1.31).
  return kubectlError(`${message}\nSee 'kubectl ${path.join(' ')} -h' for help and examples`);
}
