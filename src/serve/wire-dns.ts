/**
 * The wire backend's DNS transport: a query from a node or the client host to an address serve mode
 * answers (the cluster DNS for kube-dns:53, a served UDP service port) goes out as a real DNS message
 * over loopback UDP (TCP for `dig +tcp`), and the answer that comes back over the socket is the one
 * the command sees. What the wire cannot carry — the simulated source of the query and the trace of
 * the simulated answer — travels in process (see correlation.ts).
 *
 * Pod-originated queries stay in process: a real socket's source is this machine, so it cannot carry
 * a simulated in-cluster source (the pod's address, which kube-proxy's rules and CoreDNS's answers —
 * PTR, cache per client — depend on). The HTTP side follows the same rule (wire-transport.ts).
 */
import { randomInt } from 'node:crypto';
import type { DnsExchange } from '../cluster/exchanges.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Source } from '../sim/network/source.ts';
import { sendDns, type DnsReply, type DnsSendOptions } from '../sim/network/dns-transport.ts';
import { toWire } from '../sim/dns/wire.ts';
import { CORRELATION_OPTION } from './dns-server.ts';
import { queryOverWire } from './wire-dns-socket.ts';
import type { ServedLab } from './served-lab.ts';

/** A real-time cap on one wire query, so a lost datagram cannot hang a scenario. */
const WIRE_GIVE_UP_MS = 10_000;

/** Sends one DNS query as the wire backend does: over a real socket when serve mode answers the address, else in process. */
export async function sendWireDns(lab: ServedLab, sim: Simulation, source: Source, server: string, port: number, query: { name: string; type: string }, opts: DnsSendOptions = {}): Promise<DnsReply> {
  const protocol = opts.protocol ?? 'udp';
  const address = source.kind === 'pod' ? undefined : lab.dnsAddressFor(server, port, protocol);
  // No socket can carry it (a pod's query, or an address serve mode does not answer): the simulated network decides.
  if (!address) return sendDns(sim, source, server, port, query, opts);
  const pending = lab.dnsCorrelation.expect({ source });
  const abort = new AbortController();
  const giveUp = setTimeout(() => abort.abort(new Error(`no DNS answer over the wire within ${WIRE_GIVE_UP_MS} ms`)), WIRE_GIVE_UP_MS);
  try {
    let simulated: DnsReply | undefined;
    const recorded = pending.exchange.then((reply) => {
      simulated = reply;
      // The server stays silent on a simulated timeout or refusal: stop waiting as the client's own timer would.
      if ('failure' in reply) abort.abort(new Error(`the simulated server gave no answer (${reply.failure})`));
      return reply;
    });
    const wire = await queryOverWire(address, encodeQuery(query, pending.id), protocol, abort.signal);
    const reply = simulated ?? (wire.kind === 'reply' ? await recorded : undefined);
    const where = `${query.name} ${query.type} to ${server}:${port} (served at ${address.host}:${address.port}/${protocol})`;
    if (!reply) throw new Error(`wire backend: serve mode never answered the DNS query for ${where}: ${wire.kind === 'error' ? wire.error.message : ''}`);
    if ('failure' in reply) return reply;
    if (wire.kind === 'error') throw new Error(`wire backend: the simulated network answered ${reply.rcode} for ${where}, but the socket failed: ${wire.error.message}`);
    // The records are the ones that crossed the wire; the server, question and trace come from the simulated answer.
    const { rcode, answers, authority, additional } = wire.message;
    return { ...reply, rcode: rcode as DnsExchange['rcode'], answers, authority, additional };
  } finally {
    clearTimeout(giveUp);
    pending.forget();
  }
}

// A recursive query as a stub resolver sends it, with EDNS(0) and the correlation id in a local-use option.
// The message id is a real client's random id, not a draw from the simulation's generator (RFC 5452 §9.2).
function encodeQuery(query: { name: string; type: string }, correlationId: string): Buffer {
  return toWire({
    id: randomInt(65536), response: false, flags: { aa: false, rd: true, ra: false }, rcode: 'NOERROR',
    question: query, answers: [], authority: [], additional: [],
    edns: { udpSize: 4096, options: [{ code: CORRELATION_OPTION, data: Buffer.from(correlationId, 'ascii') }] },
  });
}
