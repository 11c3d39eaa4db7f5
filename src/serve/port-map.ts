/**
 * Where each simulated address is served on this machine. Linux routes all of 127.0.0.0/8 to the
 * loopback device, so `172.25.250.10:30080` can be served on `127.25.250.10:30080` unchanged but for
 * the first octet (ports below 1024 need root); `--port-base N` puts every endpoint on 127.0.0.1:N+k
 * instead, and tests ask for ephemeral ports.
 */
import { endpointKey, type SimEndpoint } from './endpoints.ts';

/** How simulated endpoints map to loopback. */
export type PortMapping =
  | { mode: 'mirror' }
  | { mode: 'port-base'; base: number }
  | { mode: 'ephemeral' };

/** A loopback address and port to bind (port 0: the system picks). */
export interface LoopbackAddress { host: string; port: number }

/** Assigns loopback addresses; `port-base` numbers endpoints in order of first appearance, so re-syncs keep old ports. */
export class PortAllocator {
  readonly #mapping: PortMapping;
  readonly #assigned = new Map<string, LoopbackAddress>();
  constructor(mapping: PortMapping) {
    this.#mapping = mapping;
  }

  /** The loopback address for a simulated endpoint (stable for the allocator's lifetime). */
  addressFor(e: Pick<SimEndpoint, 'ip' | 'port' | 'protocol'>): LoopbackAddress {
    const key = endpointKey(e);
    const known = this.#assigned.get(key);
    if (known) return known;
    const address = this.#next(e);
    this.#assigned.set(key, address);
    return address;
  }

  #next(e: Pick<SimEndpoint, 'ip' | 'port'>): LoopbackAddress {
    switch (this.#mapping.mode) {
      case 'mirror': return { host: loopbackTwin(e.ip), port: e.port };
      case 'port-base': return { host: '127.0.0.1', port: this.#mapping.base + this.#assigned.size };
      case 'ephemeral': return { host: '127.0.0.1', port: 0 };
    }
  }
}

/** `172.25.250.10` → `127.25.250.10`: the same address with 127 as the first octet. */
export function loopbackTwin(ip: string): string {
  const parts = ip.split('.');
  if (parts.length !== 4) throw new Error(`serve: ${ip} is not an IPv4 address`);
  return ['127', ...parts.slice(1)].join('.');
}

/** Is `host` a loopback IPv4 address (the only kind serve mode binds)? */
export function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** One line of the mapping table. */
export interface MappingRow {
  simulated: string;
  served: string;
  what: string;
}

/** The table `kubelab serve` prints: columns padded to the widest cell, two spaces apart. */
export function renderMappingTable(rows: MappingRow[]): string {
  const header: MappingRow = { simulated: 'SIMULATED', served: 'SERVED ON', what: 'WHAT' };
  const all = [header, ...rows];
  const w1 = Math.max(...all.map((r) => r.simulated.length));
  const w2 = Math.max(...all.map((r) => r.served.length));
  return all.map((r) => `${r.simulated.padEnd(w1)}  ${r.served.padEnd(w2)}  ${r.what}`.trimEnd()).join('\n') + '\n';
}
