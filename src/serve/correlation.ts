/**
 * Correlates a wire request with the simulated exchange that answered it. The wire carries status,
 * headers, body and the certificate; what it cannot carry (which pod served, what the application
 * received, the trace) travels in process, keyed by a request-id header the client adds and the
 * server strips before the simulated network sees the request.
 */
import type { HttpExchange } from '../cluster/exchanges.ts';

/** The header that carries the correlation id (never forwarded to the simulated application). */
export const REQUEST_ID_HEADER = 'x-kubelab-request-id';

interface Pending {
  timeoutMs?: number;
  resolve: (exchange: HttpExchange) => void;
  settled: Promise<HttpExchange>;
}

/** Pending wire requests of one served lab, by id. */
export class ExchangeCorrelation {
  readonly #pending = new Map<string, Pending>();
  #counter = 0;

  /** How many wire requests were registered so far (tests check the wire was really used). */
  get issued(): number {
    return this.#counter;
  }

  /** Registers a request about to be sent; the promise resolves with the server's simulated exchange. */
  expect(opts: { timeoutMs?: number }): { id: string; exchange: Promise<HttpExchange>; forget: () => void } {
    const id = `wire-${++this.#counter}`;
    let resolve!: (exchange: HttpExchange) => void;
    const settled = new Promise<HttpExchange>((r) => { resolve = r; });
    this.#pending.set(id, { ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}), resolve, settled });
    return { id, exchange: settled, forget: () => this.#pending.delete(id) };
  }

  /** The client's options for a request id (undefined for a request from a real client such as curl). */
  optionsFor(id: string | undefined): { timeoutMs?: number } | undefined {
    if (id === undefined) return undefined;
    const p = this.#pending.get(id);
    return p ? (p.timeoutMs !== undefined ? { timeoutMs: p.timeoutMs } : {}) : undefined;
  }

  /** Hands the simulated exchange to the waiting client (no-op for unknown ids). */
  settle(id: string | undefined, exchange: HttpExchange): void {
    if (id === undefined) return;
    this.#pending.get(id)?.resolve(exchange);
  }
}
