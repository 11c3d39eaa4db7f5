/**
 * A DNS server on loopback (UDP and TCP on the same port) that answers through the simulated
 * network: each query becomes one `sendDns` from a lab machine to a simulated server, and the
 * simulated answer goes back in wire format (RFC 1035; TCP with the 2-byte length prefix, RFC 7766).
 * A query from the wire backend carries its correlation id in a local-use EDNS option, which the
 * answer does not echo (RFC 6891 §6.1.2: unknown options are ignored).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { fromWire, toWire, type WireMessage } from '../sim/dns/wire.ts';
import type { DnsProtocol, DnsReply } from '../sim/network/dns-transport.ts';
import type { LoopbackAddress } from './port-map.ts';

/** The EDNS option code that carries a wire query's correlation id (RFC 6891 §9: 65001–65534 are for local/experimental use). */
export const CORRELATION_OPTION = 65001;

/** One question as the server hands it to the simulation: how it arrived, and the wire backend's correlation id if any. */
export interface ServedQuery { name: string; type: string; protocol: DnsProtocol; correlationId?: string }

/** Answers one question the way the simulated network does; a failure means no reply. */
export type DnsAnswerer = (q: ServedQuery) => Promise<DnsReply>;

/** A bound DNS server. */
export interface DnsServer {
  address: LoopbackAddress;
  close(): Promise<void>;
}

/** The reply to a wire query, or undefined when the simulated server stays silent. */
export async function replyTo(query: Buffer, answer: DnsAnswerer, protocol: DnsProtocol = 'udp'): Promise<Buffer | undefined> {
  let q: WireMessage;
  try {
    q = fromWire(query);
  } catch {
    return undefined; // not a DNS message: a real server drops it too
  }
  const tag = q.edns?.options?.find((o) => o.code === CORRELATION_OPTION)?.data.toString('ascii');
  const result = await answer({ name: q.question.name, type: q.question.type, protocol, ...(tag ? { correlationId: tag } : {}) });
  if ('failure' in result) return undefined;
  const authoritative = (result as { authoritative?: boolean }).authoritative ?? result.rcode !== 'SERVFAIL';
  return toWire({
    id: q.id, response: true, flags: { aa: authoritative, rd: q.flags.rd, ra: false }, rcode: result.rcode,
    question: q.question, answers: result.answers, authority: result.authority, additional: result.additional,
    // SRC: coredns plugin/pkg/edns — a server that understands EDNS echoes an OPT record (and the client cookie).
    ...(q.edns ? { edns: { udpSize: q.edns.udpSize, ...(q.edns.cookie ? { cookie: q.edns.cookie } : {}) } } : {}),
  });
}

/** Binds UDP (and TCP unless `tcp: false`) on `address`; port 0: the system picks one for UDP, and TCP takes the same. */
export async function openDnsServer(address: LoopbackAddress, answer: DnsAnswerer, opts: { tcp?: boolean } = {}): Promise<DnsServer> {
  const udp = dgram.createSocket({ type: 'udp4', reuseAddr: false });
  udp.on('message', (msg, peer) => {
    // An answerer that throws sends nothing, as a crashed server would; the client's own timer ends its wait.
    replyTo(msg, answer, 'udp').then((reply) => { if (reply) udp.send(reply, peer.port, peer.address); }, () => {});
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind({ address: address.host, port: address.port, exclusive: true }, () => { udp.off('error', reject); resolve(); });
  });
  const port = udp.address().port;
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    // Pipelined queries on one connection are answered one after another, in order (RFC 7766 §6.2.1.1 allows either).
    let answered = Promise.resolve();
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const length = buffered.readUInt16BE(0);
        const query = Buffer.from(buffered.subarray(2, 2 + length));
        buffered = buffered.subarray(2 + length);
        answered = answered.then(() => replyTo(query, answer, 'tcp')).then((reply) => {
          if (reply && !socket.destroyed) socket.write(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply]));
        }, () => {});
      }
    });
  });
  try {
    // A UDP-only service port (a NodePort for 53/UDP) has no TCP listener beside it.
    if (opts.tcp !== false) await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen({ host: address.host, port, exclusive: true }, () => { tcp.off('error', reject); resolve(); });
    });
  } catch (error) {
    udp.close();
    throw error;
  }
  return {
    address: { host: address.host, port },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      udp.close(() => (tcp.listening ? tcp.close(() => resolve()) : resolve()));
    }),
  };
}
