/** Structured records of network exchanges, for assertions and for the `trace` of a request. */

/** One routing decision along a request's way (DNS, kube-proxy, ingress, endpoint pick…). */
export interface Hop {
  /** Which component decided: "dns", "kube-proxy", "metallb", "ingress-nginx", "app"… */
  component: string;
  /** What it decided, in words a learner reads in a trace. */
  decision: string;
  /** Machine-readable details (chosen endpoint, location, canary draw…). */
  details?: Record<string, unknown>;
}

/** An HTTP request as sent or received. Header names are lower-case. */
export interface HttpRequestRecord {
  method: string;
  scheme: 'http' | 'https';
  /** Destination address actually connected to. */
  ip: string;
  port: number;
  /** Request target: path and query as sent on the wire. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  sni?: string;
  /** The peer address the receiving server sees (after kube-proxy masquerade), when known. */
  clientIp?: string;
}

/** An HTTP response. Header names are lower-case; repeated headers are joined with ", ". */
export interface HttpResponseRecord {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** The pod that finally answered a request. */
export interface ServedBy { pod: string; namespace: string; node?: string; ip?: string; owner?: string }

/** One request/response (or failure) made by a command. */
export interface HttpExchange {
  request: HttpRequestRecord;
  /** The response, or the network outcome when there is none. */
  response?: HttpResponseRecord;
  failure?: { kind: 'refused' | 'timeout' | 'unreachable' | 'resolve' | 'tls' | 'reset'; message: string };
  /** The pod whose application produced the response (absent for controller-made answers like 404/503). */
  servedBy?: ServedBy;
  /** What the backend application received (after rewrites and proxying). */
  backendRequest?: HttpRequestRecord;
  /** The certificate chain the server presented (https only), PEM. */
  tls?: { certPem: string };
  trace: Hop[];
}

/** One DNS record in an answer. */
export interface DnsRecord { name: string; type: string; ttl: number; class: 'IN'; data: string }

/** One DNS question and its answer. */
export interface DnsExchange {
  server: string;
  question: { name: string; type: string };
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  answers: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  trace: Hop[];
}
