/** PATCH: strategic merge, JSON merge (RFC 7386) or JSON patch (RFC 6902) onto the live object, then the update path (SRC: apiserver pkg/endpoints/handlers/patch.go, v1.31). */
import type { KubeObject, ObjectRef } from '../../model/meta.ts';
import type { ApiResult } from './types.ts';
import { notFoundStatus } from './field-errors.ts';
import { qualifiedResource, updateObject, type WriteContext } from './write-path.ts';
import { jsonMergePatch, strategicMergePatch } from './merge.ts';
import { applyJsonPatch } from './json-patch.ts';
import { STRATEGIC_KINDS } from './merge-keys.ts';
import { canonicalJson } from './apply.ts';
import { checkBody, goFormatValue, patchDecodeErrorStatus, type FieldValidation } from './strict-decoding.ts';

/** Applies a `kubectl patch --type` patch. A patch that changes nothing keeps the resourceVersion (kubectl then says "patched (no change)"). */
export function patchObject(ctx: WriteContext, ref: ObjectRef, patch: unknown, type: 'strategic' | 'merge' | 'json', dryRun: boolean, fieldValidation: FieldValidation = 'Warn'): ApiResult {
  const rt = ctx.sim.resources.all().find((r) => r.kind === ref.kind);
  if (!rt) return { ok: false, status: { code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' }, warnings: [] };
  const namespace = rt.namespaced ? (ref.namespace ?? 'default') : undefined;
  const current = ctx.sim.store.get(ref.kind, ref.name, namespace);
  if (!current) return { ok: false, status: notFoundStatus(qualifiedResource(rt), ref.name), warnings: [] };
  let patched: unknown;
  if (type === 'json') {
    const result = applyJsonPatch(current, patch);
    // SRC: patch.go applyJSPatch: a failing JSON patch is a 422 carrying the library's message.
    if (!result.ok) return { ok: false, status: { code: 422, reason: 'Invalid', message: result.message }, warnings: [] };
    patched = result.value;
  } else if (type === 'merge') {
    patched = jsonMergePatch(current, patch);
  } else {
    if (!STRATEGIC_KINDS.has(ref.kind)) {
      return {
        ok: false,
        status: { code: 415, reason: 'UnsupportedMediaType', message: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml' },
        warnings: [],
      };
    }
    patched = strategicMergePatch(ref.kind, current, patch);
  }
  const next = patched as KubeObject;
  // The patched object keeps the identity of the live one even if the patch touched it.
  next.kind = current.kind;
  next.apiVersion = current.apiVersion;
  next.metadata = { ...(next.metadata ?? {}), name: current.metadata.name, resourceVersion: current.metadata.resourceVersion };
  if (namespace !== undefined) next.metadata.namespace = namespace;
  // SRC: patch.go applyPatchToObject (strategic: the patch map in %+v) and jsonPatcher (the patched JSON), v1.31.
  const checked = checkBody(next, fieldValidation);
  if (!checked.ok) {
    const shown = type === 'strategic' ? goFormatValue(patch) : canonicalJson(patched).trimEnd();
    return { ok: false, status: patchDecodeErrorStatus(shown, checked.errors), warnings: [] };
  }
  const result = updateObject(ctx, checked.object, dryRun, 'patched');
  return { ...result, warnings: [...checked.warnings, ...result.warnings] };
}
