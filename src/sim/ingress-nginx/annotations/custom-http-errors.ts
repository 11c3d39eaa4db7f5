/**
 * nginx.ingress.kubernetes.io/custom-http-errors: status codes the location hands to its error location
 * (`error_page <code> = @custom_<DefaultBackendUpstreamName>_<code>`, with proxy_intercept_errors on).
 * SRC: ingress-nginx internal/ingress/annotations/customhttperrors/main.go Parse (controller-v1.11.2): the value is
 * split on "," and each part must pass Go's strconv.Atoi, else the whole annotation is dropped (validation of the
 * 4xx/5xx regex is off in v1.11, so any integer is kept).
 */
import { defineAnnotation, invalidWarning, ok, readString } from './define.ts';

/** The intercepted status codes ([] = none). */
export const customHttpErrors = defineAnnotation({
  field: 'customHttpErrors',
  keys: ['custom-http-errors'],
  parse: (ctx) => {
    const read = readString(ctx.ingress, 'custom-http-errors');
    if (read.kind === 'missing') return ok<number[]>([]);
    if (read.kind === 'invalid') return ok<number[]>([], [invalidWarning(ctx.ingress, 'custom-http-errors', read.raw, 'ignored')]);
    const parts = read.value.split(',');
    const bad = parts.find((p) => !/^[+-]?\d+$/.test(p));
    if (bad !== undefined) {
      return ok<number[]>([], [invalidWarning(ctx.ingress, 'custom-http-errors', read.raw, `strconv.Atoi: parsing ${JSON.stringify(bad)}: invalid syntax; ignored`)]);
    }
    return ok(parts.map((p) => Number.parseInt(p, 10)));
  },
});
