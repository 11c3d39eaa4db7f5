/**
 * The one ordered list of annotation modules, and the Extractor that runs them all on an Ingress.
 * SRC: ingress-nginx internal/ingress/annotations/annotations.go Extract (controller-v1.11.2): the first
 * LocationDenied error wins and turns the locations of the Ingress into `return 503;`.
 */
import type { AnnotationModule, ParseContext } from './define.ts';
import { rewriteTarget } from './rewrite-target.ts';
import { useRegex } from './use-regex.ts';
import { xForwardedPrefix } from './x-forwarded-prefix.ts';
import { appRoot } from './app-root.ts';
import { sslRedirect } from './ssl-redirect.ts';
import { forceSslRedirect } from './force-ssl-redirect.ts';
import { authType } from './auth-type.ts';
import { canary } from './canary.ts';
import { permanentRedirect } from './permanent-redirect.ts';
import { backendProtocol } from './backend-protocol.ts';
import { defaultBackend } from './default-backend.ts';
import { customHttpErrors } from './custom-http-errors.ts';
import { upstreamVhost } from './upstream-vhost.ts';
import { serviceUpstream } from './service-upstream.ts';
import { loadBalance } from './load-balance.ts';

/** Every modelled annotation module, in upstream's evaluation order (auth before redirect). */
export const ANNOTATIONS = [
  rewriteTarget,
  useRegex,
  xForwardedPrefix,
  appRoot,
  sslRedirect,
  forceSslRedirect,
  authType,
  canary,
  permanentRedirect,
  backendProtocol,
  defaultBackend,
  customHttpErrors,
  upstreamVhost,
  serviceUpstream,
  loadBalance,
] as const;

type Modules = (typeof ANNOTATIONS)[number];
type ValueOf<M> = M extends AnnotationModule<string, infer T> ? T : never;

/** The parsed annotations a location carries: one field per module, typed by its parser. */
export type ParsedAnnotations = { [M in Modules as M['field']]: ValueOf<M> };

/** Result of extracting one Ingress's annotations. */
export interface Extracted { annotations: ParsedAnnotations; warnings: string[]; denied?: string }

/** Runs every module on the Ingress. */
export function extractAnnotations(ctx: ParseContext): Extracted {
  const out: Record<string, unknown> = {};
  const warnings: string[] = [];
  let denied: string | undefined;
  for (const module of ANNOTATIONS) {
    const parsed = (module as AnnotationModule<string, unknown>).parse(ctx);
    out[module.field] = parsed.value;
    warnings.push(...parsed.warnings);
    if (parsed.denied !== undefined && denied === undefined) denied = parsed.denied;
  }
  if (denied !== undefined) {
    warnings.push(`ingress ${ctx.ingress.metadata.namespace ?? 'default'}/${ctx.ingress.metadata.name}: location denied (503): ${denied}`);
  }
  return denied === undefined ? { annotations: out as ParsedAnnotations, warnings } : { annotations: out as ParsedAnnotations, warnings, denied };
}

/** Keys (with prefix) of every modelled annotation; others are reported as not simulated. */
export function modelledAnnotationKeys(): Set<string> {
  return new Set(ANNOTATIONS.flatMap((m) => m.keys.map((k) => `nginx.ingress.kubernetes.io/${k}`)));
}
