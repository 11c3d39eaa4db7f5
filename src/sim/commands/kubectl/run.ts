/** `kubectl run NAME --image=I [--restart=Never] [--rm] [-it] [--port] [--labels] [--env] [--command] [-- args]`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT } from './common-flags.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { finishGenerated, typedMeta } from './generated.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

/** `kubectl run`. */
export const runCommand: KubectlCommand = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [flags]',
  flags: [
    { name: 'image', kind: 'string' },
    { name: 'restart', kind: 'string' },
    { name: 'rm', kind: 'bool' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'port', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'env', kind: 'array' },
    { name: 'command', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    OUTPUT, DRY_RUN, FIELD_MANAGER,
  ],
  run: runRun,
};

function runRun(inv: Invocation) {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go BasicPod (v1.31).
  const name = inv.args[0];
  if (!name) return usageError(inv.path, 'NAME is required for run');
  const image = inv.flags.string('image');
  if (!image) return kubectlError('error: required flag(s) "image" not set');
  const restart = inv.flags.string('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return kubectlError(`error: invalid restart policy: ${restart}`);
  const interactive = inv.flags.bool('stdin') || inv.flags.bool('attach');
  if (inv.flags.bool('rm') && !interactive) return kubectlError('error: --rm should only be used for attached containers');
  const pod = podObject(inv, name, image, restart);
  if (!interactive || inv.flags.string('dry-run') === 'client') return finishGenerated({ inv, object: pod, verb: 'created', errorText: (s) => kubectlErrorText(s, { operation: 'creating' }) });

  const toSend = structuredClone(pod);
  toSend.metadata.namespace = inv.namespace;
  const result = inv.sim.api.create(toSend);
  const out = new KubectlOutput().warnings(result.warnings);
  if (!result.ok) return out.fail(kubectlErrorText(result.status, { operation: 'creating' })).done();
  inv.sim.settle();
  // kubectl attaches to the container: this line goes to stderr, then the session is the user's.
  out.err("If you don't see a command prompt, try pressing enter.");
  out.err(`kubelab: interactive sessions are not modelled; the session ends at once. Run commands inside the pod with: When I run "<command>" in pod "${name}"`);
  if (inv.flags.bool('rm')) {
    inv.sim.api.delete({ kind: 'Pod', name, namespace: inv.namespace });
    inv.sim.settle();
    out.out(`pod "${name}" deleted`);
  }
  return out.done();
}

/** The Pod kubectl run builds (Go struct order): label run=NAME, container named after the pod. */
function podObject(inv: Invocation, name: string, image: string, restart: string): KubeObject {
  const labels: Record<string, string> = {};
  for (const pair of (inv.flags.string('labels') ?? `run=${name}`).split(',')) {
    const [k, v = ''] = pair.split('=');
    labels[k!] = v;
  }
  const container: Record<string, unknown> = { name, image };
  if (inv.dashArgs?.length) container[inv.flags.bool('command') ? 'command' : 'args'] = inv.dashArgs;
  const port = inv.flags.string('port');
  if (port) container['ports'] = [{ containerPort: Number(port) }];
  const env = inv.flags.list('env');
  if (env.length) container['env'] = env.map((e) => ({ name: e.split('=')[0], value: e.split('=').slice(1).join('=') }));
  container['resources'] = {};
  if (inv.flags.bool('stdin')) Object.assign(container, { stdin: true, stdinOnce: true });
  if (inv.flags.bool('tty')) container['tty'] = true;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: typedMeta(inv, name, labels),
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject;
}
