/** Finishing a generator command (create deployment/service/namespace, expose, run): print or send the object. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ApiStatus } from '../../apiserver/types.ts';
import type { CommandOutput } from '../command.ts';
import type { Invocation } from './command-tree.ts';
import { dryRunOf, dryRunSuffix } from './common-flags.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { parseOutputFormat, printStructured } from './output-format.ts';
import { objectLabel } from './resources.ts';

/**
 * The one NAME a generator command takes, or kubectl's usage error for none or several.
 * SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go NameFromCommandArgs (v1.31).
 */
export function nameArgument(inv: Invocation): { ok: true; name: string } | { ok: false; error: CommandOutput } {
  const name = inv.args[0];
  if (inv.args.length !== 1 || name === undefined) return { ok: false, error: usageError(inv.path, `exactly one NAME is required, got ${inv.args.length}`) };
  return { ok: true, name };
}

/** What to do with a generated object. */
export interface GeneratedRequest {
  inv: Invocation;
  /** The object in Go struct field order (kept by `-o json` under --dry-run=client). */
  object: KubeObject;
  /** The success verb: "created", "exposed". */
  verb: string;
  /** kubectl's error line for a refused create (differs per generator). */
  errorText: (status: ApiStatus) => string;
}

/**
 * `--dry-run=client` prints the object kubectl built (never sent); otherwise it is created (server dry run
 * sends with dryRun) and the server's object is printed; the default output is `<type>/<name> <verb>`.
 */
export function finishGenerated(req: GeneratedRequest): CommandOutput {
  const { inv, object } = req;
  const dry = dryRunOf(inv.flags);
  if (!dry.ok) return kubectlError(dry.message);
  const format = parseOutputFormat(inv.flags.string('output'), false);
  if (!format.ok) return kubectlError(format.message);
  const type = inv.sim.resources.byKind(object.apiVersion, object.kind);
  if (!type) return kubectlError(`error: the server doesn't have a resource type "${object.kind.toLowerCase()}"`);
  const out = new KubectlOutput();
  if (dry.warning) out.err(dry.warning);
  let shown = object;
  if (dry.dryRun !== 'client') {
    const toSend = structuredClone(object);
    if (type.namespaced && !toSend.metadata.namespace) toSend.metadata.namespace = inv.namespace;
    const result = inv.sim.api.create(toSend, { dryRun: dry.dryRun === 'server' });
    out.warnings(result.warnings);
    if (!result.ok) return out.fail(req.errorText(result.status)).done();
    if (dry.dryRun === 'none') inv.sim.settle();
    shown = result.object;
  }
  if (format.format.kind === 'table') return out.out(`${objectLabel(type, object.metadata.name)} ${req.verb}${dryRunSuffix(dry.dryRun)}`).done();
  const printed = printStructured([shown], format.format, { single: true, typed: dry.dryRun === 'client', nameOf: (o) => objectLabel(type, o.metadata.name) });
  return printed.ok ? out.raw(printed.text).done() : out.fail(printed.message).done();
}

/** `metadata` as kubectl's typed objects serialise it: name, namespace (only with -n), creationTimestamp null, labels. */
export function typedMeta(inv: Invocation, name: string, labels?: Record<string, string>): KubeObject['metadata'] {
  // Go struct order of ObjectMeta: name, namespace, …, creationTimestamp, labels. A zero Time marshals as null.
  const meta: Record<string, unknown> = { name };
  if (inv.namespaceExplicit) meta['namespace'] = inv.namespace;
  meta['creationTimestamp'] = null;
  if (labels) meta['labels'] = labels;
  return meta as unknown as KubeObject['metadata'];
}
