/** What a container image does in the simulator: which ports it serves and how it answers. */
import type { Pod } from '../../model/core.ts';
import type { HttpRequestRecord, HttpResponseRecord, Hop, DnsExchange, ServedBy } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';

/** A question to a DNS server process. */
export interface DnsQuery { name: string; type: string; clientIP: string }

/** What the process answered to one HTTP request, with what it saw and where it went. */
export interface AppHttpResult {
  response: HttpResponseRecord;
  /** The pod whose application produced the response (a proxy reports its upstream's). */
  servedBy?: ServedBy;
  /** The request as the answering application received it (after any proxying). */
  backendRequest?: HttpRequestRecord;
  trace: Hop[];
  warnings?: string[];
}

/** The TLS side of a listener: the certificate it presents for an SNI name. */
export interface TlsServer {
  /**
   * PEM certificate chain presented for `sni` (undefined SNI = client sent none), with its private key
   * when the listener has one (serve mode terminates real TLS with it).
   */
  certificateFor(sni: string | undefined): { certPem: string; keyPem?: string; trace: Hop[] };
}

/** A running container process. */
export interface AppProcess {
  /** Does the process accept connections on this port? */
  listens(port: number, protocol: 'TCP' | 'UDP'): boolean;
  /** TLS listener on this port, if any. */
  tls?(port: number): TlsServer | undefined;
  /** Answer an HTTP request that reached this pod. */
  http?(req: HttpRequestRecord, sim: Simulation): Promise<AppHttpResult>;
  /** Answer a DNS query that reached this pod on port 53. */
  dns?(query: DnsQuery, sim: Simulation): Omit<DnsExchange, 'server' | 'trace'> & { trace?: Hop[] };
}

/** An image the simulator knows. A pod whose image no entry matches goes to ErrImagePull. */
export interface AppImage {
  /** Human name for reports, e.g. "myapp (nginx/1.12.2)". */
  name: string;
  /** Does this entry provide the image reference (e.g. "myapp:v1", "reg.exam.com/library/myapp:v1")? */
  matches(image: string): boolean;
  /** Start the process for a scheduled pod. */
  start(pod: Pod, sim: Simulation): AppProcess;
  /** Set for a run-to-completion tool (a Job's image): its process exits with this code right after it starts. */
  exitCode?: number;
}
