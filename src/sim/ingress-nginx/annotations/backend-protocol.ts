/**
 * nginx.ingress.kubernetes.io/backend-protocol: how nginx talks to the upstream.
 * SRC: ingress-nginx internal/ingress/annotations/backendprotocol/main.go and template.go buildProxyPass
 * (controller-v1.11.2): with annotation validation off any value is stored, and buildProxyPass maps
 * HTTPS/GRPC/GRPCS/AUTO_HTTP/FCGI (case-insensitive); anything else is proxied with http://.
 */
import { defineAnnotation, invalidWarning, ok, readString } from './define.ts';

/** Protocols buildProxyPass knows. */
export const BACKEND_PROTOCOLS = ['HTTP', 'HTTPS', 'AUTO_HTTP', 'GRPC', 'GRPCS', 'FCGI'] as const;
/** One of them. */
export type BackendProtocol = (typeof BACKEND_PROTOCOLS)[number];

/** The effective upstream protocol. */
export const backendProtocol = defineAnnotation({
  field: 'backendProtocol',
  keys: ['backend-protocol'],
  parse: (ctx) => {
    const read = readString(ctx.ingress, 'backend-protocol');
    if (read.kind === 'missing') return ok<BackendProtocol>('HTTP');
    if (read.kind === 'invalid') return ok<BackendProtocol>('HTTP', [invalidWarning(ctx.ingress, 'backend-protocol', read.raw, 'using HTTP')]);
    const upper = read.value.toUpperCase();
    const known = BACKEND_PROTOCOLS.find((p) => p === upper);
    if (!known) return ok<BackendProtocol>('HTTP', [invalidWarning(ctx.ingress, 'backend-protocol', read.raw, 'proxying with http://')]);
    return ok<BackendProtocol>(known);
  },
});
