/** What a `kubectl get` table printer is, and the cell formatters printers share. */
import type { KubeObject } from '../../../../model/meta.ts';
import type { ReadonlyStore } from '../../../store.ts';
import { ageOf } from '../../../render/duration.ts';

/** What a printer may read while printing one row. */
export interface PrintContext {
  now: Date;
  store: ReadonlyStore;
  /** `-o wide`. */
  wide: boolean;
}

/** The table columns of one kind (the server-side table columns kubectl prints). NAME is the first column. */
export interface TablePrinter {
  headers(wide: boolean): string[];
  row(obj: KubeObject, ctx: PrintContext): string[];
}

/** `k=v,k2=v2` sorted by key, `<none>` when empty (apimachinery labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** The AGE cell of an object. */
export function age(obj: KubeObject, ctx: PrintContext): string {
  return ageOf(obj.metadata.creationTimestamp, ctx.now);
}

/** First `max` items joined by "," then " + N more..." (printers.go listWithMoreString); `<unset>` when empty. */
export function listWithMore(items: string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** A field of a loosely typed object (status fields kubelab's model types leave open). */
export function field(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A number field as its cell ("0" when absent, as Go prints a zero int32). */
export function count(value: unknown): string {
  return typeof value === 'number' ? String(value) : '0';
}

/** The printer for kinds without their own columns: NAME, AGE (kubectl's default table). */
export const DEFAULT_PRINTER: TablePrinter = {
  headers: () => ['NAME', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, age(obj, ctx)],
};
