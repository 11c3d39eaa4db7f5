/**
 * `ServedLab`: a Simulation exposed on real loopback sockets. One listener per simulated address the
 * client host can reach (re-synced after each command, since Services appear and go), plus a DNS
 * server for the cluster's names that answers as CoreDNS does for a node (`dig @10.96.0.10`).
 * Binds loopback addresses only.
 */
import type { Service } from '../model/core.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Source } from '../sim/network/source.ts';
import { sendDns } from '../sim/network/dns-transport.ts';
import { endpointKey, reachableEndpoints, tlsBehind, type SimEndpoint } from './endpoints.ts';
import { DnsCorrelation, ExchangeCorrelation } from './correlation.ts';
import { openHttpListener, type HttpListener } from './http-listener.ts';
import { openDnsServer, type DnsAnswerer, type DnsServer } from './dns-server.ts';
import type { DnsProtocol } from '../sim/network/dns-transport.ts';
import { PortAllocator, isLoopback, loopbackTwin, renderMappingTable, type LoopbackAddress, type MappingRow, type PortMapping } from './port-map.ts';

/** How to serve a lab. */
export interface ServeOptions {
  mapping: PortMapping;
  /** The cluster DNS server's address: a port (on the kube-dns address's loopback twin), or false for none. Default 53. */
  dnsPort?: number | false;
  /** Receives what serve mode could not do (bind failures, TLS without a key…). */
  note?: (line: string) => void;
}

type Served = { endpoint: SimEndpoint; listener?: HttpListener | DnsServer & { endpoint: SimEndpoint }; error?: string };

/** A running served lab. Create with `serveLab`. */
export class ServedLab {
  readonly sim: Simulation;
  /** Correlates wire requests with the simulated exchanges that answered them (see correlation.ts). */
  readonly correlation = new ExchangeCorrelation();
  /** Correlates wire DNS queries with their simulated source and reply (see correlation.ts). */
  readonly dnsCorrelation = new DnsCorrelation();
  readonly #ports: PortAllocator;
  readonly #served = new Map<string, Served>();
  readonly #note: (line: string) => void;
  #dns: { simulated: string; server?: DnsServer; error?: string } | undefined;
  #closed = false;

  constructor(sim: Simulation, opts: ServeOptions) {
    this.sim = sim;
    this.#ports = new PortAllocator(opts.mapping);
    this.#note = opts.note ?? (() => {});
  }

  /** Opens listeners for endpoints that appeared and closes those that went. */
  async sync(): Promise<void> {
    if (this.#closed) return;
    const wanted = new Map(reachableEndpoints(this.sim).map((e) => [endpointKey(e), e]));
    for (const [key, served] of this.#served) {
      if (wanted.has(key)) continue;
      this.#served.delete(key);
      await served.listener?.close();
    }
    for (const [key, endpoint] of wanted) {
      if (this.#served.has(key)) continue;
      const served: Served = { endpoint };
      this.#served.set(key, served);
      const address = this.#ports.addressFor(endpoint);
      try {
        served.listener = endpoint.protocol === 'TCP'
          ? await openHttpListener({ sim: this.sim, endpoint, correlation: this.correlation, note: (l) => this.#note(`${key}: ${l}`) }, checked(address))
          : { ...(await openDnsServer(checked(address), this.#answerAs(this.#hostSource(), endpoint.ip, endpoint.port), { tcp: false })), endpoint };
      } catch (error) {
        served.error = bindError(address, error);
        this.#note(`${key} is not served: ${served.error}`);
      }
    }
  }

  /** Starts the cluster DNS server (UDP+TCP) on the loopback twin of kube-dns's cluster IP. */
  async startDns(port: number): Promise<void> {
    const kubeDns = this.sim.store.get<Service>('Service', 'kube-dns', 'kube-system')?.spec.clusterIP ?? '10.96.0.10';
    const master = this.sim.topology.nodes.find((n) => n.role === 'control-plane') ?? this.sim.topology.nodes[0]!;
    const nodeSource: Source = { kind: 'node', node: master.name, ip: master.ip };
    const address = { host: loopbackTwin(kubeDns), port };
    this.#dns = { simulated: `${kubeDns}:53` };
    try {
      // Answered as `dig @10.96.0.10` on the control-plane node (through kube-proxy to a CoreDNS pod), unless
      // the wire backend's query says which lab machine asked.
      this.#dns.server = await openDnsServer(checked(address), this.#answerAs(nodeSource, kubeDns, 53));
    } catch (error) {
      this.#dns.error = bindError(address, error);
      this.#note(`cluster DNS is not served: ${this.#dns.error}`);
    }
  }

  /** The loopback address serving a simulated endpoint, if it is served. */
  addressOf(ip: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): LoopbackAddress | undefined {
    return this.#served.get(endpointKey({ ip, port, protocol }))?.listener?.address;
  }

  /**
   * The loopback address that carries a DNS query for simulated `ip:port`: the cluster DNS server for the
   * kube-dns address on port 53 (UDP and TCP), a served UDP service port otherwise; undefined when none.
   */
  dnsAddressFor(ip: string, port: number, protocol: DnsProtocol): LoopbackAddress | undefined {
    if (this.#dns?.server && this.#dns.simulated === `${ip}:${port}`) return this.#dns.server.address;
    return protocol === 'udp' ? this.addressOf(ip, port, 'UDP') : undefined;
  }

  /** The cluster DNS server's address, if running. */
  get dnsAddress(): LoopbackAddress | undefined {
    return this.#dns?.server?.address;
  }

  /** The mapping table rows, in address order. */
  rows(): MappingRow[] {
    const rows: MappingRow[] = [...this.#served.values()].map(({ endpoint, listener, error }) => ({
      simulated: `${endpoint.ip}:${endpoint.port}${endpoint.protocol === 'UDP' ? '/udp' : ''}`,
      served: listener ? `${listener.address.host}:${listener.address.port}` : 'not served',
      what: describe(endpoint, listener, error, this.sim),
    }));
    if (this.#dns) {
      const { simulated, server, error } = this.#dns;
      rows.push({ simulated: `${simulated}/udp+tcp`, served: server ? `${server.address.host}:${server.address.port}` : 'not served', what: error ? `cluster DNS: ${error}` : 'cluster DNS (kube-system/kube-dns, as seen from a node)' });
    }
    return rows;
  }

  /** The mapping table as `kubelab serve` prints it. */
  table(): string {
    return renderMappingTable(this.rows());
  }

  /** Closes every listener. */
  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#served.values()].map((s) => s.listener?.close());
    this.#served.clear();
    await Promise.all([...all, this.#dns?.server?.close()]);
  }

  // Asks the simulated `ip:port` from the source the wire backend registered for the query, or from `fallback`
  // for a real client (dig or a resolver on this machine), and hands the simulated reply to the waiting client.
  #answerAs(fallback: Source, ip: string, port: number): DnsAnswerer {
    return async (q) => {
      const source = this.dnsCorrelation.optionsFor(q.correlationId)?.source ?? fallback;
      const reply = await sendDns(this.sim, source, ip, port, { name: q.name, type: q.type }, { protocol: q.protocol });
      this.dnsCorrelation.settle(q.correlationId, reply);
      return reply;
    };
  }

  #hostSource(): Source {
    return { kind: 'host', ip: this.sim.topology.clientHostIP, hosts: new Map() };
  }
}

/** Serves `sim`: the endpoints reachable now, and the cluster DNS server unless `dnsPort` is false. */
export async function serveLab(sim: Simulation, opts: ServeOptions): Promise<ServedLab> {
  const lab = new ServedLab(sim, opts);
  try {
    if (opts.dnsPort !== false) await lab.startDns(opts.dnsPort ?? 53);
    await lab.sync();
  } catch (error) {
    await lab.close();
    throw error;
  }
  return lab;
}

// Serve mode must never listen beyond this machine.
function checked(address: LoopbackAddress): LoopbackAddress {
  if (!isLoopback(address.host)) throw new Error(`serve mode binds loopback addresses only, not ${address.host}`);
  return address;
}

function bindError(address: LoopbackAddress, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return `binding ${address.host}:${address.port} needs root (ports below 1024); use --port-base N`;
  if (code === 'EADDRINUSE') return `${address.host}:${address.port} is already in use; use --port-base N or --dns-port N`;
  return `binding ${address.host}:${address.port} failed: ${(error as Error).message}`;
}

function describe(endpoint: SimEndpoint, listener: Served['listener'], error: string | undefined, sim: Simulation): string {
  if (error) return `${endpoint.owner}: ${error}`;
  if (endpoint.protocol === 'UDP') return `${endpoint.owner} (udp: DNS queries are relayed, other datagrams get no answer)`;
  if (!tlsBehind(sim, endpoint)) return `${endpoint.owner} (http)`;
  const refusal = listener && 'tlsRefusal' in listener ? listener.tlsRefusal() : undefined;
  return refusal ? `${endpoint.owner} (http; https refused: ${refusal})` : `${endpoint.owner} (http, https)`;
}
