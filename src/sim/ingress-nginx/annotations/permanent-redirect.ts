/**
 * nginx.ingress.kubernetes.io/permanent-redirect (+ permanent-redirect-code) and temporal-redirect:
 * `return <code> <url>;` in the location. SRC: ingress-nginx internal/ingress/annotations/redirect/redirect.go Parse
 * (controller-v1.11.2): temporal-redirect wins (302); it must be an http(s) URL; permanent-redirect-code outside
 * 300–308 becomes 301; any unparsable value makes Parse fail and the Extractor drops the redirect.
 */
import { defineAnnotation, invalidWarning, ok, readInt, readString } from './define.ts';

/** A redirect configured on the location. */
export interface RedirectConfig { url: string; code: number }

const NONE: RedirectConfig | undefined = undefined;

/** The redirect of the location, or undefined. */
export const permanentRedirect = defineAnnotation({
  field: 'redirect',
  keys: ['permanent-redirect', 'permanent-redirect-code', 'temporal-redirect'],
  parse: (ctx) => {
    const ing = ctx.ingress;
    const tr = readString(ing, 'temporal-redirect');
    if (tr.kind === 'invalid') return ok(NONE, [invalidWarning(ing, 'temporal-redirect', tr.raw, 'redirect ignored')]);
    if (tr.kind === 'value') {
      const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(tr.value)?.[1] ?? '';
      if (!scheme.startsWith('http')) {
        return ok(NONE, [invalidWarning(ing, 'temporal-redirect', tr.raw, `only http and https are valid protocols (${scheme}); redirect ignored`)]);
      }
      return ok<RedirectConfig | undefined>({ url: tr.value, code: 302 });
    }
    const pr = readString(ing, 'permanent-redirect');
    if (pr.kind === 'invalid') return ok(NONE, [invalidWarning(ing, 'permanent-redirect', pr.raw, 'redirect ignored')]);
    const prc = readInt(ing, 'permanent-redirect-code');
    if (prc.kind === 'invalid') return ok(NONE, [invalidWarning(ing, 'permanent-redirect-code', prc.raw, 'redirect ignored')]);
    if (pr.kind !== 'value') return ok(NONE);
    const code = prc.kind === 'value' && prc.value >= 300 && prc.value <= 308 ? prc.value : 301;
    return ok<RedirectConfig | undefined>({ url: pr.value, code });
  },
});
