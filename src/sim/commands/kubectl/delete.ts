/** `kubectl delete` by name, TYPE/NAME, -f, -l or --all; `pod "x" deleted`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { ALL_NAMESPACES, DRY_RUN, FILENAME, OUTPUT, RECURSIVE, SELECTOR, dryRunOf, dryRunSuffix } from './common-flags.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import { parseResourceArgs, listObjects, getObject, objectLabel, quotedObject, typeLabel } from './resources.ts';
import type { ApiStatus } from '../../apiserver/types.ts';
import { parseSelector, matchesSelector, type Requirement } from './selector.ts';
import { fileTargets, reportVisitErrors, type FileTarget } from './file-targets.ts';
import type { CliError } from './cli-errors.ts';

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

interface Target { type: ResourceType; name: string; namespace: string; object?: KubeObject; source?: string }

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
  // Errors are collected in visit order and printed once at the end (DeleteResult's r.Visit, then CheckErr).
  const errors: CliError[] = [];
  for (const t of targets.targets) {
    if ('error' in t) {
      errors.push(t.error);
      continue;
    }
    const live = t.object ?? getObject(inv.sim, t.type, t.name, t.namespace);
    if (!live) {
      // SRC: delete.go deleteResource: AddSourceToErr("deleting", info.Source, err) — the file name when from -f.
      if (!flags.bool('ignore-not-found')) errors.push(statusError({ code: 404, reason: 'NotFound', message: `${quotedObject(t.type, t.name)} not found` }, t.source));
      continue;
    }
    if (dry.dryRun === 'none') {
      const result = inv.sim.api.delete(t.type.namespaced ? { kind: t.type.kind, name: t.name, namespace: t.namespace } : { kind: t.type.kind, name: t.name });
      out.warnings(result.warnings);
      if (!result.ok) {
        errors.push(statusError(result.status, t.source));
        continue;
      }
      // The garbage collector and controllers react (a DaemonSet recreates its pod) before the next line.
      inv.sim.settle();
    }
    out.out(flags.string('output') === 'name' ? objectLabel(t.type, t.name) : `${typeLabel(t.type)} "${t.name}" deleted${dryRunSuffix(dry.dryRun)}`);
  }
  reportVisitErrors(out, errors, targets.streamError);
  return out.done();
}

function statusError(status: ApiStatus, source: string | undefined): CliError {
  return { kind: 'status', status, context: source ? { operation: 'deleting', source } : { operation: 'deleting' } };
}

function targetsOf(inv: Invocation, requirements: Requirement[]):
  | { ok: true; targets: (Target | Extract<FileTarget, { error: CliError }>)[]; listed: boolean; types: ResourceType[]; streamError?: CliError }
  | { ok: false; message: string } {
  const { flags } = inv;
  if (flags.has('filename')) {
    const read = fileTargets(inv);
    if (!read.ok) return read;
    // Every visited document counts as found (DeleteResult's found), so only an empty input prints "No resources found".
    return { ok: true, targets: read.targets, listed: read.targets.length === 0 && !read.streamError, types: [], ...(read.streamError ? { streamError: read.streamError } : {}) };
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

