/**
 * nslookup in its two lab flavours: BusyBox v1.22 (busyboxplus client pods: getaddrinfo + reverse
 * lookup of every address) and BIND 9.16 (the Rocky nodes and client host: prints the server's answer).
 */
// SRC: busybox networking/nslookup.c (1.22.1) print_host/server_print; bind9 bin/dig/nslookup.c printmessage (v9.16)
import type { DnsExchange } from '../../cluster/exchanges.ts';
import type { CommandOutput } from '../commands/command.ts';
import type { ResolvConf } from './resolv-conf.ts';
import type { DnsReply } from '../network/dns-transport.ts';
import { walkSearchList } from './name-lookup.ts';
import { searchCandidates } from './resolv-conf.ts';
import { isIPv4, reverseName } from './names.ts';

/** What nslookup needs from the machine it runs on. */
export interface NslookupDeps {
  style: 'busybox' | 'bind';
  query(server: string, q: { name: string; type: string }): Promise<DnsReply>;
  resolvConf: ResolvConf | undefined;
  /** The machine's /etc/hosts (busybox's getaddrinfo reads it first). */
  hosts: Map<string, string>;
  advance(ms: number): void;
}

/** Resolver timeout before giving up on a silent server (5 s, 2 attempts). */
export const NSLOOKUP_GIVE_UP_MS = 10_000;

/** Runs nslookup with argv (without `nslookup`). */
export async function runNslookup(args: string[], deps: NslookupDeps): Promise<CommandOutput> {
  if (args.some((a) => a.startsWith('-'))) return done('', `nslookup: kubelab does not model nslookup options (${args.filter((a) => a.startsWith('-')).join(' ')}); use nslookup NAME [SERVER]\n`, 1, []);
  if (args.length < 1 || args.length > 2) return done('', deps.style === 'busybox' ? BUSYBOX_USAGE : BIND_USAGE, 1, []);
  const [name, explicit] = args as [string, string | undefined];
  if (explicit !== undefined && !isIPv4(explicit)) return done('', `nslookup: kubelab needs the server as an IPv4 address, got '${explicit}'\n`, 1, []);
  const server = explicit ?? deps.resolvConf?.nameservers[0];
  return deps.style === 'busybox' ? busybox(name, server, deps) : bind(name, server, deps);
}

async function busybox(name: string, server: string | undefined, deps: NslookupDeps): Promise<CommandOutput> {
  const exchanges: DnsExchange[] = [];
  const ask = async (q: { name: string; type: string }): Promise<DnsReply> => {
    if (server === undefined) return { failure: 'timeout' };
    const reply = await deps.query(server, q);
    if ('failure' in reply) deps.advance(NSLOOKUP_GIVE_UP_MS);
    else exchanges.push(reply);
    return reply;
  };
  const reverse = async (ip: string): Promise<string | undefined> => {
    for (const [host, addr] of deps.hosts) if (addr === ip) return host;
    const reply = await ask({ name: reverseName(ip), type: 'PTR' });
    return 'failure' in reply ? undefined : reply.answers.find((r) => r.type === 'PTR')?.data.replace(/\.$/, '');
  };
  // One reverse lookup after another, in address order (as print_host walks the list), so random draws keep their order.
  const lines = async (header: string, shown: string, ips: string[]) => {
    let text = `${header.padEnd(10)} ${shown}\n`;
    for (const [i, ip] of ips.entries()) {
      const rev = await reverse(ip);
      text += `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}\n`;
    }
    return text;
  };
  let stdout = server === undefined ? '' : (await lines('Server:', server, [server])) + '\n';
  const fromHosts = isIPv4(name) ? name : deps.hosts.get(name.toLowerCase());
  const found = fromHosts !== undefined
    ? { ok: true as const, ips: [fromHosts] }
    : await walkSearchList((candidate, type) => ask({ name: candidate, type }), name, deps.resolvConf ?? { search: [], ndots: 1 });
  if (!found.ok) return done(stdout, `nslookup: can't resolve '${name}'\n`, 1, exchanges);
  stdout += await lines('Name:', name, found.ips);
  return done(stdout, '', 0, exchanges);
}

// SRC: bind9 bin/dig/nslookup.c printmessage/printsection/chase_cnamechain (v9.16): the default lookup asks A, then AAAA for
// the name at the end of the A answer's CNAME chain; both answers are printed, the server header only once.
async function bind(name: string, server: string | undefined, deps: NslookupDeps): Promise<CommandOutput> {
  const timeout = (ex: DnsExchange[]) => { deps.advance(NSLOOKUP_GIVE_UP_MS); return done(';; connection timed out; no servers could be reached\n', '', 1, ex); };
  if (server === undefined) return timeout([]);
  const reverse = isIPv4(name);
  const names = reverse ? [reverseName(name)] : deps.resolvConf ? searchCandidates(name, deps.resolvConf) : [name.endsWith('.') ? name : `${name}.`];
  const exchanges: DnsExchange[] = [];
  let reply: DnsExchange | undefined;
  for (const candidate of names) {
    const r = await deps.query(server, { name: candidate, type: reverse ? 'PTR' : 'A' });
    if ('failure' in r) return timeout(exchanges);
    exchanges.push(r);
    reply = r;
    if (r.rcode !== 'NXDOMAIN') break;
  }
  let stdout = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (reply!.rcode !== 'NOERROR') return done(`${stdout}** server can't find ${trim(reply!.question.name)}: ${reply!.rcode}\n\n`, '', 1, exchanges);
  stdout += answerText(reply!);
  if (reverse) return done(`${stdout}\n`, '', 0, exchanges);
  const target = chaseCnames(reply!);
  const aaaa = await deps.query(server, { name: target, type: 'AAAA' });
  if ('failure' in aaaa) return timeout(exchanges);
  exchanges.push(aaaa);
  if (aaaa.rcode !== 'NOERROR') return done(`${stdout}** server can't find ${trim(target)}: ${aaaa.rcode}\n\n`, '', 1, exchanges);
  // An AAAA reply without records prints nothing, unless the A reply had none either.
  if (aaaa.answers.length === 0 && reply!.answers.length === 0) stdout += `*** Can't find ${trim(target)}: No answer\n`;
  else if (aaaa.answers.length > 0) stdout += answerText(aaaa, false);
  return done(`${stdout}\n`, '', 0, exchanges);
}

// The A reply says "Non-authoritative answer:" when aa is unset; every answer record is printed in order.
function answerText(reply: DnsExchange, header = true): string {
  const authoritative = (reply as { authoritative?: boolean }).authoritative ?? true;
  let text = header && !authoritative ? 'Non-authoritative answer:\n' : '';
  for (const r of reply.answers) {
    const owner = trim(r.name);
    if (r.type === 'A' || r.type === 'AAAA') text += `Name:\t${owner}\nAddress: ${r.data}\n`;
    else if (r.type === 'CNAME') text += `${owner}\tcanonical name = ${r.data}\n`;
    else if (r.type === 'PTR') text += `${owner}\tname = ${r.data}\n`;
  }
  return text;
}

// chase_cnamechain: follow CNAMEs in the answer from the question name.
function chaseCnames(reply: DnsExchange): string {
  let name = reply.question.name;
  for (let i = 0; i < reply.answers.length; i++) {
    const next = reply.answers.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === name.toLowerCase());
    if (!next) break;
    name = next.data;
  }
  return name;
}

function trim(name: string): string {
  return name.replace(/\.$/, '');
}

function done(stdout: string, stderr: string, exitCode: number, dns: DnsExchange[]): CommandOutput {
  return { exitCode, stdout, stderr, http: [], dns, warnings: [] };
}

const BUSYBOX_USAGE = 'BusyBox v1.22.1 multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';
const BIND_USAGE = 'Usage: nslookup [-opt ...] host server\n';
