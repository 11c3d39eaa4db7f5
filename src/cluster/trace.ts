/**
 * A request's trace as a learner reads it: every routing decision the simulated cluster took (DNS,
 * MetalLB's ARP answer, kube-proxy's endpoint pick, ingress-nginx's server, location, annotations and
 * canary draw, the pod that answered), one numbered line each. The hops are values recorded while the
 * request travelled, not a re-computation.
 */
import type { DnsExchange, Hop, HttpExchange } from './exchanges.ts';

/** One HTTP exchange's trace: the request, its hops, then the outcome. */
export function formatHttpTrace(exchange: HttpExchange): string {
  const { request } = exchange;
  const host = request.headers['host'] ?? `${request.ip}:${request.port}`;
  const head = `${request.method} ${request.scheme}://${host}${request.path} → ${request.ip}:${request.port}`;
  return [head, ...hopLines(exchange.trace), `   = ${httpOutcome(exchange)}`].join('\n');
}

/** One DNS exchange's trace: the question, its hops, then the answer. */
export function formatDnsTrace(exchange: DnsExchange): string {
  const head = `DNS ${exchange.question.type} ${exchange.question.name} @${exchange.server}`;
  const answers = exchange.answers.map((r) => `${r.type} ${r.data}`).join(', ');
  return [head, ...hopLines(exchange.trace), `   = ${exchange.rcode}${answers ? `: ${answers}` : ''}`].join('\n');
}

/** The traces of every exchange a set of command results made, DNS first within each command. */
export function formatTraces(results: readonly { command: string; http: HttpExchange[]; dns: DnsExchange[] }[]): string {
  const blocks = results.flatMap((r) => [...r.dns.map(formatDnsTrace), ...r.http.map(formatHttpTrace)].map((t) => `$ ${r.command}\n${t}`));
  return blocks.join('\n\n');
}

function hopLines(trace: readonly Hop[]): string[] {
  const width = Math.max(0, ...trace.map((h) => h.component.length));
  return trace.map((hop, i) => `${String(i + 1).padStart(3)}. ${hop.component.padEnd(width)}  ${hop.decision}`);
}

function httpOutcome(exchange: HttpExchange): string {
  if (exchange.failure) return `no response: ${exchange.failure.message}`;
  if (!exchange.response) return 'no response: the server closed the connection';
  const { status, reason } = exchange.response;
  const by = exchange.servedBy ? ` from pod ${exchange.servedBy.namespace}/${exchange.servedBy.pod}` : ' (answered by the proxy itself)';
  return `${status} ${reason}${by}`;
}
