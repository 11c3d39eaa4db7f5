/** The decode step of a POST/PUT body (SRC: apiserver pkg/endpoints/handlers/create.go, update.go, v1.31). */
import type { KubeObject } from '../../model/meta.ts';
import type { ApiResult } from './types.ts';
import { resourceOf, type WriteContext } from './write-path.ts';
import { checkBody, decodeErrorStatus, type FieldValidation } from './strict-decoding.ts';
/** POST/PUT: the body is decoded before anything else; unknown fields fail (Strict), warn (Warn) or just go. */
export function decoded(ctx: WriteContext, obj: KubeObject, directive: FieldValidation, write: (known: KubeObject) => ApiResult): ApiResult {
  const rt = resourceOf(ctx.sim, obj);
  if ('code' in rt) return write(obj);
  const checked = checkBody(obj, directive);
  if (!checked.ok) return { ok: false, status: decodeErrorStatus(rt, checked.errors), warnings: [] };
  const result = write(checked.object);
  return { ...result, warnings: [...checked.warnings, ...result.warnings] };
}
