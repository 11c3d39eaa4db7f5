/**
 * nginx.ingress.kubernetes.io/default-backend: a Service (same namespace) that serves the location
 * when its own backend has no endpoints. SRC: ingress-nginx internal/ingress/annotations/defaultbackend/main.go,
 * controller.go getBackendServers (custom-default-backend-*) (controller-v1.11.2). A missing Service makes
 * Parse fail; the Extractor then drops the annotation.
 */
import { defineAnnotation, ok, readString } from './define.ts';

/** The Service name to fall back to, or undefined. */
export const defaultBackend = defineAnnotation({
  field: 'defaultBackend',
  keys: ['default-backend'],
  parse: (ctx) => {
    const read = readString(ctx.ingress, 'default-backend');
    if (read.kind !== 'value') return ok<string | undefined>(undefined);
    const ns = ctx.ingress.metadata.namespace ?? 'default';
    if (!ctx.resolver.service(ns, read.value)) {
      return ok<string | undefined>(undefined, [`ingress ${ns}/${ctx.ingress.metadata.name}: annotation default-backend: unexpected error reading service ${ns}/${read.value}: not found; ignored`]);
    }
    return ok<string | undefined>(read.value);
  },
});
