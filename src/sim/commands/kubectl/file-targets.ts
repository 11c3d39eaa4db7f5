/**
 * The objects `kubectl get -f` / `delete -f` name, visited the way their resource builder does with
 * ContinueOnError: each document's error (namespace mismatch) is kept in visit order and the others are
 * still used; mapping/syntax errors of the files come back as one aggregate, reported after the rest.
 * SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go ContinueOnErrorVisitor,
 * EagerVisitorList; builder.go visitByPaths (v1.31).
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ResourceType } from '../../kinds.ts';
import type { Invocation } from './command-tree.ts';
import { prepareObjects } from './write-objects.ts';
import { aggregate, checkErrText, oneOrAggregate, type CliError } from './cli-errors.ts';
import type { KubectlOutput } from './output-text.ts';

/** One visited -f document: the object it names, or the error the builder reported for it. */
export type FileTarget = { type: ResourceType; name: string; namespace: string; source: string } | { error: CliError };

/** The -f documents in order, and the files' stream error (undefined when every document decoded and mapped). */
export function fileTargets(inv: Invocation): { ok: true; targets: FileTarget[]; streamError?: CliError } | { ok: false; message: string } {
  const prepared = prepareObjects(inv);
  if (!prepared.ok) return prepared;
  const targets = prepared.prepared.items.map((item): FileTarget =>
    'error' in item ? item : { type: item.type, name: item.object.metadata.name, namespace: item.object.metadata.namespace ?? inv.namespace, source: item.source },
  );
  const streamError = aggregate(prepared.prepared.streamErrors);
  return streamError ? { ok: true, targets, streamError } : { ok: true, targets };
}

/** Prints what ContinueOnErrorVisitor returns for `errors` (the stream error last) as cmdutil.CheckErr does; exit 1 if any. */
export function reportVisitErrors(out: KubectlOutput, errors: CliError[], streamError?: CliError): void {
  const failure = oneOrAggregate(streamError ? [...errors, streamError] : errors);
  if (!failure) return;
  out.exitCode = 1;
  out.stderr += checkErrText(failure);
}

/** One -f path that is a plain file (not stdin, not a directory): the builder then implies a single item. */
export function singleFile(inv: Invocation): boolean {
  // SRC: cli-runtime pkg/resource/builder.go visitByPaths: singleItemImplied = !b.dir && !b.stream && len(b.paths) == 1.
  const paths = inv.flags.list('filename');
  const [only] = paths;
  if (paths.length !== 1 || only === undefined || only === '-') return false;
  try {
    return statSync(isAbsolute(only) ? only : join(inv.ctx.workdir, only)).isFile();
  } catch {
    return false;
  }
}
