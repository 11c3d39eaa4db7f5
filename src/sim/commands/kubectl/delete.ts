/** `kubectl delete` by name, TYPE/NAME, -f, -l or --all; `pod "x" deleted`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { ALL_NAMESPACES, DRY_RUN, FILENAME, OUTPUT, RECURSIVE, SELECTOR, dryRunOf, dryRunSuffix } from './common-flags.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import { parseResourceArgs, listObjects, getObject, notFoundText, objectLabel, typeLabel } from './resources.ts';
import { parseSelector, matchesSelector, type Requirement } from './selector.ts';
import { readObjects } from './files.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

/** `kubectl delete`. */
export const deleteCommand: KubectlCommand = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [flags]',
  flags: [
    FILENAME, RECURSIVE, SELECTOR, ALL_NAMESPACES, DRY_RUN, OUTPUT,
    { name: 'all', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'wait', kind: 'bool' },
    { name: 'now', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
  ],
  run: runDelete,
};

interface Target { type: ResourceType; name: string; namespace: string; object?: KubeObject }

function runDelete(inv: Invocation) {
  const { flags } = inv;
  const dry = dryRunOf(flags);
  if (!dry.ok) return kubectlError(dry.message);
  if (flags.has('output') && flags.string('output') !== 'name') return kubectlError(`error: unexpected -o output mode: ${flags.string('output')}. We only support '-o name'`);
  const selector = parseSelector(flags.string('selector') ?? '');
  if (!selector.ok) return kubectlError(selector.message);
  const targets = targetsOf(inv, selector.requirements);
  if (!targets.ok) return kubectlError(targets.message);
  const out = new KubectlOutput();
  if (dry.warning) out.err(dry.warning);
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (v1.31): force + grace-period=0 warns.
  if (flags.bool('force') && flags.string('grace-period') === '0') {
    out.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  }
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go DeleteResult (v1.31): found == 0 → stdout.
  if (targets.targets.length === 0 && targets.listed) return out.out('No resources found').done();
  for (const t of targets.targets) {
    const live = t.object ?? getObject(inv.sim, t.type, t.name, t.namespace);
    if (!live) {
      if (!flags.bool('ignore-not-found')) out.fail(notFoundText(t.type, t.name));
      continue;
    }
    if (dry.dryRun === 'none') {
      const result = inv.sim.api.delete(t.type.namespaced ? { kind: t.type.kind, name: t.name, namespace: t.namespace } : { kind: t.type.kind, name: t.name });
      out.warnings(result.warnings);
      if (!result.ok) {
        out.fail(kubectlErrorText(result.status, { operation: 'deleting' }));
        continue;
      }
      // The garbage collector and controllers react (a DaemonSet recreates its pod) before the next line.
      inv.sim.settle();
    }
    out.out(flags.string('output') === 'name' ? objectLabel(t.type, t.name) : `${typeLabel(t.type)} "${t.name}" deleted${dryRunSuffix(dry.dryRun)}`);
  }
  return out.done();
}

function targetsOf(inv: Invocation, requirements: Requirement[]):
  | { ok: true; targets: Target[]; listed: boolean; types: ResourceType[] }
  | { ok: false; message: string } {
  const { flags } = inv;
  if (flags.has('filename')) {
    const read = readObjects(inv);
    if (!read.ok) return read;
    const targets: Target[] = [];
    for (const { object } of read.objects) {
      const type = inv.sim.resources.byKind(object.apiVersion, object.kind);
      if (type) targets.push({ type, name: object.metadata.name, namespace: object.metadata.namespace ?? inv.namespace });
    }
    return { ok: true, targets, listed: false, types: [] };
  }
  if (inv.args.length === 0) {
    return { ok: false, message: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'" };
  }
  const parsed = parseResourceArgs(inv.sim, inv.args);
  if (!parsed.ok) return parsed;
  const targets: Target[] = [];
  let listed = false;
  for (const req of parsed.requests) {
    if (req.names) {
      targets.push(...req.names.map((name) => ({ type: req.type, name, namespace: inv.namespace })));
      continue;
    }
    if (!flags.bool('all') && !flags.has('selector')) return { ok: false, message: 'error: resource(s) were provided, but no name was specified' };
    listed = true;
    const namespace = flags.bool('all-namespaces') ? undefined : inv.namespace;
    for (const obj of listObjects(inv.sim, req.type, namespace)) {
      if (matchesSelector(requirements, obj.metadata.labels)) targets.push({ type: req.type, name: obj.metadata.name, namespace: obj.metadata.namespace ?? inv.namespace, object: obj });
    }
  }
  return { ok: true, targets, listed, types: parsed.requests.map((r) => r.type) };
}

