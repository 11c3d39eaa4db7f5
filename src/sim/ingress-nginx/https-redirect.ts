/**
 * lua_ingress.lua's HTTP→HTTPS redirect and header filter (HSTS).
 * SRC: ingress-nginx rootfs/etc/nginx/lua/lua_ingress.lua redirect_to_https/redirect_host/rewrite/header,
 * certificate.lua configured_for_current_request (`$host`, exact then `*.<rest>`), template.go locationConfigForLua
 * (force_no_ssl_redirect = the location is in no-tls-redirect-locations) (controller-v1.11.2).
 */
import type { ForwardedView } from './forwarded.ts';
import type { IngressModel, Location } from './types.ts';

/** Is a certificate registered for `$host` (the fake default one counts only through a TLS-configured server)? */
export function hostHasCertificate(model: IngressModel, host: string): boolean {
  if (model.certificates.has(host) && host !== '_') return true;
  const dot = host.indexOf('.');
  return dot > 0 && model.certificates.has(`*${host.slice(dot)}`);
}

/** lua_ingress.header(): Strict-Transport-Security on every response of an HTTPS request ($scheme, not the forwarded one). */
export function hstsHeaders(model: IngressModel, scheme: string): Record<string, string> {
  if (!model.config.hsts || scheme !== 'https') return {};
  let value = `max-age=${model.config.hstsMaxAge}`;
  if (model.config.hstsIncludeSubdomains) value += '; includeSubDomains';
  if (model.config.hstsPreload) value += '; preload';
  return { 'strict-transport-security': value };
}

/** The redirect lua_ingress.rewrite() answers with, or undefined to go on. */
export function httpsRedirect(model: IngressModel, loc: Location, host: string, requestUri: string, fwd: ForwardedView): { status: number; location: string; why: string } | undefined {
  const anns = loc.annotations;
  if (model.config.noTlsRedirectLocations.some((p) => loc.path.startsWith(p))) return undefined;
  if (fwd.accessScheme !== 'http') return undefined;
  const why = anns.forceSslRedirect ? 'force-ssl-redirect' : anns.sslRedirect && hostHasCertificate(model, host) ? `ssl-redirect: ${host} has a certificate` : undefined;
  if (why === undefined) return undefined;
  // Only the very last character of the whole request URI is checked (unless preserve-trailing-slash).
  const uri = !model.config.preserveTrailingSlash && requestUri.endsWith('/') ? requestUri.slice(0, -1) : requestUri;
  const redirectHost = fwd.bestHttpHost.split(':')[0] ?? '';
  return { status: model.config.httpRedirectCode, location: `https://${redirectHost}${uri}`, why };
}
