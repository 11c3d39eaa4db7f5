/** One `kubectl get` table: printer columns plus NAMESPACE (-A), kind prefixes and LABELS (--show-labels). */
import type { KubeObject } from '../../../../model/meta.ts';
import type { ResourceType } from '../../../kinds.ts';
import { renderTable } from '../../../render/table.ts';
import { printerFor } from './registry.ts';
import { formatLabels, type PrintContext } from './printer.ts';

/** How the table is decorated. */
export interface TableOptions {
  /** `-A`: a NAMESPACE column first. */
  withNamespace: boolean;
  /** Several resource types in one command (`get all`, `get pods,svc`): names print as `pod/x`. */
  withKind: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  /** `-L key,…`: one column per label key, after the printer's columns and before LABELS. */
  labelColumns?: string[];
}

/** The header of a `-L` column: the key's last path segment, upper-cased (formatLabelHeaders). */
export function labelColumnHeader(key: string): string {
  return (key.split('/').at(-1) ?? key).toUpperCase();
}

/** Renders the objects of one resource type as kubectl's human-readable table. */
export function renderObjectTable(type: ResourceType, objects: KubeObject[], opts: TableOptions, ctx: PrintContext): string {
  // SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go printTable (v1.31):
  // NAMESPACE is prepended for -A, -L columns then LABELS appended, the name cell gets "<kind>.<group>/"
  // (decorateTable; appendLabelCells prints an absent label as an empty cell).
  const printer = printerFor(type.kind);
  const headers = printer.headers(ctx.wide);
  const nameColumn = headers.indexOf('NAME');
  const prefix = `${type.group === '' ? type.singular : `${type.singular}.${type.group}`}/`;
  const rows = objects.map((obj) => {
    const cells = printer.row(obj, ctx);
    if (opts.withKind && nameColumn >= 0) cells[nameColumn] = prefix + cells[nameColumn];
    for (const key of opts.labelColumns ?? []) cells.push(obj.metadata.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    return cells;
  });
  const labelHeaders = (opts.labelColumns ?? []).map(labelColumnHeader);
  const fullHeaders = [...(opts.withNamespace ? ['NAMESPACE'] : []), ...headers, ...labelHeaders, ...(opts.showLabels ? ['LABELS'] : [])];
  return renderTable(opts.noHeaders ? [] : fullHeaders, rows);
}
