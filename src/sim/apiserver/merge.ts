/**
 * Strategic merge (patch application and kubectl's client-side three-way merge) and RFC 7386 JSON merge,
 * for the list merge keys in merge-keys.ts (SRC: apimachinery pkg/util/strategicpatch/patch.go, v1.31).
 */
import { isDeepStrictEqual } from 'node:util';
import { mergeKeyFor } from './merge-keys.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386: objects merge, null deletes, everything else (lists included) replaces. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Json = isObject(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

/** Strategic merge patch: like JSON merge, but lists with a merge key merge item by item (`$patch: delete` removes one). */
export function strategicMergePatch(kind: string, target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Json = isObject(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    const at = [...path, k];
    if (v === null) delete out[k];
    else if (Array.isArray(v) && mergeKeyFor(kind, at) && Array.isArray(out[k])) out[k] = mergeList(kind, out[k] as unknown[], v, at);
    else if (isObject(v)) out[k] = strategicMergePatch(kind, out[k], v, at);
    else out[k] = structuredClone(v);
  }
  return out;
}

function mergeList(kind: string, current: unknown[], patch: unknown[], path: string[]): unknown[] {
  const key = mergeKeyFor(kind, path)!;
  const out = structuredClone(current);
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex((c) => isObject(c) && c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = strategicMergePatch(kind, out[index], item, path);
    else out.push(strategicMergePatch(kind, {}, item, path));
  }
  return out;
}

/**
 * kubectl apply's result: `modified` (the manifest) over `current` (the live object), deleting what
 * `original` (the last-applied configuration) had and `modified` dropped; values only the server set stay.
 * Merge-keyed lists keep the manifest's order, then live-only items.
 */
export function threeWayMerge(kind: string, original: unknown, modified: unknown, current: unknown, path: string[] = []): unknown {
  if (isObject(modified)) {
    const out: Json = isObject(current) ? structuredClone(current) : {};
    const orig = isObject(original) ? original : {};
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    for (const [k, v] of Object.entries(modified)) {
      // A null in the manifest changes nothing: kubectl builds the patch as mergeMap(deletions, delta), and a
      // null in the current→modified delta acts as a delete directive on that patch map, so it never reaches
      // the server (SRC: apimachinery strategicpatch CreateThreeWayMergePatch + mergeMap, v1.31). This is why
      // re-applying a generated manifest with `creationTimestamp: null` prints `unchanged`.
      if (v === null) continue;
      out[k] = threeWayMerge(kind, orig[k], v, out[k], [...path, k]);
    }
    return out;
  }
  const key = Array.isArray(modified) ? mergeKeyFor(kind, path) : undefined;
  if (Array.isArray(modified) && key && Array.isArray(current)) {
    const orig = Array.isArray(original) ? original : [];
    const find = (list: unknown[], item: unknown) => list.find((c) => isObject(c) && isObject(item) && c[key] === item[key]);
    const merged = modified.map((item) => threeWayMerge(kind, find(orig, item), item, find(current, item), path));
    const liveOnly = current.filter((c) => !find(modified, c) && !find(orig, c));
    return [...merged, ...liveOnly];
  }
  return structuredClone(modified);
}

/** Deep equality used to decide `unchanged`. */
export const sameJson = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);
