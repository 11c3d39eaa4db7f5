/**
 * nginx.ingress.kubernetes.io/x-forwarded-prefix: sent upstream as X-Forwarded-Prefix, but only
 * inside the rewrite branch of buildProxyPass (so only when a rewrite is active).
 * SRC: ingress-nginx internal/ingress/annotations/xforwardedprefix/main.go, template.go buildProxyPass (controller-v1.11.2).
 */
import { defineAnnotation, stringWithDefault } from './define.ts';

/** The X-Forwarded-Prefix value ('' = none). */
export const xForwardedPrefix = defineAnnotation({
  field: 'xForwardedPrefix',
  keys: ['x-forwarded-prefix'],
  parse: (ctx) => stringWithDefault(ctx, 'x-forwarded-prefix', ''),
});
