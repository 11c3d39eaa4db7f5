/**
 * curl's front end: parse the command line, run one transfer per URL, and print like curl 7.76.1
 * with stdout not a terminal (no progress meter): body (or -i/-I headers), -w, and `curl: (N) …`
 * errors unless -s without -S. -v writes `*`, `>` and `<` lines to stderr.
 * SRC: curl 7.76.1 src/tool_operate.c (error line, CA help text), src/tool_cb_hdr.c (-i/-I).
 */
import type { CommandOutput } from '../command.ts';
import { parseCurlArgs } from './options.ts';
import { parseCurlUrl, formatCurlUrl } from './url.ts';
import { CA_CERT_HELP, httpError, type CurlFailure } from './messages.ts';
import { runTransfer, type CurlNetwork, type TransferResult } from './transfer.ts';
import { headerBlock, headerSize, verboseRequest, verboseResponse } from './http-text.ts';
import { renderWriteOut } from './write-out.ts';
import { summarize } from './tls-verify.ts';

/** Files curl reads and writes (-d @file, --cacert, -o, -w @file), relative to the work folder. */
export interface CurlFiles {
  read(path: string): { ok: true; text: string } | { ok: false; message: string };
  /** Writes -o output; returns an error message when the path is not writable. */
  write(path: string, text: string): string | undefined;
}

/** Runs `curl ARGS…` against a network and file system. */
export async function runCurl(argv: string[], net: Omit<CurlNetwork, 'trusted'>, files: CurlFiles, localIp: string): Promise<CommandOutput> {
  const parsed = parseCurlArgs(argv);
  if (!parsed.ok) return { exitCode: parsed.error.exitCode, stdout: '', stderr: parsed.error.stderr, http: [], dns: [], warnings: [] };
  const o = parsed.options;
  const out: CommandOutput = { exitCode: 0, stdout: '', stderr: '', http: [], dns: [], warnings: [] };
  const showErrors = !o.silent || o.showError;
  const fail = (f: CurlFailure) => {
    out.exitCode = f.code;
    if (showErrors) out.stderr += `curl: (${f.code}) ${f.message}\n${f.code === 60 ? CA_CERT_HELP : ''}`;
  };
  const trusted: string[] = [];
  if (o.cacert !== undefined) {
    const ca = files.read(o.cacert);
    if (!ca.ok) { fail({ code: 77, message: `error setting certificate verify locations:  CAfile: ${o.cacert} CApath: none` }); return out; }
    trusted.push(ca.text);
  }
  let body: string | undefined;
  if (o.data.length > 0) {
    const pieces: string[] = [];
    for (const d of o.data) {
      if (!d.startsWith('@')) { pieces.push(d); continue; }
      const f = files.read(d.slice(1));
      if (!f.ok) { out.stderr += `Warning: Couldn't read data from file "${d.slice(1)}", this makes an empty POST.\n`; pieces.push(''); continue; }
      pieces.push(f.text.replace(/[\r\n]/g, ''));
    }
    body = pieces.join('&');
  }
  let writeOut = o.writeOut;
  if (writeOut?.startsWith('@')) {
    const f = files.read(writeOut.slice(1));
    writeOut = f.ok ? f.text : '';
  }
  let saved = '';
  for (const raw of o.urls) {
    const url = parseCurlUrl(raw);
    if (!url.ok) { fail(url.error); continue; }
    out.exitCode = 0;
    const t = await runTransfer(url.url, o, body, { ...net, trusted });
    out.http.push(...t.exchanges);
    out.dns.push(...t.dns);
    if (o.verbose) out.stderr += verboseText(t);
    let text = '';
    const last = t.responses.at(-1);
    for (const r of t.responses) if (o.include || o.head) text += headerBlock(r.response, r.http2);
    let failure = t.failure;
    if (!failure && last && o.fail && last.response.status >= 400) failure = httpError(last.response.status);
    else if (!failure && last && !o.head) text += last.response.body;
    if (o.output !== undefined && !failure) saved += text;
    else if (o.output === undefined) out.stdout += failure && o.fail && !t.failure ? '' : text;
    if (failure) fail(failure);
    if (writeOut !== undefined) {
      const w = renderWriteOut(writeOut, facts(t, failure, last?.response.status ?? 0, localIp));
      out.stdout += w.stdout;
      out.stderr += w.stderr;
    }
  }
  if (o.output !== undefined) {
    const err = files.write(o.output, saved);
    if (err) fail({ code: 23, message: `Failed writing body (0 != ${Buffer.byteLength(saved)})` });
  }
  return out;
}

function verboseText(t: TransferResult): string {
  let text = '';
  let note = 0;
  // Notes up to each response belong before its request; the rest (errors, redirects) come after.
  for (const r of t.responses) {
    while (note < t.notes.length && !t.notes[note]!.startsWith('Issue another')) text += `* ${t.notes[note++]}\n`;
    const cert = r.url.scheme === 'https' ? t.exchanges.find((e) => e.request === r.request || e.request.path === r.request.path)?.tls?.certPem : undefined;
    if (cert) text += tlsNotes(cert, r.verifyResult);
    text += verboseRequest(r.request, r.http2) + verboseResponse(r.response, r.http2);
    if (t.notes[note]?.startsWith('Issue another')) text += `* Ignoring the response-body\n* Connection #0 to host ${r.url.host} left intact\n* ${t.notes[note++]}\n`;
    else text += `* Connection #0 to host ${r.url.host} left intact\n`;
  }
  while (note < t.notes.length) text += `* ${t.notes[note++]}\n`;
  if (t.failure && t.responses.length === 0) text += `* ${t.failure.message}\n* Closing connection 0\n`;
  return text;
}

function tlsNotes(pem: string, verifyResult: number): string {
  const s = summarize(pem);
  if (!s) return '';
  // SRC: openssl ASN1_TIME_print: "%s %2d %02d:%02d:%02d %d GMT".
  const date = (d: Date) => {
    const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    return `${month} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()} GMT`;
  };
  const verdict = verifyResult === 0 ? 'SSL certificate verify ok.' : `SSL certificate verify result: ${verifyText(verifyResult)} (${verifyResult}), continuing anyway.`;
  return [
    'SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384',
    'Server certificate:',
    ` subject: ${s.subject}`,
    ` start date: ${date(s.notBefore)}`,
    ` expire date: ${date(s.notAfter)}`,
    ...(s.altNames.length ? [` subjectAltName: ${s.altNames.join(', ')}`] : []),
    ` issuer: ${s.issuer}`,
    ` ${verdict}`,
  ].map((l) => `* ${l}\n`).join('');
}

function verifyText(code: number): string {
  const texts: Record<number, string> = { 18: 'self-signed certificate', 19: 'self-signed certificate in certificate chain', 20: 'unable to get local issuer certificate', 10: 'certificate has expired', 9: 'certificate is not yet valid' };
  return texts[code] ?? 'unknown';
}

function facts(t: TransferResult, failure: CurlFailure | undefined, status: number, localIp: string) {
  const last = t.responses.at(-1);
  const followed = t.notes.filter((n) => n.startsWith('Issue another')).length;
  return {
    httpCode: t.failure ? (last && t.failure.code === 47 ? status : 0) : status,
    urlEffective: formatCurlUrl(t.lastUrl),
    numRedirects: followed,
    redirectUrl: !t.failure && last?.response.headers.location && followed === t.responses.length - 1 && [301, 302, 303, 307, 308].includes(last.response.status) ? last.response.headers.location : '',
    remoteIp: t.exchanges.length && !t.failure ? t.lastIp : '',
    remotePort: t.exchanges.length && !t.failure ? t.lastUrl.port : 0,
    localIp: t.exchanges.length && !t.failure ? localIp : '',
    contentType: last?.response.headers['content-type'] ?? '',
    sizeDownload: last && last.request.method !== 'HEAD' && !t.failure ? Buffer.byteLength(last.response.body) : 0,
    sizeHeader: t.responses.reduce((n, r) => n + headerSize(r.response, r.http2), 0),
    sizeRequest: last ? Buffer.byteLength(verboseRequest(last.request, last.http2).replace(/^> /gm, '').replace(/\n/g, '\r\n')) : 0,
    scheme: t.lastUrl.scheme,
    method: last?.request.method ?? '',
    exitCode: failure?.code ?? 0,
    errorMessage: failure?.message ?? '',
    sslVerifyResult: last?.verifyResult ?? 0,
    numConnects: t.exchanges.length > 0 ? 1 : 0,
    httpVersion: last ? (last.http2 ? '2' : '1.1') : '0',
    timeTotalMs: t.elapsedMs + t.responses.length,
    timeConnectMs: t.responses.length ? 0.5 : t.elapsedMs,
  };
}
