/**
 * Field errors and Status values as apimachinery builds them: field.Error rendering, Go value
 * formatting of bad values (v1.31 uses %#v for composites), and the Invalid/NotFound/… Status helpers.
 */
import type { ApiStatus, FieldError } from './types.ts';

/** `<field>: <type>[: <value>][: <detail>]` (SRC: apimachinery pkg/util/validation/field/errors.go Error). */
export function renderFieldError(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** The part after `<field>: ` (ErrorBody; what a Status cause's message holds). */
export function fieldErrorBody(e: FieldError): string {
  let body: string = e.type;
  if (e.value !== undefined && e.type !== 'Required value' && e.type !== 'Forbidden' && e.type !== 'Too long' && e.type !== 'Internal error') {
    body += `: ${e.value}`;
  }
  if (e.detail) body += `: ${e.detail}`;
  return body;
}

/** Go `%q` of a string (strconv.Quote for the ASCII strings manifests hold). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex}`);
}

/** Go `%#v` of a []string: `[]string{"a", "b"}` (v1.31; JSON only from v1.34, kubernetes PR #132314). */
export function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** Go `%#v` of a map[string]string; Go prints map keys sorted. */
export function goStringMap(map: Record<string, string>): string {
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(map[k]!)}`).join(', ')}}`;
}

/** A field error. */
export function fieldError(field: string, type: FieldError['type'], value?: string, detail?: string): FieldError {
  const e: FieldError = { field, type };
  if (value !== undefined) e.value = value;
  if (detail !== undefined) e.detail = detail;
  return e;
}

/** field.Invalid with a string value (rendered %q). */
export const invalidString = (field: string, value: string, detail: string): FieldError => fieldError(field, 'Invalid value', goQuote(value), detail);
/** field.Invalid with an integer value. */
export const invalidNumber = (field: string, value: number, detail: string): FieldError => fieldError(field, 'Invalid value', String(value), detail);
/** field.Required. */
export const required = (field: string, detail = ''): FieldError => fieldError(field, 'Required value', undefined, detail || undefined);
/** field.Forbidden. */
export const forbidden = (field: string, detail: string): FieldError => fieldError(field, 'Forbidden', undefined, detail);
/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"` (valid values sorted, as sets.List does). */
export const notSupported = (field: string, value: string, valid: readonly string[]): FieldError =>
  fieldError(field, 'Unsupported value', goQuote(value), `supported values: ${[...valid].sort().map(goQuote).join(', ')}`);
/** field.Duplicate with an already rendered value. */
export const duplicate = (field: string, value: string): FieldError => fieldError(field, 'Duplicate value', value);

/** `Kind "name" is invalid: …` (SRC: apimachinery pkg/api/errors NewInvalid; kind is GroupKind.String, e.g. `Deployment.apps`). */
export function invalidStatus(kind: string, group: string, name: string, causes: FieldError[]): ApiStatus {
  const messages = dedupe(causes.map(renderFieldError));
  const qualified = group ? `${kind}.${group}` : kind;
  // ErrorList.ToAggregate: one error prints bare, several as `[a, b]`.
  const aggregate = messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
  return { code: 422, reason: 'Invalid', message: `${qualified} "${name}" is invalid: ${aggregate}`, kind, name, causes };
}

/** 404 for a missing object: `services "x" not found` (resource is plural[.group]). */
export function notFoundStatus(resource: string, name: string): ApiStatus {
  return { code: 404, reason: 'NotFound', message: `${resource} "${name}" not found`, name };
}

/** 409 for a create over an existing object: `services "x" already exists`. */
export function alreadyExistsStatus(resource: string, name: string): ApiStatus {
  return { code: 409, reason: 'AlreadyExists', message: `${resource} "${name}" already exists`, name };
}

/** 500: `Internal error occurred: <detail>` (NewInternalError). */
export function internalErrorStatus(detail: string): ApiStatus {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${detail}` };
}

/** 400 with a plain message. */
export function badRequestStatus(message: string): ApiStatus {
  return { code: 400, reason: 'BadRequest', message };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
