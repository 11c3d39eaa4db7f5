/** dig 9.16's terminal output (the tutorial's `DiG 9.16.23-RH`): full answer, +short, and the timeout line. */
// SRC: bind9 bin/dig/dig.c printmessage/isdotlocal, dighost.c received (v9.16)
import type { DnsRecord } from '../../cluster/exchanges.ts';
import { recordLine, questionLine } from './masterdump.ts';
import { inZone } from './names.ts';

/** The dig build of the tutorial's Rocky machines. */
export const DIG_VERSION = '9.16.23-RH';

/** The lab's local time zone (the tutorial's hosts run Asia/Shanghai: `CST`, UTC+8). */
export const LAB_TIME_ZONE = { offsetMinutes: 480, abbreviation: 'CST' } as const;

/** Everything one printed dig answer shows. */
export interface DigReply {
  /** The command-line arguments after `dig`, as typed (echoed in the banner). */
  args: string;
  id: number;
  rcode: string;
  authoritative: boolean;
  question: { name: string; type: string };
  answers: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** dig's 8-byte client cookie, hex; the server echoed it back. */
  cookieHex: string;
  udpSize: number;
  queryTimeMs: number;
  server: string;
  port: number;
  when: Date;
  messageSize: number;
}

/** The full dig output. */
export function renderDig(r: DigReply): string {
  const lines = [banner(r.args), ';; Got answer:'];
  if (inZone(r.question.name, 'local')) {
    lines.push(';; WARNING: .local is reserved for Multicast DNS', ';; You are currently testing what happens when an mDNS query is leaked to DNS');
  }
  lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${r.id}`);
  const flags = ['qr', ...(r.authoritative ? ['aa'] : []), 'rd'];
  // The OPT pseudo-record counts as one ADDITIONAL record.
  lines.push(`;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}`);
  lines.push(';; WARNING: recursion requested but not available', '');
  lines.push(';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:; udp: ${r.udpSize}`, `; COOKIE: ${r.cookieHex} (echoed)`);
  lines.push(';; QUESTION SECTION:', questionLine(r.question), '');
  for (const [title, records] of [['ANSWER', r.answers], ['AUTHORITY', r.authority], ['ADDITIONAL', r.additional]] as const) {
    if (records.length === 0) continue;
    lines.push(`;; ${title} SECTION:`, ...records.map(recordLine), '');
  }
  lines.push(`;; Query time: ${r.queryTimeMs} msec`, `;; SERVER: ${r.server}#${r.port}(${r.server})`, `;; WHEN: ${digTime(r.when)}`, `;; MSG SIZE  rcvd: ${r.messageSize}`, '');
  return lines.join('\n') + '\n';
}

/** `dig +short`: the answer section's rdata, one per line. */
export function renderDigShort(answers: DnsRecord[]): string {
  return answers.map((a) => `${a.data}\n`).join('');
}

/** What dig prints when no server answered (exit status 9). */
export function renderDigTimeout(args: string, short: boolean): string {
  return short ? ';; connection timed out; no servers could be reached\n' : `${banner(args)}\n;; connection timed out; no servers could be reached\n`;
}

/** What dig +tcp prints when the connection fails: refused at once, or three 10 s tries that time out (exit status 9). */
// SRC: bind9 bin/dig/dighost.c connect_done ("Connection to %s(%s) for %s failed: %s.", printed when the cancelled
// connect of each timed-out try is reaped, so the last one follows the timeout line) and connect_timeout (v9.16.23)
export function renderDigTcpFailure(f: { args: string; short: boolean; server: string; port: number; name: string; failure: 'timeout' | 'refused' }): string {
  const line = (why: string) => `;; Connection to ${f.server}#${f.port}(${f.server}) for ${f.name} failed: ${why}.\n`;
  if (f.failure === 'refused') return line('connection refused');
  return line('timed out') + line('timed out') + renderDigTimeout(f.args, f.short) + line('timed out');
}

function banner(args: string): string {
  return `\n; <<>> DiG ${DIG_VERSION} <<>> ${args}\n;; global options: +cmd`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime "%a %b %d %H:%M:%S %Z %Y" in the lab's time zone, e.g. `Fri Sep 06 14:24:57 CST 2024`. */
export function digTime(when: Date): string {
  const t = new Date(when.getTime() + LAB_TIME_ZONE.offsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[t.getUTCDay()]} ${MONTHS[t.getUTCMonth()]} ${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} ${LAB_TIME_ZONE.abbreviation} ${t.getUTCFullYear()}`;
}
