/** `kubectl rollout restart|status deployment|daemonset NAME`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { parseResourceArgs, getObject, notFoundText, objectLabel } from './resources.ts';
import { count, field } from './printers/printer.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

const ROLLABLE = ['Deployment', 'DaemonSet'];

function each(inv: Invocation, action: (obj: KubeObject, label: string, out: KubectlOutput) => void) {
  const parsed = parseResourceArgs(inv.sim, inv.args);
  if (!parsed.ok) return kubectlError(parsed.message);
  if (parsed.requests.length === 0) return usageError(inv.path, 'Required resource not specified.');
  const out = new KubectlOutput();
  for (const req of parsed.requests) {
    if (!ROLLABLE.includes(req.type.kind)) return kubectlError(`error: no rollout support for ${req.type.kind}s in the simulated kubectl (deployments and daemonsets are modelled)`);
    const names = req.names ?? inv.sim.store.list(req.type.kind, inv.namespace).map((o) => o.metadata.name);
    for (const name of names) {
      const obj = getObject(inv.sim, req.type, name, inv.namespace);
      if (obj) action(obj, objectLabel(req.type, name), out);
      else out.fail(notFoundText(req.type, name));
    }
  }
  return out.done();
}

const restart: KubectlCommand = {
  name: 'restart',
  summary: 'Restart a resource',
  run: (inv) =>
    each(inv, (obj, label, out) => {
      // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectrestarter.go (v1.31): the pod template gets
      // kubectl.kubernetes.io/restartedAt = now (RFC 3339), so the controller rolls new pods.
      const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': inv.sim.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z') } } } } };
      const result = inv.sim.api.patch({ kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace! }, patch, 'strategic');
      out.warnings(result.warnings);
      if (!result.ok) return void out.fail(kubectlErrorText(result.status, { operation: 'patching' }));
      inv.sim.settle();
      out.out(`${label} restarted`);
    }),
};

const status: KubectlCommand = {
  name: 'status',
  summary: 'Show the status of the rollout',
  flags: [{ name: 'watch', short: 'w', kind: 'bool' }, { name: 'timeout', kind: 'string' }],
  run: (inv) =>
    each(inv, (obj, _label, out) => {
      // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (v1.31). The simulation has
      // already settled, so a rollout that is not done now never finishes: kubectl would wait until its timeout.
      const name = obj.metadata.name;
      if (obj.kind === 'Deployment') {
        const want = Number(field(obj, 'spec', 'replicas') ?? 1);
        const available = Number(count(field(obj, 'status', 'availableReplicas')));
        const updated = Number(count(field(obj, 'status', 'updatedReplicas')));
        if (updated >= want && available >= want) return void out.out(`deployment "${name}" successfully rolled out`);
        out.out(`Waiting for deployment "${name}" rollout to finish: ${available} of ${want} updated replicas are available...`);
      } else {
        const desired = Number(count(field(obj, 'status', 'desiredNumberScheduled')));
        const available = Number(count(field(obj, 'status', 'numberAvailable')));
        if (available >= desired) return void out.out(`daemon set "${name}" successfully rolled out`);
        out.out(`Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`);
      }
      out.fail('error: timed out waiting for the condition');
    }),
};

/** `kubectl rollout`. */
export const rolloutCommand: KubectlCommand = { name: 'rollout', summary: 'Manage the rollout of a resource', subcommands: [restart, status] };
