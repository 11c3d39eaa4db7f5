/**
 * nginx.ingress.kubernetes.io/use-regex: paths of this Ingress are regexes, and the whole host
 * switches to regex mode. SRC: ingress-nginx internal/ingress/annotations/rewrite/main.go UseRegex,
 * template.go enforceRegexModifier (controller-v1.11.2). Invalid boolean → false.
 */
import { boolWithDefault, defineAnnotation } from './define.ts';

/** Whether the Ingress's paths are regular expressions. */
export const useRegex = defineAnnotation({
  field: 'useRegex',
  keys: ['use-regex'],
  parse: (ctx) => boolWithDefault(ctx, 'use-regex', false),
});
