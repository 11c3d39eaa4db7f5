/** How curl prints HTTP messages: -i/-I header blocks (CRLF line ends) and -v's `>`/`<`/`*` lines. */
import type { HttpRequestRecord, HttpResponseRecord } from '../../../cluster/exchanges.ts';

/** Header names as servers send them (records keep them lower-case). */
export function canonicalHeaderName(name: string): string {
  const special: Record<string, string> = { etag: 'ETag', 'www-authenticate': 'WWW-Authenticate', 'x-xss-protection': 'X-XSS-Protection' };
  return special[name] ?? name.split('-').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p)).join('-');
}

/** The status line curl prints: `HTTP/1.1 200 OK` or, for HTTP/2, `HTTP/2 200 ` (curl 7.76 adds a space). SRC: lib/http2.c on_header. */
export function statusLine(response: HttpResponseRecord, http2: boolean): string {
  return http2 ? `HTTP/2 ${response.status} ` : `HTTP/1.1 ${response.status} ${response.reason}`;
}

/** Response header lines (name: value), HTTP/2 names stay lower-case as received. */
export function responseHeaderLines(response: HttpResponseRecord, http2: boolean): string[] {
  return Object.entries(response.headers).map(([k, v]) => `${http2 ? k : canonicalHeaderName(k)}: ${v}`);
}

/** The header block -i/-I write to stdout, each line ending in CRLF, then an empty CRLF line. */
export function headerBlock(response: HttpResponseRecord, http2: boolean): string {
  return [statusLine(response, http2), ...responseHeaderLines(response, http2)].map((l) => `${l}\r\n`).join('') + '\r\n';
}

/** The request as -v shows it (`> ` prefixed, request line first). */
export function verboseRequest(request: HttpRequestRecord, http2: boolean): string {
  const lines = [`${request.method} ${request.path} ${http2 ? 'HTTP/2' : 'HTTP/1.1'}`, ...Object.entries(request.headers).map(([k, v]) => `${canonicalHeaderName(k)}: ${v}`), ''];
  return lines.map((l) => `> ${l}\n`).join('');
}

/** The response head as -v shows it (`< ` prefixed). */
export function verboseResponse(response: HttpResponseRecord, http2: boolean): string {
  return [statusLine(response, http2), ...responseHeaderLines(response, http2), ''].map((l) => `< ${l}\n`).join('');
}

/** Bytes of the header block (size_header). */
export function headerSize(response: HttpResponseRecord, http2: boolean): number {
  return Buffer.byteLength(headerBlock(response, http2));
}
