/**
 * `-w/--write-out` formats: %{variable} substitutions, \n \r \t escapes, %% and @file.
 * SRC: curl 7.76.1 src/tool_writeout.c (variable names; unknown ones are reported and skipped).
 */

/** What a finished transfer reports to --write-out. */
export interface TransferFacts {
  httpCode: number;
  urlEffective: string;
  numRedirects: number;
  redirectUrl: string;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  contentType: string;
  sizeDownload: number;
  sizeHeader: number;
  sizeRequest: number;
  scheme: string;
  method: string;
  exitCode: number;
  errorMessage: string;
  sslVerifyResult: number;
  numConnects: number;
  httpVersion: string;
  timeTotalMs: number;
  timeConnectMs: number;
}

/** Expands a --write-out format; unknown variables add `curl: unknown --write-out variable: 'x'` to stderr. */
export function renderWriteOut(format: string, facts: TransferFacts): { stdout: string; stderr: string } {
  const seconds = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, string> = {
    http_code: String(facts.httpCode).padStart(3, '0'),
    response_code: String(facts.httpCode).padStart(3, '0'),
    http_version: facts.httpVersion,
    url_effective: facts.urlEffective,
    num_redirects: String(facts.numRedirects),
    num_connects: String(facts.numConnects),
    redirect_url: facts.redirectUrl,
    remote_ip: facts.remoteIp,
    remote_port: facts.remotePort ? String(facts.remotePort) : '',
    local_ip: facts.localIp,
    content_type: facts.contentType,
    size_download: String(facts.sizeDownload),
    size_header: String(facts.sizeHeader),
    size_request: String(facts.sizeRequest),
    size_upload: '0',
    scheme: facts.scheme.toUpperCase(),
    method: facts.method,
    exitcode: String(facts.exitCode),
    errormsg: facts.errorMessage,
    ssl_verify_result: String(facts.sslVerifyResult),
    time_total: seconds(facts.timeTotalMs),
    time_connect: seconds(facts.timeConnectMs),
    time_namelookup: seconds(0),
    time_appconnect: seconds(facts.scheme === 'https' ? facts.timeConnectMs : 0),
    time_pretransfer: seconds(facts.timeConnectMs),
    time_starttransfer: seconds(facts.timeTotalMs),
    time_redirect: seconds(0),
    speed_download: String(facts.timeTotalMs > 0 ? Math.round(facts.sizeDownload / (facts.timeTotalMs / 1000)) : 0),
    speed_upload: '0',
  };
  let stdout = '';
  let stderr = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%' && format[i + 1] === '%') { stdout += '%'; i++; continue; }
    if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) { stdout += format.slice(i); break; }
      const name = format.slice(i + 2, end);
      if (name in vars) stdout += vars[name];
      else stderr += `curl: unknown --write-out variable: '${name}'\n`;
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1]!;
      const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };
      if (esc[n] !== undefined) { stdout += esc[n]; i++; continue; }
    }
    stdout += c;
  }
  return { stdout, stderr };
}
