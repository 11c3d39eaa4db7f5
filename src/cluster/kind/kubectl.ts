/** The real kubectl with the run's kubeconfig: reads objects as JSON and applies manifests from stdin. */
import type { KubeObject } from '../../model/meta.ts';
import { HarnessError } from '../../errors.ts';
import { mustRun, type Exec, type ExecResult } from './exec.ts';

/** kubectl bound to one kubeconfig. */
export class Kubectl {
  readonly #exec: Exec;
  readonly kubeconfig: string;

  constructor(exec: Exec, kubeconfig: string) {
    this.#exec = exec;
    this.kubeconfig = kubeconfig;
  }

  /** Runs kubectl; the result is returned whatever the exit code. */
  run(args: string[], what: string, opts: { timeoutMs?: number; input?: string; cwd?: string } = {}): Promise<ExecResult> {
    return this.#exec({ file: 'kubectl', args, what, timeoutMs: opts.timeoutMs ?? 60_000, env: { KUBECONFIG: this.kubeconfig },
      ...(opts.input !== undefined ? { input: opts.input } : {}), ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  }

  /** Runs kubectl and fails with a clear error unless it succeeds. */
  must(args: string[], what: string, opts: { timeoutMs?: number; input?: string } = {}): Promise<ExecResult> {
    return mustRun(this.#exec, { file: 'kubectl', args, what, timeoutMs: opts.timeoutMs ?? 60_000, env: { KUBECONFIG: this.kubeconfig },
      ...(opts.input !== undefined ? { input: opts.input } : {}) });
  }

  /** One object, or undefined when the API server says NotFound. */
  async get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined> {
    const res = await this.run(['get', kind, name, ...nsArgs(namespace), '-o', 'json'], `read ${kind} ${namespace ? `${namespace}/` : ''}${name}`);
    if (res.exitCode !== 0) {
      if (/\(NotFound\)|not found/.test(res.stderr)) return undefined;
      throw new HarnessError('COMMAND_FAILED', `kubectl could not read ${kind} ${name}: ${res.stderr.trim()}`);
    }
    return JSON.parse(res.stdout) as KubeObject;
  }

  /** The objects of a kind in one namespace, or in all when namespace is undefined. */
  async list(kind: string, namespace?: string): Promise<KubeObject[]> {
    const scope = namespace === undefined ? ['--all-namespaces'] : ['-n', namespace];
    const res = await this.must(['get', kind, ...scope, '-o', 'json'], `list ${kind}`);
    return ((JSON.parse(res.stdout) as { items?: KubeObject[] }).items ?? []).map((o) => ({ ...o, kind: o.kind ?? kind }));
  }

  /** `kubectl apply -f -` with the given manifest text. */
  apply(manifest: string, what: string, timeoutMs = 120_000): Promise<ExecResult> {
    return this.must(['apply', '-f', '-'], what, { input: manifest, timeoutMs });
  }
}

function nsArgs(namespace: string | undefined): string[] {
  return namespace ? ['-n', namespace] : [];
}
