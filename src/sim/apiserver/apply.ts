/**
 * kubectl client-side apply: the last-applied-configuration annotation and the three-way merge
 * (SRC: kubectl pkg/cmd/apply/apply.go, pkg/util/apply.go GetModifiedConfiguration, patcher.go, v1.31).
 */
import type { KubeObject } from '../../model/meta.ts';
import type { ApiResult } from './types.ts';
import { createObject, resourceOf, updateObject, type WriteContext } from './write-path.ts';
import { sameJson, threeWayMerge, jsonMergePatch } from './merge.ts';
import { STRATEGIC_KINDS } from './merge-keys.ts';
import { decoded } from './decode-body.ts';
import { checkBody, goFormatValue, patchDecodeErrorStatus, type FieldValidation } from './strict-decoding.ts';

/** The annotation kubectl apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** JSON with object keys sorted (Go's json.Marshal of a map) and the encoder's trailing newline. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value)) + '\n';
}

/** The manifest with its own last-applied annotation (an empty `annotations: {}` stays, as kubectl leaves it). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const text = canonicalJson(copy);
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: text };
  return copy;
}

/** apply: create with the annotation, or merge onto the live object; `unchanged` when the merge changes nothing. */
export function applyObject(ctx: WriteContext, input: KubeObject, dryRun: boolean, fieldValidation: FieldValidation = 'Strict'): ApiResult {
  const rt = resourceOf(ctx.sim, input);
  if ('code' in rt) return { ok: false, status: rt, warnings: [] };
  const manifest = structuredClone(input);
  // kubectl sets the request namespace on namespaced objects before computing the annotation.
  if (rt.namespaced) manifest.metadata.namespace ||= 'default';
  else delete manifest.metadata.namespace;
  const modified = withLastApplied(manifest);
  const current = ctx.sim.store.get(modified.kind, modified.metadata.name, modified.metadata.namespace);
  if (!current) return decoded(ctx, modified, fieldValidation, (o) => createObject(ctx, o, dryRun));
  // An existing object is patched: unknown fields fail as a PATCH does (422, the patch shown in Go's %+v).
  // SRC: apiserver pkg/endpoints/handlers/patch.go applyPatchToObject (v1.31). The shown map is the changed part of
  // the manifest, an approximation of kubectl's three-way patch after the server's merge.
  const checked = checkBody(modified, fieldValidation);
  if (!checked.ok) return { ok: false, status: patchDecodeErrorStatus(goFormatValue(changedPart(current, modified)), checked.errors), warnings: [] };
  const result = mergeOnto(ctx, checked.object, current, dryRun);
  return { ...result, warnings: [...checked.warnings, ...result.warnings] };
}

function mergeOnto(ctx: WriteContext, modified: KubeObject, current: KubeObject, dryRun: boolean): ApiResult {
  const previous = current.metadata.annotations?.[LAST_APPLIED];
  const original = previous ? safeParse(previous) : undefined;
  // Custom resources get a JSON merge patch (lists replaced); built-in kinds a strategic one.
  const merged = STRATEGIC_KINDS.has(modified.kind)
    ? (threeWayMerge(modified.kind, original, modified, current) as KubeObject)
    : (jsonMergePatch(current, deletionsAndChanges(original, modified)) as KubeObject);
  if (sameJson(merged, current)) return { ok: true, object: current, outcome: 'unchanged', warnings: [] };
  return updateObject(ctx, merged, dryRun, 'configured');
}

function deletionsAndChanges(original: unknown, modified: KubeObject): unknown {
  const patch = structuredClone(modified) as Record<string, unknown>;
  const mark = (orig: unknown, mod: Record<string, unknown>) => {
    if (!orig || typeof orig !== 'object' || Array.isArray(orig)) return;
    for (const [k, v] of Object.entries(orig)) {
      if (!(k in mod)) mod[k] = null;
      else if (v && typeof v === 'object' && !Array.isArray(v) && mod[k] && typeof mod[k] === 'object' && !Array.isArray(mod[k])) mark(v, mod[k] as Record<string, unknown>);
    }
  };
  mark(original, patch);
  return patch;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The values of `modified` that differ from `current` (maps recursively, lists whole).
function changedPart(current: unknown, modified: unknown): unknown {
  if (!modified || typeof modified !== 'object' || Array.isArray(modified) || !current || typeof current !== 'object' || Array.isArray(current)) return modified;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(modified)) {
    const before = (current as Record<string, unknown>)[k];
    if (v !== null && !sameJson(before, v)) out[k] = changedPart(before, v);
  }
  return out;
}
