/**
 * nginx.ingress.kubernetes.io/app-root: server-level `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }`.
 * SRC: ingress-nginx internal/ingress/annotations/rewrite/main.go (url.ParseRequestURI, IsAbs), nginx.tmpl l.1101 (controller-v1.11.2).
 * A value that is not a request URI (must start with `/`) or that is absolute (has a scheme) is ignored.
 */
import { defineAnnotation, invalidWarning, ok, readString } from './define.ts';

/** The app root path ('' = none). */
export const appRoot = defineAnnotation({
  field: 'appRoot',
  keys: ['app-root'],
  parse: (ctx) => {
    const read = readString(ctx.ingress, 'app-root');
    if (read.kind === 'missing') return ok('');
    if (read.kind === 'invalid') return ok('', [invalidWarning(ctx.ingress, 'app-root', read.raw, 'ignored')]);
    // Go's url.ParseRequestURI accepts an absolute path or an absolute URL; only the path form is kept.
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(read.value)) {
      return ok('', [invalidWarning(ctx.ingress, 'app-root', read.raw, 'only absolute paths are allowed, ignored')]);
    }
    if (!read.value.startsWith('/')) {
      return ok('', [invalidWarning(ctx.ingress, 'app-root', read.raw, 'invalid URI for request, ignored')]);
    }
    return ok(read.value);
  },
});
