/** `kubectl exec POD [-c C] [-it] -- cmd…`: runs the command line inside the pod through the simulated shell. */
import type { Pod } from '../../../model/core.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import type { CommandOutput } from '../command.ts';

/** `kubectl exec`. */
export const execCommand: KubectlCommand = {
  name: 'exec',
  summary: 'Execute a command in a container',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [{ name: 'container', short: 'c', kind: 'string' }, { name: 'stdin', short: 'i', kind: 'bool' }, { name: 'tty', short: 't', kind: 'bool' }, { name: 'quiet', short: 'q', kind: 'bool' }],
  run: runExec,
};

async function runExec(inv: Invocation): Promise<CommandOutput> {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (v1.31).
  const out = new KubectlOutput();
  const [target, ...legacy] = inv.args;
  if (!target) return usageError(inv.path, 'pod, type/name or --filename must be specified');
  let command = inv.dashArgs ?? [];
  if (legacy.length > 0) {
    out.err('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.');
    command = [...legacy, ...command];
  }
  if (command.length === 0) return usageError(inv.path, 'you must specify at least one command for the container');
  const pod = findPod(inv, target);
  if (typeof pod === 'string') return kubectlError(pod);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return kubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  const container = inv.flags.string('container') ?? pod.spec.containers[0]!.name;
  if (!pod.spec.containers.some((c) => c.name === container)) return kubectlError(`Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}`);
  if (pod.status?.phase !== 'Running' || !pod.status.podIP) return kubectlError(`error: unable to upgrade connection: container not found ("${container}")`);
  // Imported lazily: the shell's registry imports kubectl, so a static import would be a cycle.
  const { runCommandLine } = await import('../shell.ts');
  const line = command.map(shellQuote).join(' ');
  const source = { kind: 'pod' as const, pod: pod.metadata.name, namespace: pod.metadata.namespace ?? inv.namespace, node: pod.spec.nodeName ?? '', ip: pod.status.podIP };
  const result = await runCommandLine(inv.sim, line, source, inv.ctx.workdir);
  const stderr = out.stderr + result.stderr + (result.exitCode !== 0 ? `command terminated with exit code ${result.exitCode}\n` : '');
  return { exitCode: result.exitCode, stdout: result.stdout, stderr, http: result.http, dns: result.dns, warnings: result.warnings };
}

// POD, pod/NAME or deployment/NAME (its first pod, as kubectl picks one by the selector).
function findPod(inv: Invocation, target: string): Pod | string {
  const [kindPart, name] = target.includes('/') ? (target.split('/') as [string, string]) : ['pod', target];
  const type = inv.sim.resources.byName(kindPart);
  if (!type) return `error: the server doesn't have a resource type "${kindPart}"`;
  if (type.kind === 'Pod') return inv.sim.store.get<Pod>('Pod', name, inv.namespace) ?? `Error from server (NotFound): pods "${name}" not found`;
  const owner = inv.sim.store.get(type.kind, name, inv.namespace);
  if (!owner) return `Error from server (NotFound): ${type.group ? `${type.plural}.${type.group}` : type.plural} "${name}" not found`;
  const selector = (owner['spec'] as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels ?? {};
  const pods = inv.sim.store.list<Pod>('Pod', inv.namespace).filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
  return pods.find((p) => p.status?.phase === 'Running') ?? pods[0] ?? `error: cannot attach to ${type.kind} ${name}: no pods found`;
}

// Words go back through the shell parser, so anything beyond plain characters is single-quoted.
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
