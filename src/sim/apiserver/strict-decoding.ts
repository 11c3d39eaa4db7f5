/**
 * Server-side field validation of request bodies (SRC: apiserver pkg/endpoints/handlers/create.go, update.go
 * transformDecodeError; patch.go applyPatchToObject / jsonPatcher; apimachinery runtime strictDecodingError, v1.31).
 * kubectl v1.31 sends fieldValidation=Strict for apply/create/replace (--validate=strict is its default); a request
 * without the parameter (kubectl patch) gets the server default, Warn. Unknown fields are never stored.
 */
import type { KubeObject } from '../../model/meta.ts';
import type { ResourceType } from '../kinds.ts';
import type { ApiStatus } from './types.ts';
import { KIND_SCHEMAS, type FieldShape } from './field-schema.ts';
import { goQuote } from './field-errors.ts';

/** The `fieldValidation` query parameter. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `unknown field "<path>"` for each field the kind does not know, in the order the decoder meets them: kubectl
 * sends JSON encoded from a map, so keys are sorted at every level. The object is returned with them removed.
 */
export function findUnknownFields(obj: KubeObject): { errors: string[]; known: KubeObject } {
  const schema = KIND_SCHEMAS[`${obj.apiVersion}/${obj.kind}`];
  if (!schema) return { errors: [], known: obj };
  const errors: string[] = [];
  const known = prune(obj, schema, '', errors) as KubeObject;
  return { errors, known };
}

function prune(value: unknown, shape: FieldShape, path: string, errors: string[]): unknown {
  if (typeof shape === 'string' || value === null || value === undefined) return value;
  if ('items' in shape) {
    return Array.isArray(value) ? value.map((item, i) => prune(item, shape.items, `${path}[${i}]`, errors)) : value;
  }
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const key of Object.keys(value).sort()) {
    const at = path ? `${path}.${key}` : key;
    const child = shape.fields[key];
    if (child === undefined) errors.push(`unknown field ${JSON.stringify(at)}`);
    else out[key] = prune(value[key], child, at, errors);
  }
  // Keep the caller's key order for what stays.
  return Object.fromEntries(Object.keys(value).filter((k) => k in out).map((k) => [k, out[k]]));
}

/** `strict decoding error: a, b` (runtime.NewStrictDecodingError). */
export const strictDecodingError = (errors: readonly string[]): string => `strict decoding error: ${errors.join(', ')}`;

/** 400 for a POST/PUT body (transformDecodeError): `Service in version "v1" cannot be handled as a Service: …`. */
export function decodeErrorStatus(rt: ResourceType, errors: readonly string[]): ApiStatus {
  const version = rt.apiVersion.split('/').pop()!;
  return { code: 400, reason: 'BadRequest', message: `${rt.kind} in version ${goQuote(version)} cannot be handled as a ${rt.kind}: ${strictDecodingError(errors)}` };
}

/** 422 for a PATCH: `patch: Invalid value: "<patch>": strict decoding error: …`, with an empty kind and name. */
export function patchDecodeErrorStatus(shownPatch: string, errors: readonly string[]): ApiStatus {
  const cause = { field: 'patch', type: 'Invalid value' as const, value: goQuote(shownPatch), detail: strictDecodingError(errors) };
  return { code: 422, reason: 'Invalid', message: ` "" is invalid: patch: Invalid value: ${cause.value}: ${cause.detail}`, kind: '', name: '', causes: [cause] };
}

/** Go's `%+v` of a decoded JSON value (map keys sorted, integers kept as integers), as patch errors print it. */
export function goFormatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goFormatValue).join(' ')}]`;
  if (isObject(value)) return `map[${Object.keys(value).sort().map((k) => `${k}:${goFormatValue(value[k])}`).join(' ')}]`;
  return String(value);
}

/** What a body check decides: go on with the known fields (and warnings), or fail. */
export type BodyCheck = { ok: true; object: KubeObject; warnings: string[] } | { ok: false; errors: string[] };

/** Applies a fieldValidation directive to an object: Strict fails on unknown fields, Warn warns, all drop them. */
export function checkBody(obj: KubeObject, directive: FieldValidation): BodyCheck {
  const { errors, known } = findUnknownFields(obj);
  if (errors.length === 0) return { ok: true, object: obj, warnings: [] };
  if (directive === 'Strict') return { ok: false, errors };
  return { ok: true, object: known, warnings: directive === 'Warn' ? errors : [] };
}
