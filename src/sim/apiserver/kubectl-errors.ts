/**
 * What kubectl prints on stderr for a failed request (SRC: kubectl pkg/cmd/util/helpers.go CheckErr,
 * StandardErrorMessage, MultilineError, AddSourceToErr; pkg/cmd/apply/apply.go, v1.31). No trailing newline.
 */
import type { ApiStatus } from './types.ts';
import { renderFieldError } from './field-errors.ts';

/** The resource.Info kubectl apply prints when patching a live object fails. */
export interface ApplyPatchInfo {
  /** The JSON patch kubectl sent. */
  patch: string;
  /** e.g. `networking.k8s.io/v1, Resource=ingresses`. */
  resource: string;
  /** e.g. `networking.k8s.io/v1, Kind=Ingress`. */
  groupVersionKind: string;
  name: string;
  namespace: string;
}

/** The context kubectl wraps a server error in. */
export interface KubectlErrorContext {
  operation: 'creating' | 'applying' | 'patching' | 'deleting' | 'getting' | 'replacing';
  /** The -f file the object came from (adds `error when <operation> "<source>": `). */
  source?: string;
  /** For a failed apply onto an existing object: what kubectl prints before `for:`. */
  applyPatch?: ApplyPatchInfo;
}

/** kubectl's stderr text for a failed request. */
export function kubectlErrorText(status: ApiStatus, ctx: KubectlErrorContext): string {
  if (status.reason === 'Invalid') return invalidText(status);
  let message = status.message;
  if (ctx.source) {
    if (ctx.operation === 'applying' && ctx.applyPatch) {
      const p = ctx.applyPatch;
      // The patch path wraps twice: "applying patch … for:" around the patcher's own "error when patching".
      message =
        `error when applying patch:\n${p.patch}\nto:\nResource: "${p.resource}", GroupVersionKind: "${p.groupVersionKind}"\n` +
        `Name: "${p.name}", Namespace: "${p.namespace}"\nfor: "${ctx.source}": error when patching "${ctx.source}": ${message}`;
    } else if (ctx.operation !== 'getting') {
      message = `error when ${ctx.operation} "${ctx.source}": ${message}`;
    }
  }
  // StatusReasonUnknown is the empty reason: kubectl then prints no parenthesis.
  return status.reason === 'Unknown' ? `Error from server: ${message}` : `Error from server (${status.reason}): ${message}`;
}

// Invalid errors are printed from the Status details (kind, name, causes), never with "error when …".
// SRC: kubectl pkg/cmd/util/helpers.go checkErr IsInvalid: no details → the server's message; details with an empty
// kind and name (a PATCH that failed to decode) → "The request is invalid" before the causes.
function invalidText(status: ApiStatus): string {
  if (status.kind === undefined && status.name === undefined) {
    return status.message ? `The request is invalid: ${status.message}` : 'The request is invalid';
  }
  const head = status.kind || status.name ? `The ${status.kind ?? ''} "${status.name ?? ''}" is invalid` : 'The request is invalid';
  const causes = [...new Set((status.causes ?? []).map(renderFieldError))];
  if (causes.length === 0) return head;
  if (causes.length === 1) return `${head}: ${causes[0]}`;
  return [`${head}: `, ...causes.map((c) => `* ${c}`)].join('\n');
}
