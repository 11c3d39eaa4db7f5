/**
 * One loopback TCP listener for one simulated (ip, port). The first byte decides the protocol, as
 * on nginx's ssl ports: a TLS ClientHello (0x16) is terminated by node:tls, whose SNICallback asks
 * the simulated listener for its certificate; then node:http parses the request either way. Each parsed request is sent
 * over the simulated network (sendHttp) to the simulated destination, and the simulated response is
 * written back byte for byte — status line, the application's headers, body — then the connection
 * closes, so every request is a new connection as kube-proxy balances them.
 */
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { HttpExchange, HttpRequestRecord } from '../cluster/exchanges.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Source } from '../sim/network/source.ts';
import { sendHttp } from '../sim/network/http.ts';
import { tlsBehind, type SimEndpoint } from './endpoints.ts';
import { REQUEST_ID_HEADER, type ExchangeCorrelation } from './correlation.ts';
import type { LoopbackAddress } from './port-map.ts';

/** What a listener needs from its lab. */
export interface ListenerDeps {
  sim: Simulation;
  endpoint: SimEndpoint;
  correlation: ExchangeCorrelation;
  /** Reports what serve mode could not do (e.g. a TLS listener without a private key). */
  note: (line: string) => void;
}

/** A bound listener. */
export interface HttpListener {
  endpoint: SimEndpoint;
  /** Where it is bound (the real port once the system picked one). */
  address: LoopbackAddress;
  /** Why TLS on this listener is refused, if it is (no private key from the simulated listener). */
  tlsRefusal(): string | undefined;
  close(): Promise<void>;
}

/** Binds `address` (loopback only) and serves the endpoint until closed. */
export async function openHttpListener(deps: ListenerDeps, address: LoopbackAddress): Promise<HttpListener> {
  const { sim, endpoint } = deps;
  const sockets = new Set<net.Socket>();
  const hostSource: Source = { kind: 'host', ip: sim.topology.clientHostIP, hosts: new Map() };
  const onRequest = (req: http.IncomingMessage) => { void answer(deps, hostSource, req); };
  const plain = http.createServer({ requireHostHeader: false }, onRequest);
  const where = `${endpoint.ip}:${endpoint.port}`;

  function contextFor(sni: string | undefined): [Error | null, tls.SecureContext | undefined] {
    const server = tlsBehind(sim, endpoint);
    if (!server) return [new Error(`${where} does not speak TLS`), undefined];
    const cert = server.certificateFor(sni);
    if (!cert.keyPem) return [new Error(`${where}: the simulated TLS listener gave no private key for ${sni ?? 'clients without SNI'}, so serve mode cannot terminate its TLS`), undefined];
    return [null, tls.createSecureContext({ cert: cert.certPem, key: cert.keyPem })];
  }

  // No Nagle delay: a request and its answer are single writes that must not wait for an ACK.
  const tcp = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      if (first[0] !== 0x16) plain.emit('connection', socket);
      else {
        // No SNI → the default context; it is built per connection because certificates change as the lab does.
        const [error, context] = contextFor(undefined);
        if (error || !context) {
          deps.note(`refused a TLS connection: ${error?.message}`);
          // What nginx's plain port answers to a ClientHello; the client's TLS layer reports "wrong version number".
          socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
          return;
        }
        const secured = new tls.TLSSocket(socket, {
          isServer: true, secureContext: context, ALPNProtocols: ['http/1.1'],
          SNICallback: (sni, cb) => {
            const [sniError, sniContext] = contextFor(sni);
            if (sniError) deps.note(`refused a TLS handshake: ${sniError.message}`);
            cb(sniError, sniContext);
          },
        });
        secured.on('error', () => secured.destroy());
        plain.emit('connection', secured);
      }
      process.nextTick(() => socket.resume());
    });
  });
  const bound = await listen(tcp, address);
  return {
    endpoint,
    address: bound,
    tlsRefusal: () => {
      const server = tlsBehind(sim, endpoint);
      if (!server) return undefined;
      return server.certificateFor(undefined).keyPem ? undefined : 'the simulated TLS listener has no private key';
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      tcp.close(() => resolve());
    }),
  };
}

function listen(server: net.Server, address: LoopbackAddress): Promise<LoopbackAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address.host, port: address.port, exclusive: true }, () => {
      server.off('error', reject);
      const real = server.address() as net.AddressInfo;
      resolve({ host: real.address, port: real.port });
    });
  });
}

// Reads the request, strips the correlation header, asks the simulated network, writes the answer.
async function answer(deps: ListenerDeps, hostSource: Source, req: http.IncomingMessage): Promise<void> {
  const socket = req.socket;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const id = req.headers[REQUEST_ID_HEADER] as string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (name === REQUEST_ID_HEADER) continue;
    const value = req.rawHeaders[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const encrypted = socket instanceof tls.TLSSocket;
  const sni = encrypted ? (socket as tls.TLSSocket & { servername?: string | false }).servername || undefined : undefined;
  const body = Buffer.concat(chunks).toString('utf8');
  const record: HttpRequestRecord = {
    method: req.method ?? 'GET', scheme: encrypted ? 'https' : 'http', ip: deps.endpoint.ip, port: deps.endpoint.port,
    path: req.url ?? '/', headers, ...(body !== '' ? { body } : {}), ...(sni ? { sni } : {}),
  };
  const exchange = await sendHttp(deps.sim, hostSource, record, deps.correlation.optionsFor(id) ?? {});
  deps.correlation.settle(id, exchange);
  writeBack(socket, exchange);
}

/** Puts a simulated outcome on the real socket. */
export function writeBack(socket: net.Socket, exchange: HttpExchange): void {
  const failure = exchange.failure?.kind;
  // Refused and reset end the connection with a RST; a timeout or unreachable destination never answers
  // (the client gives up on its own clock); a failed handshake closes.
  if (failure === 'refused' || failure === 'reset') { socket.resetAndDestroy(); return; }
  if (failure === 'timeout' || failure === 'unreachable') return;
  if (failure || !exchange.response) { socket.destroySoon(); return; }
  const r = exchange.response;
  const head = [`HTTP/1.1 ${r.status} ${r.reason}`, ...Object.entries(r.headers).map(([k, v]) => `${wireName(k)}: ${v}`)].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(r.body, 'utf8')]));
}

// Header names are recorded lower-case; on the wire they get the spelling servers use (nginx's, RFC 9110's).
const SPELLING: Record<string, string> = { etag: 'ETag', 'www-authenticate': 'WWW-Authenticate', 'x-xss-protection': 'X-XSS-Protection' };
function wireName(name: string): string {
  return SPELLING[name] ?? name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
