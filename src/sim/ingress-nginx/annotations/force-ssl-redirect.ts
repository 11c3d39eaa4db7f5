/**
 * nginx.ingress.kubernetes.io/force-ssl-redirect: redirect HTTP to HTTPS even without a certificate.
 * Default = ConfigMap `force-ssl-redirect` (false). SRC: ingress-nginx internal/ingress/annotations/rewrite/main.go,
 * rootfs/etc/nginx/lua/lua_ingress.lua redirect_to_https (controller-v1.11.2).
 */
import { boolWithDefault, defineAnnotation } from './define.ts';

/** Whether HTTP is always redirected to HTTPS. */
export const forceSslRedirect = defineAnnotation({
  field: 'forceSslRedirect',
  keys: ['force-ssl-redirect'],
  parse: (ctx) => boolWithDefault(ctx, 'force-ssl-redirect', ctx.config.forceSslRedirect),
});
