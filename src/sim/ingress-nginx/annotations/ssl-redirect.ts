/**
 * nginx.ingress.kubernetes.io/ssl-redirect: redirect plain HTTP to HTTPS (308) when the host has a
 * certificate. Default = ConfigMap `ssl-redirect` (true). SRC: ingress-nginx internal/ingress/annotations/rewrite/main.go,
 * rootfs/etc/nginx/lua/lua_ingress.lua redirect_to_https (controller-v1.11.2).
 */
import { boolWithDefault, defineAnnotation } from './define.ts';

/** Whether a TLS host redirects HTTP to HTTPS. */
export const sslRedirect = defineAnnotation({
  field: 'sslRedirect',
  keys: ['ssl-redirect'],
  parse: (ctx) => boolWithDefault(ctx, 'ssl-redirect', ctx.config.sslRedirect),
});
