/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` → `service/x patched` / `(no change)`. */
import { parse as parseYaml } from 'yaml';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FILENAME, OUTPUT, dryRunOf } from './common-flags.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { parseResourceArgs, getObject, notFoundText, objectLabel } from './resources.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

/** `kubectl patch`. */
export const patchCommand: KubectlCommand = {
  name: 'patch',
  summary: 'Update fields of a resource',
  usage: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [flags]",
  flags: [{ name: 'patch', short: 'p', kind: 'string' }, { name: 'type', kind: 'string' }, { name: 'patch-file', kind: 'string' }, DRY_RUN, OUTPUT, FILENAME],
  run: runPatch,
};

function runPatch(inv: Invocation) {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go (v1.31).
  const type = inv.flags.string('type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type)) return kubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
  const text = inv.flags.string('patch');
  if (text === undefined) return kubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (inv.flags.has('patch-file')) return kubectlError('--patch-file is not modelled by the simulated kubectl; pass the patch inline with -p');
  let patch: unknown;
  try {
    // kubectl accepts YAML or JSON (yaml.ToJSON).
    patch = parseYaml(text);
  } catch (err) {
    return kubectlError(`error: unable to parse "${text}": ${(err as Error).message.split('\n')[0]}`);
  }
  const dry = dryRunOf(inv.flags);
  if (!dry.ok) return kubectlError(dry.message);
  if (dry.dryRun !== 'none') return kubectlError('--dry-run is not modelled for kubectl patch; apply the patch, or preview the object with kubectl get -o yaml');
  const parsed = parseResourceArgs(inv.sim, inv.args);
  if (!parsed.ok) return kubectlError(parsed.message);
  const req = parsed.requests[0];
  if (!req?.names?.length) return usageError(inv.path, 'Required resource not specified.');
  const out = new KubectlOutput();
  for (const name of req.names) {
    const before = getObject(inv.sim, req.type, name, inv.namespace);
    if (!before) {
      out.fail(notFoundText(req.type, name));
      continue;
    }
    const ref = req.type.namespaced ? { kind: req.type.kind, name, namespace: inv.namespace } : { kind: req.type.kind, name };
    const result = inv.sim.api.patch(ref, patch, type as 'strategic' | 'merge' | 'json');
    out.warnings(result.warnings);
    if (!result.ok) {
      out.fail(kubectlErrorText(result.status, { operation: 'patching' }));
      continue;
    }
    inv.sim.settle();
    const unchanged = result.outcome === 'unchanged' || result.object.metadata.resourceVersion === before.metadata.resourceVersion;
    out.out(`${objectLabel(req.type, name)} patched${unchanged ? ' (no change)' : ''}`);
  }
  return out.done();
}
