/**
 * A DNS client on real sockets: one message to a loopback DNS server over UDP (one datagram, the
 * reply matched by message id and source, RFC 5452 §4) or TCP (2-byte length prefix, RFC 7766 §8).
 * Failures are values; an abort (the caller's give-up timer, or the simulated server staying
 * silent) ends the wait.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { DnsProtocol } from '../sim/network/dns-transport.ts';
import { fromWire, type WireMessage } from '../sim/dns/wire.ts';
import type { LoopbackAddress } from './port-map.ts';

/** What came back over the socket. */
export type WireDnsResult = { kind: 'reply'; message: WireMessage; bytes: number } | { kind: 'error'; error: Error };

/** Sends `query` (an encoded DNS message) to `address` over `protocol` and waits for the reply with the same id. */
export function queryOverWire(address: LoopbackAddress, query: Buffer, protocol: DnsProtocol, signal: AbortSignal): Promise<WireDnsResult> {
  return protocol === 'tcp' ? overTcp(address, query, signal) : overUdp(address, query, signal);
}

function overUdp(address: LoopbackAddress, query: Buffer, signal: AbortSignal): Promise<WireDnsResult> {
  const id = query.readUInt16BE(0);
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    let done = false;
    const finish = (result: WireDnsResult) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      socket.close();
      resolve(result);
    };
    const onAbort = () => finish({ kind: 'error', error: abortReason(signal) });
    if (signal.aborted) return finish({ kind: 'error', error: abortReason(signal) });
    signal.addEventListener('abort', onAbort);
    socket.on('error', (error) => finish({ kind: 'error', error }));
    socket.on('message', (msg, peer) => {
      // A datagram from elsewhere, or with another id, is not our answer (RFC 5452 §4): keep waiting.
      if (peer.address !== address.host || peer.port !== address.port || msg.length < 2 || msg.readUInt16BE(0) !== id) return;
      const decoded = decode(msg);
      if (decoded) finish({ kind: 'reply', message: decoded, bytes: msg.length });
    });
    socket.send(query, address.port, address.host, (error) => { if (error) finish({ kind: 'error', error }); });
  });
}

function overTcp(address: LoopbackAddress, query: Buffer, signal: AbortSignal): Promise<WireDnsResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port, noDelay: true });
    let buffered = Buffer.alloc(0);
    let done = false;
    const finish = (result: WireDnsResult) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ kind: 'error', error: abortReason(signal) });
    if (signal.aborted) return finish({ kind: 'error', error: abortReason(signal) });
    signal.addEventListener('abort', onAbort);
    socket.on('error', (error) => finish({ kind: 'error', error }));
    socket.on('close', () => finish({ kind: 'error', error: new Error('the server closed the connection without a reply') }));
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from([query.length >> 8, query.length & 0xff]), query])));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      const msg = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
      const decoded = decode(msg);
      finish(decoded ? { kind: 'reply', message: decoded, bytes: msg.length } : { kind: 'error', error: new Error('the reply is not a DNS message') });
    });
  });
}

function decode(msg: Buffer): WireMessage | undefined {
  try {
    return fromWire(msg);
  } catch {
    return undefined;
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
