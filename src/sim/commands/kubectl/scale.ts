/** `kubectl scale deployment NAME --replicas=N` → `deployment.apps/howe scaled`. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { kubectlError, usageError, KubectlOutput } from './output-text.ts';
import { parseResourceArgs, getObject, notFoundText, objectLabel } from './resources.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

const SCALABLE = ['Deployment', 'ReplicaSet'];

/** `kubectl scale`. */
export const scaleCommand: KubectlCommand = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, replication controller, or stateful set',
  usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [flags]',
  flags: [{ name: 'replicas', kind: 'int' }, { name: 'current-replicas', kind: 'int' }],
  run: (inv: Invocation) => {
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go (v1.31).
    const replicas = inv.flags.string('replicas');
    if (replicas === undefined || Number(replicas) < 0) return usageError(inv.path, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const parsed = parseResourceArgs(inv.sim, inv.args);
    if (!parsed.ok) return kubectlError(parsed.message);
    if (parsed.requests.length === 0) return usageError(inv.path, 'Required resource not specified.');
    const out = new KubectlOutput();
    for (const req of parsed.requests) {
      if (!SCALABLE.includes(req.type.kind)) return kubectlError(`error: no scaler has been implemented for {"${req.type.group}" "${req.type.kind}"}`);
      for (const name of req.names ?? []) {
        const live = getObject(inv.sim, req.type, name, inv.namespace);
        if (!live) {
          out.fail(notFoundText(req.type, name));
          continue;
        }
        const current = inv.flags.string('current-replicas');
        if (current !== undefined && Number(current) !== ((live['spec'] as { replicas?: number }).replicas ?? 1)) {
          out.fail(`error: Expected replicas to be ${current}, was ${(live['spec'] as { replicas?: number }).replicas ?? 1}`);
          continue;
        }
        const result = inv.sim.api.patch({ kind: req.type.kind, name, namespace: inv.namespace }, { spec: { replicas: Number(replicas) } }, 'merge');
        out.warnings(result.warnings);
        if (!result.ok) {
          out.fail(kubectlErrorText(result.status, { operation: 'patching' }));
          continue;
        }
        inv.sim.settle();
        out.out(`${objectLabel(req.type, name)} scaled`);
      }
    }
    return out.done();
  },
};
