/**
 * The pages nginx generates itself (server_tokens off: the footer says just `nginx`).
 * SRC: nginx ngx_http_special_response.c (page layout, reason phrases); ingress-nginx config.go server-tokens false.
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

/** The HTML body of an nginx error/redirect page (CRLF line endings). */
export function nginxPageBody(status: number): string {
  const title = PAGES[status]?.title ?? `${status} ${nginxReason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A complete nginx-generated response (no Server header: more_clear_headers Server). */
export function nginxPage(status: number, extraHeaders: Record<string, string> = {}): HttpResponseRecord {
  const body = status === 200 ? '' : nginxPageBody(status);
  return {
    status,
    reason: status === 200 ? 'OK' : nginxReason(status),
    headers: { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), connection: 'keep-alive', ...extraHeaders },
    body,
  };
}
