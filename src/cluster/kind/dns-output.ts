/**
 * DNS exchanges read back from what dig and nslookup printed on the real cluster (the kind backend cannot
 * see the packets). dig: BIND 9.18 (Debian bookworm's dnsutils on the nodes) full output — header status,
 * QUESTION/ANSWER/AUTHORITY/ADDITIONAL sections, `;; SERVER: a#53(a) (UDP)` — and `+short`.
 * nslookup: BIND's format and busybox's (old busyboxplus "Address 1: ip name", and 1.28+ BIND-like).
 * What the text does not say is left out or marked: nslookup prints no TTLs (ttl 0), `+short` neither.
 */
import type { DnsExchange, DnsRecord } from '../exchanges.ts';
import { programsOf } from './command-routing.ts';

type Rcode = DnsExchange['rcode'];
const RCODES = new Set<string>(['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED']);

/** The exchanges a command line's dig or nslookup printed (none for other commands). */
export function parseDnsOutput(line: string, stdout: string, stderr = ''): DnsExchange[] {
  const programs = programsOf(line);
  if (programs.includes('dig')) return parseDig(stdout, digArgs(line));
  if (programs.includes('nslookup')) return parseNslookup(stderr ? `${stdout}\n${stderr}` : stdout);
  return [];
}

/** What dig was asked on its command line (needed for +short, whose output names neither). */
export interface DigArgs { name?: string; type: string; server: string; short: boolean }

/** Reads dig's arguments: the first name, a record type, @server and +short. */
export function digArgs(line: string): DigArgs {
  const words = line.slice(line.search(/\bdig\b/) + 3).split(/[|;&]/)[0]!.trim().split(/\s+/).filter(Boolean);
  const args: DigArgs = { type: 'A', server: '', short: false };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('@')) args.server = w.slice(1);
    else if (/^\+short$/i.test(w)) args.short = true;
    else if (w === '-t') args.type = (words[++i] ?? 'A').toUpperCase();
    else if (w === '-x') { args.name = reverseName(words[++i] ?? ''); args.type = 'PTR'; }
    else if (w.startsWith('-') || w.startsWith('+')) continue;
    else if (/^(A|AAAA|CNAME|MX|NS|PTR|SOA|SRV|TXT|ANY)$/i.test(w)) args.type = w.toUpperCase();
    else if (args.name === undefined) args.name = w;
  }
  return args;
}

/** dig's full output (one block per `->>HEADER<<-`) or its +short lines. */
export function parseDig(stdout: string, args: DigArgs): DnsExchange[] {
  if (!stdout.includes('->>HEADER<<-')) return args.short ? shortAnswer(stdout, args) : [];
  return stdout.split(/^(?=;; ->>HEADER<<-)/m).slice(1).map((block) => {
    const status = /status: ([A-Z]+)/.exec(block)?.[1] ?? '';
    const sections: Record<string, DnsRecord[]> = { ANSWER: [], AUTHORITY: [], ADDITIONAL: [] };
    let section = '';
    let question = { name: args.name ?? '', type: args.type };
    for (const raw of block.split('\n')) {
      const heading = /^;; ([A-Z]+) SECTION:$/.exec(raw);
      if (heading) { section = heading[1]!; continue; }
      if (raw.trim() === '') { section = ''; continue; }
      if (section === 'QUESTION') {
        const q = /^;(\S+)\s+IN\s+(\S+)/.exec(raw);
        if (q) question = { name: q[1]!, type: q[2]! };
      } else if (sections[section] && !raw.startsWith(';')) {
        const record = recordLine(raw);
        if (record) sections[section]!.push(record);
      }
    }
    // SERVER: 10.96.0.10#53(10.96.0.10) (UDP) — 9.18 adds the transport; 9.16 does not.
    const server = /^;; SERVER: ([^#\s]+)#/m.exec(block)?.[1] ?? args.server;
    return exchange(server, question, rcodeOf(status), sections['ANSWER']!, sections['AUTHORITY']!, sections['ADDITIONAL']!);
  });
}

/** nslookup's output (BIND's or busybox's; give stderr too: old busybox reports failures there), one exchange per question. */
export function parseNslookup(output: string): DnsExchange[] {
  const server = /^Server:\s+(\S+)/m.exec(output)?.[1] ?? '';
  const out: DnsExchange[] = [];
  let current: DnsExchange | undefined;
  let owner = '';
  // The first block (up to the first blank line) is the server's own address, not an answer.
  let serverBlock = /^Server:/.test(output.trimStart());
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (line === '') { serverBlock = false; continue; }
    const missing = /^\*\* server can't find (\S+?):\s*([A-Z]+)/.exec(line);
    // Old busybox resolves through getaddrinfo and cannot tell NXDOMAIN from an empty answer: both say "can't resolve".
    const cannot = /^nslookup: can't resolve '([^']+)'/.exec(line);
    if (missing || cannot) {
      out.push(exchange(server, { name: (missing ?? cannot)![1]!, type: 'A' }, missing ? rcodeOf(missing[2]!) : 'NXDOMAIN', [], [], []));
      current = undefined;
      continue;
    }
    if (serverBlock) continue;
    const cname = /^(\S+)\s+canonical name = (\S+)$/.exec(line);
    if (cname) { current = lookupOf(out, current, server, cname[1]!); current.answers.push(record(cname[1]!, 'CNAME', cname[2]!)); continue; }
    const name = /^Name:\s+(\S+)/.exec(line);
    if (name) { current = lookupOf(out, current, server, name[1]!); owner = name[1]!; continue; }
    // BIND and busybox 1.28+: "Address: ip"; old busybox: "Address 1: ip [name]".
    const address = /^Address(?: \d+)?:\s+(\S+)/.exec(line);
    if (address && current) {
      const ip = address[1]!.replace(/#\d+$/, '');
      current.answers.push(record(owner, ip.includes(':') ? 'AAAA' : 'A', ip));
    }
  }
  return out;
}

// A Name: line continues the current lookup when it repeats its name (one line pair per record) or is
// the target of its CNAME; otherwise it starts a new question.
function lookupOf(out: DnsExchange[], current: DnsExchange | undefined, server: string, name: string): DnsExchange {
  if (current && (bare(current.question.name) === bare(name) || current.answers.some((a) => a.type === 'CNAME' && bare(a.data) === bare(name)))) return current;
  const fresh = exchange(server, { name, type: 'A' }, 'NOERROR', [], [], []);
  out.push(fresh);
  return fresh;
}

function shortAnswer(stdout: string, args: DigArgs): DnsExchange[] {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith(';'));
  // Empty +short output is NXDOMAIN or an empty NOERROR alike: nothing to record rather than a guess.
  if (lines.length === 0 || !args.name) return [];
  const answers = lines.map((data) => record(args.name!, typeOfShort(data, args.type), data));
  return [exchange(args.server, { name: args.name, type: args.type }, 'NOERROR', answers, [], [])];
}

// +short prints only data: for an A question a name is a CNAME step of the chain.
function typeOfShort(data: string, asked: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(data)) return 'A';
  if (/^[0-9a-f:]+$/i.test(data) && data.includes(':')) return 'AAAA';
  return asked === 'A' || asked === 'AAAA' ? 'CNAME' : asked;
}

function recordLine(line: string): DnsRecord | undefined {
  const m = /^(\S+)\s+(\d+)\s+IN\s+([A-Z0-9]+)\s+(.*)$/.exec(line.trim());
  return m ? { name: m[1]!, ttl: Number(m[2]), class: 'IN', type: m[3]!, data: m[4]!.trim().replace(/\s+/g, ' ') } : undefined;
}

function record(name: string, type: string, data: string): DnsRecord {
  return { name, type, ttl: 0, class: 'IN', data };
}

function exchange(server: string, question: { name: string; type: string }, rcode: Rcode, answers: DnsRecord[], authority: DnsRecord[], additional: DnsRecord[]): DnsExchange {
  return { server, question, rcode, answers, authority, additional, trace: [] };
}

function rcodeOf(status: string): Rcode {
  // Statuses outside the record's four (FORMERR, NOTIMP…) are server failures to a client.
  return (RCODES.has(status) ? status : 'SERVFAIL') as Rcode;
}

function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

function bare(name: string): string {
  return name.replace(/\.$/, '');
}
