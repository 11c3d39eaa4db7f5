/**
 * Test helper: counts DNS messages that really crossed loopback sockets in this process, seen through
 * node:diagnostics_channel (every dgram socket and every TCP client socket created while the probe
 * runs). Tests use it to check that the wire backend sent DNS over UDP or TCP; production code never does.
 */
import diagnostics from 'node:diagnostics_channel';
import type dgram from 'node:dgram';
import type net from 'node:net';

/** Messages seen while the probe ran. */
export interface DnsTraffic {
  /** DNS queries (QR=0) that arrived on a UDP socket: what a server received. */
  udpQueries: number;
  /** DNS replies (QR=1) that arrived on a UDP socket: what a client received. */
  udpReplies: number;
  /** TCP client connections opened to `tcpPort`. */
  tcpConnections: number;
}

/** Starts counting; `stop()` unsubscribes and returns the totals. `tcpPort` selects the TCP connections to count. */
export function probeDnsTraffic(tcpPort?: () => number | undefined): { now(): DnsTraffic; stop(): DnsTraffic } {
  const seen: DnsTraffic = { udpQueries: 0, udpReplies: 0, tcpConnections: 0 };
  const onUdp = (message: unknown) => {
    (message as { socket: dgram.Socket }).socket.on('message', (msg: Buffer) => {
      if (msg.length < 12) return;
      // RFC 1035 §4.1.1: the QR bit is the top bit of the third header byte.
      if (msg[2]! & 0x80) seen.udpReplies++;
      else seen.udpQueries++;
    });
  };
  const onTcp = (message: unknown) => {
    const socket = (message as { socket: net.Socket }).socket;
    socket.once('connect', () => { if (tcpPort && socket.remotePort === tcpPort()) seen.tcpConnections++; });
  };
  diagnostics.subscribe('udp.socket', onUdp);
  diagnostics.subscribe('net.client.socket', onTcp);
  return {
    now: () => ({ ...seen }),
    stop: () => {
      diagnostics.unsubscribe('udp.socket', onUdp);
      diagnostics.unsubscribe('net.client.socket', onTcp);
      return { ...seen };
    },
  };
}
