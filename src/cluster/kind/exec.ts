/**
 * Running the real tools (kind, kubectl, docker) through execa 9. Every call has a timeout that names
 * what it waited for; failures and timeouts are values the caller turns into clear errors.
 */
import { execa } from 'execa';
import { HarnessError } from '../../errors.ts';

/** One external command to run. */
export interface ExecRequest {
  file: string;
  args: string[];
  /** What the call does, in words, for timeout and failure messages ("create the kind cluster"). */
  what: string;
  timeoutMs: number;
  input?: string;
  cwd?: string;
  /** Extra environment variables (e.g. KUBECONFIG). */
  env?: Record<string, string>;
}

/** What it printed and how it ended. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The command line as a user would type it (for reports). */
  commandLine: string;
}

/** Runs external commands; injected everywhere so tests can put fake executables first on PATH. */
export type Exec = (req: ExecRequest) => Promise<ExecResult>;

/** An Exec over execa; `env` is the base environment (PATH decides which kind/kubectl/docker run), `signal` aborts every call. */
export function createExec(opts: { env: Record<string, string | undefined>; signal?: AbortSignal }): Exec {
  return async (req) => {
    if (opts.signal?.aborted) throw aborted(req);
    const result = await execa(req.file, req.args, {
      reject: false,
      timeout: req.timeoutMs,
      ...(opts.signal ? { cancelSignal: opts.signal } : {}),
      ...(req.input !== undefined ? { input: req.input } : { stdin: 'ignore' as const }),
      ...(req.cwd ? { cwd: req.cwd } : {}),
      env: { ...opts.env, ...req.env },
      extendEnv: false,
      stripFinalNewline: false,
    });
    if (result.isCanceled) throw aborted(req);
    const missing = (result as { code?: string }).code === 'ENOENT';
    if (missing) {
      throw new HarnessError('PREFLIGHT', `${req.file} is not installed or not on PATH (needed to ${req.what}); install it and retry`, { details: { file: req.file } });
    }
    return {
      exitCode: result.exitCode ?? (result.timedOut ? 124 : 1),
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      timedOut: result.timedOut,
      commandLine: [req.file, ...req.args].map(quoteArg).join(' '),
    };
  };
}

/** Runs a command that must succeed; a failure or timeout becomes a HarnessError naming what was attempted. */
export async function mustRun(exec: Exec, req: ExecRequest): Promise<ExecResult> {
  const result = await exec(req);
  if (result.timedOut) {
    throw new HarnessError('TIMEOUT', `timed out after ${seconds(req.timeoutMs)} waiting to ${req.what} (\`${result.commandLine}\`)`,
      { details: { command: result.commandLine } });
  }
  if (result.exitCode !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new HarnessError('COMMAND_FAILED', `could not ${req.what}: \`${result.commandLine}\` exited with ${result.exitCode}${output ? `:\n${output}` : ''}`,
      { details: { command: result.commandLine, exitCode: result.exitCode, stderr: result.stderr } });
  }
  return result;
}

/** Milliseconds as a short human duration ("90s", "2m"). */
export function seconds(ms: number): string {
  return ms % 60_000 === 0 && ms >= 60_000 ? `${ms / 60_000}m` : `${Math.round(ms / 100) / 10}s`;
}

/** Quotes one argument for display the way a POSIX shell would need it. */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function aborted(req: ExecRequest): HarnessError {
  return new HarnessError('COMMAND_FAILED', `interrupted while trying to ${req.what}`, { details: { aborted: true } });
}
