/**
 * Shared by apply/create -f: the resource builder's visit (ContinueOnError: unknown kinds and namespace
 * mismatches are errors, the other objects are still written), then the writes and kubectl's error report.
 */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { ApiResult } from '../../apiserver/types.ts';
import type { Invocation } from './command-tree.ts';
import type { DryRun } from './common-flags.ts';
import { dryRunOf, dryRunSuffix } from './common-flags.ts';
import { placeInNamespace } from './files.ts';
import { visitManifests } from './manifest-stream.ts';
import { objectLabel } from './resources.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import type { CommandOutput } from '../command.ts';
import { asList, parseOutputFormat, printStructured, type OutputFormat } from './output-format.ts';
import { aggregate, checkErrText, oneOrAggregate, plainError, type CliError } from './cli-errors.ts';

/** An object ready to send, with its type and the file it came from. */
export interface PreparedObject { object: KubeObject; type: ResourceType; source: string }

/** The builder's result: objects and per-object (namespace) errors in document order, and the stream errors. */
export interface Prepared {
  items: (PreparedObject | { error: CliError })[];
  /** Mapping, decoding and syntax errors of the files (EagerVisitorList's aggregate, reported after the rest). */
  streamErrors: CliError[];
}

/** Reads -f and resolves each object's type and namespace; `ok: false` only when a source cannot be read. */
export function prepareObjects(inv: Invocation): { ok: true; prepared: Prepared } | { ok: false; message: string } {
  if (!inv.flags.has('filename')) return { ok: false, message: 'error: must specify one of -f and -k' };
  const visited = visitManifests(inv);
  if (!visited.ok) return visited;
  const prepared: Prepared = { items: [], streamErrors: [] };
  for (const item of visited.items) {
    if ('error' in item) {
      prepared.streamErrors.push(plainError(item.error));
      continue;
    }
    const { object, source } = item;
    const type = inv.sim.resources.byKind(object.apiVersion, object.kind);
    if (!type) {
      // visitManifests already reports unknown kinds; this guards a registry that changed in between.
      prepared.streamErrors.push(plainError(`resource mapping not found for name: "${object.metadata.name}" namespace: "${object.metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`));
      continue;
    }
    // SRC: cli-runtime pkg/resource/visitor.go RequireNamespace runs as a decorator: its error skips this object only.
    const placed = placeInNamespace(inv, object, type.namespaced);
    prepared.items.push(placed.ok ? { object: placed.object, type, source } : { error: plainError(placed.message) });
  }
  return { ok: true, prepared };
}

/** How one write is made and reported. */
export interface WriteRequest {
  inv: Invocation;
  /** apply collects objects first and reports builder errors before write errors; create writes as it visits. */
  command: 'apply' | 'create';
  prepared: Prepared;
  dryRun: DryRun;
  format: OutputFormat;
  /** Sends one object (already known to be valid client-side); may print warnings on `out`. */
  send: (obj: PreparedObject, dryRun: boolean, out: KubectlOutput) => ApiResult;
  /** AddSourceToErr's verb for a failed write: "creating" (absent object) or "applying" (patch of a live one). */
  operation: (obj: PreparedObject) => 'creating' | 'applying';
  /** The outcome and object printed for a client-side dry run (nothing is written). */
  clientDryRun: (obj: PreparedObject) => { outcome: string; object: KubeObject };
}

/** The part of a WriteRequest that differs between apply and create. */
export type WriteHooks = Pick<WriteRequest, 'send' | 'operation' | 'clientDryRun'>;

/** `-f` writes shared by apply and create: checks --dry-run and -o, reads every document, then writeAll. */
export function writeFromFiles(inv: Invocation, command: WriteRequest['command'], hooks: WriteHooks): CommandOutput {
  const dry = dryRunOf(inv.flags);
  if (!dry.ok) return kubectlError(dry.message);
  const format = parseOutputFormat(inv.flags.string('output'), false);
  if (!format.ok) return kubectlError(format.message);
  const prepared = prepareObjects(inv);
  if (!prepared.ok) return kubectlError(prepared.message);
  const out = new KubectlOutput();
  if (dry.warning) out.err(dry.warning);
  return writeAll({ inv, command, prepared: prepared.prepared, dryRun: dry.dryRun, format: format.format, ...hooks }, out).done();
}

/**
 * Writes objects in order, settling the simulation after each; prints success lines as they happen and
 * the collected errors at the end the way cmdutil.CheckErr does, exit 1 if any failed.
 */
export function writeAll(req: WriteRequest, out = new KubectlOutput()): KubectlOutput {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go Run/applyOneObject/printObjects and
  // pkg/cmd/create/create.go RunCreate (v1.31).
  const visitErrors: CliError[] = [];
  const writeErrors: CliError[] = [];
  const written: { item: PreparedObject; object: KubeObject }[] = [];
  const structured = req.format.kind !== 'table' && req.format.kind !== 'name';
  for (const item of req.prepared.items) {
    if ('error' in item) {
      visitErrors.push(item.error);
      continue;
    }
    let shown: KubeObject;
    let outcome: string;
    if (req.dryRun === 'client') ({ object: shown, outcome } = req.clientDryRun(item));
    else {
      const operation = req.operation(item);
      const result = req.send(item, req.dryRun === 'server', out);
      out.warnings(result.warnings);
      if (!result.ok) {
        const error: CliError = { kind: 'status', status: result.status, context: { operation, source: item.source } };
        (req.command === 'create' ? visitErrors : writeErrors).push(error);
        continue;
      }
      if (req.dryRun === 'none') req.inv.sim.settle();
      shown = result.object;
      outcome = result.outcome;
    }
    written.push({ item, object: shown });
    const label = objectLabel(item.type, item.object.metadata.name);
    // -o name is the name printer with ShortOutput: no operation word.
    if (req.format.kind === 'table') out.out(`${label} ${outcome}${dryRunSuffix(req.dryRun)}`);
    else if (req.format.kind === 'name') out.out(label);
    else if (req.command === 'create') printEach(req.format, shown, label, written.length > 1, out, visitErrors);
  }
  const streamError = aggregate(req.prepared.streamErrors);
  const streamErrors = streamError ? [streamError] : [];
  let failure: CliError | undefined;
  if (req.command === 'apply') {
    const builderError = oneOrAggregate([...visitErrors, ...streamErrors]);
    failure = oneOrAggregate([...(builderError ? [builderError] : []), ...writeErrors]);
    if (!failure && written.length === 0) failure = plainError('no objects passed to apply');
    // The post-processor prints -o yaml/json/jsonpath once, after every object was applied and none failed.
    if (!failure && structured) printAll(req.format, written.map((w) => w.object), out);
  } else {
    failure = oneOrAggregate([...visitErrors, ...streamErrors]);
    if (!failure && written.length === 0) failure = plainError('no objects passed to create');
  }
  if (failure) {
    out.exitCode = 1;
    out.stderr += checkErrText(failure);
  }
  return out;
}

// create prints every object as it is created; the YAML printer separates documents with "---".
function printEach(format: OutputFormat, object: KubeObject, label: string, later: boolean, out: KubectlOutput, errors: CliError[]): void {
  if (format.kind === 'table' || format.kind === 'name') return;
  const printed = printStructured([object], format, { single: true, nameOf: () => label });
  if (!printed.ok) return void errors.push(plainError(printed.message));
  out.raw(`${format.kind === 'yaml' && later ? '---\n' : ''}${printed.text}`);
}

// apply's printObjects: one object as itself, several as a typed v1 List (its empty ListMeta prints as {}).
function printAll(format: OutputFormat, objects: KubeObject[], out: KubectlOutput): void {
  if (format.kind === 'table' || format.kind === 'name') return;
  const data = objects.length === 1 ? objects : [{ ...asList(objects), metadata: {} } as unknown as KubeObject];
  const printed = printStructured(data, format, { single: true, nameOf: (o) => o.metadata.name });
  if (printed.ok) out.raw(printed.text);
  else {
    out.exitCode = 1;
    out.err(printed.message);
  }
}
