/** The contract of the simulated kube-apiserver: requests in, objects or Status errors out (never thrown). */
import type { KubeObject, ObjectRef } from '../../model/meta.ts';
import type { FieldValidation } from './strict-decoding.ts';

/** One field error, as apimachinery field.Error renders it: `<field>: <type>[: <value>][: <detail>]`. */
export interface FieldError {
  field: string;
  type: 'Required value' | 'Invalid value' | 'Duplicate value' | 'Unsupported value' | 'Forbidden' | 'Too long' | 'Internal error';
  /** The offending value, already rendered as the API server prints it (e.g. `33333`, `"My_Svc"`). Absent for Required/Forbidden. */
  value?: string;
  detail?: string;
}

/** A failed request: the metav1.Status the API server returns. */
export interface ApiStatus {
  code: number;
  reason: 'Invalid' | 'NotFound' | 'AlreadyExists' | 'BadRequest' | 'InternalError' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'UnsupportedMediaType' | 'Unknown';
  /** The full message kubectl prints after its own prefix, e.g. `Service "x" is invalid: spec.ports[0].nodePort: …`. */
  message: string;
  kind?: string;
  name?: string;
  causes?: FieldError[];
}

/** What a write did, in kubectl's words (`service/howe created`). */
export type WriteOutcome = 'created' | 'configured' | 'unchanged' | 'patched' | 'replaced' | 'deleted';

/** Result of a request: the stored object, or a Status. Warnings are admission warnings kubectl prints as `Warning: …`. */
export type ApiResult<T extends KubeObject = KubeObject> =
  | { ok: true; object: T; outcome: WriteOutcome; warnings: string[] }
  | { ok: false; status: ApiStatus; warnings: string[] };

/** A validating admission webhook (ingress-nginx's), called for CREATE and UPDATE. */
export type AdmissionHook = (request: { operation: 'CREATE' | 'UPDATE'; object: KubeObject; oldObject?: KubeObject }) =>
  | { allowed: true; warnings?: string[] }
  | { allowed: false; status: ApiStatus };

/**
 * Options of a write. `fieldValidation` is the request's query parameter: create/apply/update default to Strict
 * (what kubectl v1.31 sends with its default --validate=strict; pass Ignore for --validate=false), patch to the
 * server default Warn (kubectl patch sends none). Unknown fields are dropped in every mode.
 */
export interface WriteOptions { dryRun?: boolean; fieldValidation?: FieldValidation }

/** The API server requests kubectl and the controllers use. */
export interface ApiServer {
  /** POST: create, failing with AlreadyExists when present. */
  create(obj: KubeObject, opts?: WriteOptions): ApiResult;
  /** `kubectl apply` semantics: create when absent, else three-way merge against the last-applied annotation; `unchanged` when nothing differs. */
  apply(obj: KubeObject, opts?: WriteOptions): ApiResult;
  /** PUT: replace an existing object (kubectl replace / edit). A write that changes nothing keeps the resourceVersion. */
  update(obj: KubeObject, opts?: WriteOptions): ApiResult;
  /** PATCH with `kubectl patch --type` semantics; outcome `patched` (compare resourceVersions for kubectl's "(no change)"). */
  patch(ref: ObjectRef, patch: unknown, type: 'strategic' | 'merge' | 'json', opts?: WriteOptions): ApiResult;
  /** DELETE one object; dependents (ownerReferences) and a namespace's content go with it. */
  delete(ref: ObjectRef, opts?: { dryRun?: boolean }): ApiResult;
  /** Register a validating admission webhook (installing ingress-nginx). */
  addAdmission(name: string, hook: AdmissionHook): void;
}
