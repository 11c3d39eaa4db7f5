/**
 * The validating webhook `validate.nginx.ingress.kubernetes.io` (path /networking/v1/ingresses).
 * SRC: ingress-nginx internal/ingress/controller/controller.go CheckIngress and checkOverlap,
 * internal/admission/controller/main.go (controller-v1.11.2). Checks modelled, in order: deletion → allowed;
 * class not ours → allowed; `*-snippet` annotations while snippets are disabled; host/path overlap with another
 * Ingress (canary exemption; only the first overlapping path is evaluated). Not modelled: `nginx -t` on the
 * rendered configuration (v1.11.0–.4 only), deep inspection.
 */
import type { Ingress } from '../../model/networking.ts';
import type { AdmissionHook, ApiStatus } from '../apiserver/types.ts';
import { readBool } from './annotations/define.ts';
import { classVerdict, keyOf } from './ingress-set.ts';
import { buildIngressModel, type ModelInput } from './model.ts';
import { CATCH_ALL_SERVER } from './types.ts';

/** The webhook name kubectl quotes. */
export const WEBHOOK_NAME = 'validate.nginx.ingress.kubernetes.io';

function denied(message: string): { allowed: false; status: ApiStatus } {
  return { allowed: false, status: { code: 400, reason: 'BadRequest', message: `admission webhook "${WEBHOOK_NAME}" denied the request: ${message}` } };
}

/** checkOverlap against the model built from the other Ingresses plus this one (processed last). */
export function checkIngress(ing: Ingress, input: ModelInput): string | undefined {
  if (ing.metadata.deletionTimestamp) return undefined;
  if (!classVerdict(ing, input.ingressClasses).ours) return undefined;
  const config = buildIngressModel({ ...input, ingresses: [] }).config;
  for (const key of Object.keys(ing.metadata.annotations ?? {})) {
    if (!config.allowSnippetAnnotations && key.endsWith('-snippet')) {
      return `${key} annotation cannot be used. Snippet directives are disabled by the Ingress administrator`;
    }
  }
  const others = input.ingresses.filter((o) => keyOf(o) !== keyOf(ing));
  const model = buildIngressModel({ ...input, ingresses: others, appendLast: ing });
  const canaryOf = (o: Ingress) => readBool(o, 'canary');
  for (const rule of ing.spec?.rules ?? []) {
    if (!rule.http) continue;
    const host = rule.host || CATCH_ALL_SERVER;
    for (const p of rule.http.paths ?? []) {
      if (!p.backend.service) continue;
      const path = p.path || '/';
      const server = model.servers.find((s) => s.hostname === host);
      const existing = (server?.locations ?? []).filter((l) => l.path === path && !l.isDefBackend && l.ingress !== undefined).map((l) => l.ingress!);
      if (existing.length === 0) continue;
      if (existing.includes(keyOf(ing))) return undefined;
      const mine = canaryOf(ing);
      for (const other of existing) {
        const otherIng = others.find((o) => keyOf(o) === other);
        const theirs = otherIng ? canaryOf(otherIng) : ({ kind: 'missing' } as const);
        const bothCanary = mine.kind === 'value' && mine.value && theirs.kind === 'value' && theirs.value;
        if (bothCanary || (mine.kind === 'missing' && theirs.kind === 'missing')) {
          return `host "${host}" and path "${path}" is already defined in ingress ${other}`;
        }
      }
      return undefined;
    }
  }
  return undefined;
}

/** The admission hook registered on the API server; `inputOf` reads the current cluster objects. */
export function ingressAdmissionHook(inputOf: () => ModelInput): AdmissionHook {
  return (request) => {
    if (request.object.kind !== 'Ingress') return { allowed: true };
    const message = checkIngress(request.object as Ingress, inputOf());
    return message === undefined ? { allowed: true } : denied(message);
  };
}
