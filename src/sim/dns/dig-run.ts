/** dig's behaviour over an injected network: argv in, dig's terminal text and the DNS exchanges out. */
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { CommandOutput } from '../commands/command.ts';
import type { Random } from '../context.ts';
import type { ResolvConf } from './resolv-conf.ts';
import type { DnsReply, DnsSendOptions } from '../network/dns-transport.ts';
import { parseDigArgs } from './dig-options.ts';
import { renderDig, renderDigShort, renderDigTcpFailure, renderDigTimeout } from './dig-render.ts';
import { searchCandidates } from './resolv-conf.ts';
import { toWire } from './wire.ts';
import { absolute } from './names.ts';

/** What dig needs from the lab: a way to send one query (UDP, or TCP for +tcp), the machine's resolv.conf, randomness and time. */
export interface DigDeps {
  query(server: string, port: number, q: { name: string; type: string }, opts: DnsSendOptions): Promise<DnsReply>;
  resolvConf: ResolvConf | undefined;
  rng: Random;
  now(): Date;
  advance(ms: number): void;
}

/** dig's default: 3 tries of 5 s each before `connection timed out`. */
// SRC: bind9 bin/dig/dighost.c (tries = 3, timeout = 5 s for UDP) (v9.16)
export const DIG_GIVE_UP_MS = 15_000;
/** dig +tcp: 3 tries with a 10 s connect/read timer each. */
// SRC: bind9 bin/dig/dighost.c (TCP_TIMEOUT 10; connect_timeout requeues the TCP lookup while retries > 1) (v9.16.23)
export const DIG_TCP_GIVE_UP_MS = 30_000;
// A reply from a pod in the lab's /24 plus kube-proxy DNAT: about a millisecond.
const ROUND_TRIP_MS = 1;

/** Runs dig with argv (without `dig`). Exit 0 for any reply (NXDOMAIN too), 9 when no server answered. */
export async function runDig(args: string[], deps: DigDeps): Promise<CommandOutput> {
  const parsed = parseDigArgs(args);
  if (!parsed.ok) return out('', parsed.error, 1, []);
  const o = parsed.options;
  const echo = args.join(' ');
  const server = o.server ?? deps.resolvConf?.nameservers[0];
  if (server === undefined) {
    // Nodes and the client host point at an upstream resolver the lab cannot reach.
    deps.advance(DIG_GIVE_UP_MS);
    return out(renderDigTimeout(echo, o.short), '', 9, []);
  }
  const names = o.search && deps.resolvConf ? searchCandidates(o.name, deps.resolvConf) : [absolute(o.name)];
  const exchanges: DnsExchange[] = [];
  let last: DnsExchange | undefined;
  for (const name of names) {
    const reply = await deps.query(server, o.port, { name, type: o.type }, { protocol: o.tcp ? 'tcp' : 'udp' });
    if ('failure' in reply) {
      if (o.tcp) {
        deps.advance(reply.failure === 'timeout' ? DIG_TCP_GIVE_UP_MS : 0);
        return out(renderDigTcpFailure({ args: echo, short: o.short, server, port: o.port, name: o.name, failure: reply.failure }), '', 9, exchanges);
      }
      deps.advance(DIG_GIVE_UP_MS);
      return out(renderDigTimeout(echo, o.short), '', 9, exchanges);
    }
    exchanges.push(reply);
    last = reply;
    // SRC: dighost.c recv_done — with +search only NXDOMAIN moves on to the next search name.
    if (reply.rcode !== 'NXDOMAIN') break;
  }
  const reply = last!;
  const queryTimeMs = serverLatency(reply) + ROUND_TRIP_MS;
  deps.advance(queryTimeMs);
  if (o.short) return out(renderDigShort(reply.answers), '', 0, exchanges);
  const id = deps.rng.below(65536);
  const cookie = Buffer.from(Array.from({ length: 8 }, () => deps.rng.below(256)));
  const authoritative = (reply as { authoritative?: boolean }).authoritative ?? reply.rcode !== 'SERVFAIL';
  const messageSize = toWire({ id, response: true, flags: { aa: authoritative, rd: true, ra: false }, rcode: reply.rcode, question: reply.question,
    answers: reply.answers, authority: reply.authority, additional: reply.additional, edns: { udpSize: 4096, cookie } }).length;
  const text = renderDig({ args: echo, id, rcode: reply.rcode, authoritative, question: { ...reply.question, name: absolute(reply.question.name) },
    answers: reply.answers, authority: reply.authority, additional: reply.additional, cookieHex: cookie.toString('hex'), udpSize: 4096,
    queryTimeMs, server, port: o.port, when: deps.now(), messageSize });
  return out(text, '', 0, exchanges);
}

// The CoreDNS hop reports how long the server worked (e.g. waiting on the unreachable upstream).
function serverLatency(reply: DnsExchange): number {
  const hop = reply.trace.find((h) => typeof h.details?.latencyMs === 'number');
  return (hop?.details?.latencyMs as number | undefined) ?? 0;
}

function out(stdout: string, stderr: string, exitCode: number, dns: DnsExchange[]): CommandOutput {
  return { exitCode, stdout, stderr, http: [], dns, warnings: [] };
}
