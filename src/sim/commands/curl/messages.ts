/**
 * curl 7.76.1's error lines (the version Rocky 9 ships: curl-7.76.1-*.el9), by libcurl error code.
 * SRC: curl 7.76.1 lib/connect.c ("Failed to connect to %s port %ld: %s", ETIMEDOUT → 28 since 7.67.0),
 *      lib/multi.c ("Connection timed out after %ld milliseconds"), lib/hostip.c ("Could not resolve host: %s"),
 *      lib/http.c ("The requested URL returned error: %d"), lib/transfer.c ("Maximum (%d) redirects followed").
 */

/** The version the simulated curl claims (User-Agent, --version). */
export const CURL_VERSION = '7.76.1';

/** A failed transfer: libcurl code + message (printed as `curl: (code) message`). */
export interface CurlFailure { code: number; message: string }

/** Linux gives up on an unanswered SYN after 127 s (tcp_syn_retries=6), before curl's 300 s default connect timeout. SRC: linux Documentation/networking/ip-sysctl.rst. */
export const OS_CONNECT_TIMEOUT_MS = 127_000;

/** The paragraph curl prints after a (60) verification error. SRC: curl 7.76.1 src/tool_operate.c CURL_CA_CERT_ERRORMSG. */
export const CA_CERT_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** Error for a name that did not resolve. */
export function resolveFailure(host: string): CurlFailure {
  return { code: 6, message: `Could not resolve host: ${host}` };
}

/** Error for a failed TCP connect; `host` is the URL's host name as typed (curl names it, not the address). */
export function connectFailure(kind: 'refused' | 'unreachable' | 'os-timeout', host: string, port: number): CurlFailure {
  const reason = kind === 'refused' ? 'Connection refused' : kind === 'unreachable' ? 'No route to host' : 'Connection timed out';
  return { code: kind === 'os-timeout' ? 28 : 7, message: `Failed to connect to ${host} port ${port}: ${reason}` };
}

/** Error when --connect-timeout / --max-time ran out while connecting. */
export function connectTimeout(elapsedMs: number): CurlFailure {
  return { code: 28, message: `Connection timed out after ${elapsedMs} milliseconds` };
}

/** Error from -f on a status of 400 or more. */
export function httpError(status: number): CurlFailure {
  return { code: 22, message: `The requested URL returned error: ${status}` };
}

/** Error when -L went past --max-redirs. */
export function tooManyRedirects(max: number): CurlFailure {
  return { code: 47, message: `Maximum (${max}) redirects followed` };
}
