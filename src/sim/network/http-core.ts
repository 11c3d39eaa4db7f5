/**
 * One HTTP request over the simulated network: connect (kube-proxy, MetalLB…), then for https the
 * TLS handshake (the listener's certificate for the SNI name), then the process's HTTP answer.
 * Network failures are values in `exchange.failure`; the curl command turns them into its messages.
 */
import type { HttpExchange, HttpRequestRecord } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from './source.ts';
import type { DataplaneEnv } from './dataplane-env.ts';
import { connectWith, type ConnectOutcome } from './connect-core.ts';

/**
 * OpenSSL 3's error when a TLS ClientHello reaches a plain-HTTP listener (curl 7.76.1 on Rocky 9 prints
 * it after "curl: (35)"). SRC: openssl ssl/record/ssl3_record.c SSL_R_WRONG_VERSION_NUMBER (3.0).
 */
export const TLS_WRONG_VERSION = 'error:0A00010B:SSL routines::wrong version number';

/** Sends `req` from `source`; `timeoutMs` is the client's connect limit (curl --connect-timeout / --max-time). */
export async function sendHttpWith(env: DataplaneEnv, sim: Simulation, source: Source, req: HttpRequestRecord, opts: { timeoutMs?: number } = {}): Promise<HttpExchange> {
  const outcome = connectWith(env, sim, source, req.ip, req.port, 'TCP');
  const trace = [...outcome.hops];
  if (outcome.kind !== 'connected') return { request: req, failure: connectFailure(outcome, req, opts.timeoutMs), trace };
  const exchange: HttpExchange = { request: req, trace };
  if (req.scheme === 'https') {
    const tls = outcome.process.tls?.(outcome.port);
    if (!tls) {
      trace.push({ component: 'network', decision: `${outcome.ip}:${outcome.port} does not speak TLS: the handshake fails` });
      return { ...exchange, failure: { kind: 'tls', message: TLS_WRONG_VERSION } };
    }
    const cert = tls.certificateFor(req.sni);
    trace.push(...cert.trace);
    exchange.tls = { certPem: cert.certPem };
  }
  // No HTTP handler (e.g. a DNS server's TCP port): the server closes without a reply (curl: Empty reply from server).
  if (!outcome.process.http) {
    trace.push({ component: 'network', decision: `${outcome.ip}:${outcome.port} accepted the connection but sent no HTTP reply` });
    return exchange;
  }
  // The application sees the connection on its own address (after DNAT) from the peer address kube-proxy
  // left (masqueraded or not); headers and path are as sent.
  const received: HttpRequestRecord = { ...req, ip: outcome.ip, port: outcome.port, clientIp: outcome.clientIP };
  const result = await outcome.process.http(received, sim);
  trace.push(...result.trace);
  if (result.warnings?.length) sim.warnings.push(...result.warnings);
  return {
    ...exchange,
    response: result.response,
    ...(result.servedBy ? { servedBy: result.servedBy } : {}),
    backendRequest: result.backendRequest ?? received,
  };
}

// curl 7.76.1 wording (lib/connect.c "Failed to connect to %s port %ld: %s"; lib/multi.c timeout).
function connectFailure(outcome: Exclude<ConnectOutcome, { kind: 'connected' }>, req: HttpRequestRecord, timeoutMs: number | undefined): HttpExchange['failure'] {
  if (outcome.kind === 'refused') return { kind: 'refused', message: `Failed to connect to ${req.ip} port ${req.port}: Connection refused` };
  if (outcome.kind === 'unreachable' && (timeoutMs === undefined || timeoutMs > outcome.elapsedMs)) {
    return { kind: 'unreachable', message: `Failed to connect to ${req.ip} port ${req.port}: No route to host` };
  }
  if (timeoutMs !== undefined && timeoutMs < outcome.elapsedMs) return { kind: 'timeout', message: `Connection timed out after ${timeoutMs + 1} milliseconds` };
  return { kind: 'timeout', message: `Failed to connect to ${req.ip} port ${req.port}: Connection timed out` };
}
