/**
 * Correlates a wire request with the simulated exchange that answered it. The wire carries what a
 * real client sees (status, headers, body and certificate; a DNS message); what it cannot carry
 * (which pod served, what the application received, the trace, the simulated source of a DNS query)
 * travels in process, keyed by an id the client adds and the server strips before the simulated
 * network sees the request: a header for HTTP, an EDNS option for DNS (see dns-server.ts).
 */
import type { HttpExchange } from '../cluster/exchanges.ts';
import type { DnsReply } from '../sim/network/dns-transport.ts';
import type { Source } from '../sim/network/source.ts';

/** The header that carries the correlation id (never forwarded to the simulated application). */
export const REQUEST_ID_HEADER = 'x-kubelab-request-id';

interface Pending<E, O> {
  options: O;
  resolve: (exchange: E) => void;
}

/** Pending wire requests of one kind, by id: what the client tells the server, and the exchange the server hands back. */
export class Correlation<E, O> {
  readonly #pending = new Map<string, Pending<E, O>>();
  readonly #prefix: string;
  #counter = 0;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** How many wire requests were registered so far (tests check the wire was really used). */
  get issued(): number {
    return this.#counter;
  }

  /** Registers a request about to be sent; the promise resolves with the server's simulated exchange. */
  expect(options: O): { id: string; exchange: Promise<E>; forget: () => void } {
    const id = `${this.#prefix}-${++this.#counter}`;
    let resolve!: (exchange: E) => void;
    const exchange = new Promise<E>((r) => { resolve = r; });
    this.#pending.set(id, { options, resolve });
    return { id, exchange, forget: () => this.#pending.delete(id) };
  }

  /** The client's options for a request id (undefined for a request from a real client such as curl or dig). */
  optionsFor(id: string | undefined): O | undefined {
    return id === undefined ? undefined : this.#pending.get(id)?.options;
  }

  /** Hands the simulated exchange to the waiting client (no-op for unknown ids). */
  settle(id: string | undefined, exchange: E): void {
    if (id === undefined) return;
    this.#pending.get(id)?.resolve(exchange);
  }
}

/** HTTP: the client's timeout travels with the request; the server hands back the simulated exchange. */
export class ExchangeCorrelation extends Correlation<HttpExchange, { timeoutMs?: number }> {
  constructor() {
    super('wire');
  }
}

/** DNS: the simulated source (a node, the client host) travels with the query; the server hands back the simulated reply. */
export class DnsCorrelation extends Correlation<DnsReply, { source: Source }> {
  constructor() {
    super('dns');
  }
}
