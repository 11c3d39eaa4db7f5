/**
 * The pages nginx generates itself (server_tokens off: the footer says just `nginx`).
 * SRC: nginx ngx_http_special_response.c (page layout, reason phrases; `server_tokens on` puts the version in the
 * footer and the Server header); ingress-nginx config.go server-tokens false, nginx.tmpl l.396–399 (`more_clear_headers
 * Server` only when server-tokens is off); images/nginx-1.25/rootfs/build.sh NGINX_VERSION=1.25.5 (controller-v1.11.2).
 */
import type { HttpResponseRecord } from '../../cluster/exchanges.ts';

const PAGES: Record<number, { reason: string; title: string }> = {
  301: { reason: 'Moved Permanently', title: '301 Moved Permanently' },
  302: { reason: 'Moved Temporarily', title: '302 Found' },
  307: { reason: 'Temporary Redirect', title: '307 Temporary Redirect' },
  308: { reason: 'Permanent Redirect', title: '308 Permanent Redirect' },
  400: { reason: 'Bad Request', title: '400 Bad Request' },
  401: { reason: 'Unauthorized', title: '401 Authorization Required' },
  403: { reason: 'Forbidden', title: '403 Forbidden' },
  404: { reason: 'Not Found', title: '404 Not Found' },
  500: { reason: 'Internal Server Error', title: '500 Internal Server Error' },
  502: { reason: 'Bad Gateway', title: '502 Bad Gateway' },
  503: { reason: 'Service Temporarily Unavailable', title: '503 Service Temporarily Unavailable' },
  504: { reason: 'Gateway Time-out', title: '504 Gateway Time-out' },
};

/** The status line reason nginx uses for a code. */
export function nginxReason(status: number): string {
  return PAGES[status]?.reason ?? (status === 300 ? 'Multiple Choices' : status === 303 ? 'See Other' : status === 304 ? 'Not Modified' : 'Unknown');
}

/** The nginx the controller image runs, as `server_tokens on` shows it. */
export const NGINX_SERVER_TOKEN = 'nginx/1.25.5';

/** The HTML body of an nginx error/redirect page (CRLF line endings). */
export function nginxPageBody(status: number, serverTokens = false): string {
  const title = PAGES[status]?.title ?? `${status} ${nginxReason(status)}`;
  const footer = serverTokens ? NGINX_SERVER_TOKEN : 'nginx';
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${footer}</center>\r\n</body>\r\n</html>\r\n`;
}

/** A complete nginx-generated response (no Server header unless server-tokens: more_clear_headers Server). */
export function nginxPage(status: number, extraHeaders: Record<string, string> = {}, serverTokens = false): HttpResponseRecord {
  const body = status === 200 ? '' : nginxPageBody(status, serverTokens);
  return {
    status,
    reason: status === 200 ? 'OK' : nginxReason(status),
    headers: { ...(serverTokens ? { server: NGINX_SERVER_TOKEN } : {}), 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), connection: 'keep-alive', ...extraHeaders },
    body,
  };
}
