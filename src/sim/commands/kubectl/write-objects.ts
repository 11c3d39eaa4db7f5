/** Shared by apply/create -f: validate every object's type and namespace first, then write them one by one. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { ApiResult } from '../../apiserver/types.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';
import type { Invocation } from './command-tree.ts';
import type { DryRun } from './common-flags.ts';
import { dryRunSuffix } from './common-flags.ts';
import { placeInNamespace, readObjects } from './files.ts';
import { objectLabel } from './resources.ts';
import { KubectlOutput } from './output-text.ts';
import { printStructured, type OutputFormat } from './output-format.ts';

/** An object ready to send, with its type and the file it came from. */
export interface PreparedObject { object: KubeObject; type: ResourceType; source: string }

/** Reads -f, resolves each object's resource type and namespace; any failure means nothing is written. */
export function prepareObjects(inv: Invocation): { ok: true; objects: PreparedObject[] } | { ok: false; message: string } {
  if (!inv.flags.has('filename')) return { ok: false, message: 'error: must specify one of -f and -k' };
  const read = readObjects(inv);
  if (!read.ok) return read;
  const prepared: PreparedObject[] = [];
  for (const { object, source } of read.objects) {
    const type = inv.sim.resources.byKind(object.apiVersion, object.kind);
    if (!type) {
      // parseManifests already reports unknown kinds; this guards a registry that changed in between.
      return { ok: false, message: `error: resource mapping not found for name: "${object.metadata.name}" namespace: "${object.metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first` };
    }
    const placed = placeInNamespace(inv, object, type.namespaced);
    if (!placed.ok) return placed;
    prepared.push({ object: placed.object, type, source });
  }
  return { ok: true, objects: prepared };
}

/** How one write is made and reported. */
export interface WriteRequest {
  inv: Invocation;
  objects: PreparedObject[];
  dryRun: DryRun;
  format: OutputFormat;
  /** Sends one object (already known to be valid client-side). */
  send: (obj: PreparedObject, dryRun: boolean) => ApiResult;
  /** The kubectlErrorText operation for a failed write of this object. */
  operation: (obj: PreparedObject) => 'creating' | 'applying';
  /** The outcome printed for a client-side dry run (nothing is sent). */
  clientDryRunOutcome: (obj: PreparedObject) => string;
}

/**
 * Writes objects in order, settling the simulation after each; prints success lines as they happen and
 * every error after them (kubectl collects errors and reports them at the end), exit 1 if any failed.
 */
export function writeAll(req: WriteRequest, out = new KubectlOutput()): KubectlOutput {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go Run: errs collected, printed after the loop (v1.31).
  const errors: string[] = [];
  const suffix = dryRunSuffix(req.dryRun);
  for (const item of req.objects) {
    let shown: KubeObject = item.object;
    let outcome: string;
    if (req.dryRun === 'client') {
      outcome = req.clientDryRunOutcome(item);
    } else {
      const result = req.send(item, req.dryRun === 'server');
      out.warnings(result.warnings);
      if (!result.ok) {
        errors.push(kubectlErrorText(result.status, { operation: req.operation(item), source: item.source }));
        continue;
      }
      if (req.dryRun === 'none') req.inv.sim.settle();
      shown = result.object;
      outcome = result.outcome;
    }
    if (req.format.kind === 'table') out.out(`${objectLabel(item.type, item.object.metadata.name)} ${outcome}${suffix}`);
    else {
      const printed = printStructured([shown], req.format, { single: true, nameOf: (o) => objectLabel(item.type, o.metadata.name) });
      if (printed.ok) out.raw(printed.text);
      else errors.push(printed.message);
    }
  }
  for (const e of errors) out.fail(e);
  return out;
}
