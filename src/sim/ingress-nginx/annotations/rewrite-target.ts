/**
 * nginx.ingress.kubernetes.io/rewrite-target: the replacement of `rewrite "(?i)<path>" <target> break;`.
 * SRC: ingress-nginx internal/ingress/annotations/rewrite/main.go, template.go buildProxyPass (controller-v1.11.2).
 * Empty value → no rewrite. A target equal to the path is no rewrite (needsRewrite).
 */
import { defineAnnotation, stringWithDefault } from './define.ts';

/** The rewrite target ('' = none). */
export const rewriteTarget = defineAnnotation({
  field: 'rewriteTarget',
  keys: ['rewrite-target'],
  parse: (ctx) => stringWithDefault(ctx, 'rewrite-target', ''),
});
