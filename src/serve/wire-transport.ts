/**
 * The wire backend's transport (`Simulation.transport`): HTTP from the client host and DNS from nodes
 * and the client host go over real loopback sockets to the in-process ServedLab; the rest stays in process.
 *
 * Why HTTP only from the client host: a real socket's source is this machine, so it cannot carry a
 * simulated in-cluster source (a node's or pod's address, which kube-proxy's rules, masquerading and
 * the application's view of the peer depend on). Node- and pod-originated requests therefore use the
 * in-process network, exactly as on the simulator backend.
 *
 * DNS is asynchronous end to end (`DnsTransport` returns a promise), so a reply from the served DNS
 * server on this same thread can arrive while dig, nslookup or a resolver waits. A DNS message names
 * no source either, but the served DNS server learns the simulated one from the query's correlation
 * id, so node and client-host queries cross the wire; pod queries stay in process (wire-dns.ts).
 */
import type { HttpExchange, HttpRequestRecord } from '../cluster/exchanges.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Source } from '../sim/network/source.ts';
import { sendHttp } from '../sim/network/http.ts';
import { REQUEST_ID_HEADER } from './correlation.ts';
import type { ServedLab } from './served-lab.ts';
import { sendOverWire } from './wire-http.ts';
import { sendWireDns } from './wire-dns.ts';

/** A real-time cap on one wire request, so a lost reply cannot hang a scenario. */
const WIRE_GIVE_UP_MS = 10_000;

/** The transport that sends the client host's HTTP, and nodes' and the client host's DNS, through `lab`. */
export function wireTransport(lab: ServedLab): Simulation['transport'] {
  return {
    http: (sim, source, req, opts = {}) => (source.kind === 'host' ? sendHostHttp(lab, sim, source, req, opts) : sendHttp(sim, source, req, opts)),
    dns: (sim, source, server, port, query, opts) => sendWireDns(lab, sim, source, server, port, query, opts),
  };
}

async function sendHostHttp(lab: ServedLab, sim: Simulation, source: Source, req: HttpRequestRecord, opts: { timeoutMs?: number }): Promise<HttpExchange> {
  const address = lab.addressOf(req.ip, req.port);
  // No listener: the client host cannot reach this address at all (a cluster IP, a port nobody serves),
  // so there is no socket to carry the attempt; the simulated network reports the refusal or timeout.
  if (!address) return sendHttp(sim, source, req, opts);
  const pending = lab.correlation.expect(opts);
  const abort = new AbortController();
  const giveUp = setTimeout(() => abort.abort(new Error(`no answer over the wire within ${WIRE_GIVE_UP_MS} ms`)), WIRE_GIVE_UP_MS);
  try {
    let simulated: HttpExchange | undefined;
    const recorded = pending.exchange.then((exchange) => {
      simulated = exchange;
      // The server stays silent on a timeout: stop waiting on the socket as the client's own timer would.
      if (exchange.failure?.kind === 'timeout' || exchange.failure?.kind === 'unreachable') abort.abort(new Error('simulated timeout'));
      return exchange;
    });
    const wire = await sendOverWire(address, req, { [REQUEST_ID_HEADER]: pending.id }, abort.signal);
    if (!simulated && wire.kind === 'error') {
      // The connection failed before a request reached the server (e.g. a TLS ClientHello on a plain
      // HTTP port): the simulated network never saw it, so it is asked for the record of that attempt.
      const simulatedAttempt = await sendHttp(sim, source, req, opts);
      const decision = `the connection to ${address.host}:${address.port} failed before a request reached serve mode (${wire.error.message}); this exchange was simulated in process`;
      return { ...simulatedAttempt, trace: [...simulatedAttempt.trace, { component: 'wire', decision }] };
    }
    const exchange = simulated ?? (await recorded);
    if (wire.kind === 'error' && exchange.response) {
      throw new Error(`wire backend: the simulated network answered ${exchange.response.status} for ${req.method} ${req.scheme}://${req.ip}:${req.port}${req.path}, but the socket failed: ${wire.error.message}`);
    }
    if (wire.kind === 'error' || !exchange.response) return exchange;
    return {
      ...exchange,
      request: req,
      response: wire.response,
      ...(req.scheme === 'https' && wire.certPem ? { tls: { certPem: wire.certPem } } : {}),
    };
  } finally {
    clearTimeout(giveUp);
    pending.forget();
  }
}
