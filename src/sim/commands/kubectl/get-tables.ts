/** `kubectl get`'s human-readable output: one table per resource type, kind prefixes, separators, the empty message. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { PrintContext } from './printers/printer.ts';
import { renderObjectTable } from './printers/table.ts';

/** The objects one request returned, in order. */
export interface ObjectGroup { type: ResourceType; objects: KubeObject[] }

/** The table flags of `kubectl get`. */
export interface GetTableOptions {
  allNamespaces: boolean;
  showKind: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
  /** The request namespace (for "No resources found in <ns> namespace."). */
  namespace: string;
}

/**
 * The tables, or (nothing printed) the stderr line kubectl prints instead.
 * SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/get/get.go Run, multipleGVKsRequested,
 * shouldGetNewPrinterForMapping, separatorWriterWrapper (v1.31).
 */
export function printGetTables(groups: ObjectGroup[], opts: GetTableOptions, ctx: PrintContext): { stdout: string; empty?: string } {
  // Consecutive objects of one resource share a table; a new resource starts a new table with its own widths.
  const runs: ObjectGroup[] = [];
  for (const g of groups) {
    for (const obj of g.objects) {
      const last = runs.at(-1);
      if (last && last.type === g.type) last.objects.push(obj);
      else runs.push({ type: g.type, objects: [obj] });
    }
  }
  // Kind prefixes only when the returned objects are of several kinds (or --show-kind), not merely requested.
  const withKind = opts.showKind || new Set(runs.map((r) => `${r.type.group}/${r.type.kind}`)).size > 1;
  let stdout = '';
  for (const run of runs) {
    const table = renderObjectTable(
      run.type,
      run.objects,
      // -A adds NAMESPACE to namespaced resources only (a cluster-scoped mapping prints without it).
      { withNamespace: opts.allNamespaces && run.type.namespaced, withKind, showLabels: opts.showLabels, noHeaders: opts.noHeaders, labelColumns: opts.labelColumns },
      ctx,
    );
    // A blank line separates tables only when headers are printed and something was written before.
    if (stdout !== '' && !opts.noHeaders && table !== '') stdout += '\n';
    stdout += table;
  }
  if (stdout !== '') return { stdout };
  // allResourcesNamespaced starts as !AllNamespaces and only narrows over printed objects: with none printed,
  // even a cluster-scoped type says "in <ns> namespace".
  return { stdout, empty: opts.allNamespaces ? 'No resources found' : `No resources found in ${opts.namespace} namespace.` };
}
