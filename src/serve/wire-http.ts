/**
 * The real client path of the wire backend: one HTTP request sent with undici 7 over a loopback
 * socket (TLS with the request's SNI for https), the Host header as curl set it, redirects left
 * to curl. The peer certificate that crossed the wire is captured (PEM chain) so curl's own
 * verification runs on it. Status line, headers and body are read from the wire.
 */
import net from 'node:net';
import tls from 'node:tls';
import { Client, type Dispatcher } from 'undici';
import type { HttpRequestRecord, HttpResponseRecord } from '../cluster/exchanges.ts';
import type { LoopbackAddress } from './port-map.ts';

/** What came back over the wire: a response, or the socket-level error. */
export type WireResult =
  | { kind: 'response'; response: HttpResponseRecord; certPem?: string }
  | { kind: 'error'; error: Error; certPem?: string };

/** Sends `req` to `address` with `extraHeaders` added; `signal` aborts (the server chose not to answer). */
export async function sendOverWire(address: LoopbackAddress, req: HttpRequestRecord, extraHeaders: Record<string, string>, signal: AbortSignal): Promise<WireResult> {
  let certPem: string | undefined;
  const origin = `${req.scheme}://${address.host}:${address.port}`;
  const client = new Client(origin, {
    // The socket is opened here rather than by undici's connector so that SNI is exactly the request's
    // (curl sends none for IP literals) and the presented chain can be read before verification.
    connect: (_opts, cb) => {
      const onError = (error: Error) => cb(error, null);
      if (req.scheme === 'http') {
        const socket = net.connect({ host: address.host, port: address.port, noDelay: true }, () => cb(null, socket));
        socket.once('error', onError);
        return;
      }
      const servername = req.sni && net.isIP(req.sni) === 0 ? req.sni : undefined;
      const socket = tls.connect({ host: address.host, port: address.port, ...(servername ? { servername } : {}), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => {
        certPem = peerChainPem(socket);
        cb(null, socket);
      });
      socket.setNoDelay(true);
      socket.once('error', onError);
    },
    pipelining: 0,
  });
  try {
    const response = await dispatch(client, req, extraHeaders, signal);
    return { kind: 'response', response, ...(certPem ? { certPem } : {}) };
  } catch (error) {
    return { kind: 'error', error: error as Error, ...(certPem ? { certPem } : {}) };
  } finally {
    client.destroy().catch(() => {});
  }
}

// undici's request() hides the reason phrase; a dispatch handler sees the whole status line.
function dispatch(client: Client, req: HttpRequestRecord, extraHeaders: Record<string, string>, signal: AbortSignal): Promise<HttpResponseRecord> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let reason = '';
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: (controller) => {
        if (signal.aborted) controller.abort(signal.reason);
        else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
      },
      onResponseStart: (_c, statusCode, rawHeaders, statusMessage) => {
        status = statusCode;
        reason = statusMessage ?? '';
        headers = Object.fromEntries(Object.entries(rawHeaders).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
      },
      onResponseData: (_c, chunk) => { chunks.push(chunk); },
      onResponseEnd: () => resolve({ status, reason, headers, body: Buffer.concat(chunks).toString('utf8') }),
      onResponseError: (_c, error) => reject(error),
    };
    client.dispatch({
      path: req.path, method: req.method as Dispatcher.HttpMethod,
      headers: { ...req.headers, ...extraHeaders }, ...(req.body !== undefined ? { body: req.body } : {}), reset: true,
    } as Dispatcher.DispatchOptions, handler);
  });
}

/** The certificate chain the peer presented, PEM, leaf first (issuers as far as the peer sent them). */
function peerChainPem(socket: tls.TLSSocket): string | undefined {
  let cert = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
  if (!cert?.raw) return undefined;
  const seen = new Set<string>();
  let pem = '';
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    pem += `-----BEGIN CERTIFICATE-----\n${cert.raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
    cert = cert.issuerCertificate;
  }
  return pem;
}
