/**
 * Rule text as iptables prints it: `iptables-save` lines and `iptables -L` columns.
 * SRC: iptables iptables/iptables.c print_firewall, print_header, xtables.c xtables_save_string;
 * extensions libxt_comment, libxt_tcp/udp, libxt_addrtype, libxt_physdev, libxt_ipvs, libxt_statistic, libxt_recent, libxt_mark,
 * libxt_conntrack, libxt_set, libipt_DNAT, libxt_MARK, libipt_MASQUERADE, libipt_REJECT (v1.8.7).
 */
import type { IptMatch, IptRule, IptTarget } from './iptables-types.ts';
import { displayProbability } from './probability.ts';

/** Port names `iptables -L` (without -n) shows, from RHEL's /etc/services; others stay numeric. */
const SERVICE_NAMES: Record<string, Record<number, string>> = {
  tcp: { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 6443: 'sun-sr-https', 8080: 'webcache', 8443: 'pcsync-https' },
  udp: { 53: 'domain', 80: 'http', 443: 'https' },
};

/** An `iptables-save` line. */
export function saveLine(r: IptRule): string {
  let out = `-A ${r.chain}`;
  if (r.src) out += `${r.srcInvert ? ' !' : ''} -s ${withMask(r.src)}`;
  if (r.dst) out += `${r.dstInvert ? ' !' : ''} -d ${withMask(r.dst)}`;
  if (r.proto) out += ` -p ${r.proto}`;
  for (const m of r.matches) out += saveMatch(m);
  return out + saveTarget(r.target);
}

function saveMatch(m: IptMatch): string {
  switch (m.m) {
    case 'comment': return ` -m comment --comment${saveString(m.text)}`;
    case 'tcp': case 'udp': case 'sctp': return ` -m ${m.m}${m.dport === undefined ? '' : ` --dport ${m.dport}`}`;
    case 'addrtype': return ` -m addrtype${m.srcType ? `${m.srcInvert ? ' !' : ''} --src-type ${m.srcType}` : ''}${m.dstType ? ` --dst-type ${m.dstType}` : ''}`;
    case 'physdev': return ' -m physdev ! --physdev-is-in';
    // libxt_ipvs ipvs_mt_save: the address with its mask, the protocol as a number.
    case 'ipvs': return ` -m ipvs --vaddr ${withMask(m.vaddr)} --vproto ${m.vproto} --vport ${m.vport}`;
    case 'statistic': return ` -m statistic --mode random --probability ${displayProbability(m.probability)}`;
    case 'recent':
      return ` -m recent ${m.op === 'set' ? '--set' : '--rcheck'}${m.seconds ? ` --seconds ${m.seconds}` : ''}${m.reap ? ' --reap' : ''} --name ${m.name} --mask 255.255.255.255 --rsource`;
    case 'mark': return ` -m mark${m.invert ? ' !' : ''} --mark ${m.mark}`;
    case 'conntrack': return ` -m conntrack${m.invert ? ' !' : ''} --ctstate ${m.ctstate}`;
    case 'set': return ` -m set${m.invert ? ' !' : ''} --match-set ${m.name} ${m.flags}`;
  }
}

function saveTarget(t: IptTarget): string {
  switch (t.t) {
    case 'jump': return ` -j ${t.chain}`;
    case 'DNAT': return ` -j DNAT --to-destination ${t.to}`;
    // libxt_MARK saves --or-mark as --set-xmark v/v and --xor-mark as --set-xmark v/0x0.
    case 'MARK': return ` -j MARK --set-xmark ${t.value}/${t.op === 'or' ? t.value : '0x0'}`;
    case 'MASQUERADE': return ` -j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`;
    case 'REJECT': return ' -j REJECT --reject-with icmp-port-unreachable';
    case 'none': return '';
    default: return ` -j ${t.t}`;
  }
}

// xtables_save_string: quote unless only [A-Za-z0-9_-]; escape " \ '.
function saveString(text: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(text)) return ` ${text}`;
  return ` "${text.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

function withMask(addr: string): string {
  return addr.includes('/') ? addr : `${addr}/32`;
}

/** The column header under each `Chain …` line. */
export const LIST_HEADER = 'target     prot opt source               destination         ';

/** An `iptables -L` rule line (print_firewall without -v). */
export function listLine(r: IptRule, numeric: boolean): string {
  const target = r.target.t === 'jump' ? r.target.chain : r.target.t === 'none' ? '' : r.target.t;
  const prot = r.proto ?? 'all';
  // Without -n, 0.0.0.0/0 prints as "anywhere" and 127.0.0.0/8 by its /etc/networks name; other addresses are
  // left numeric (the lab's service and pod IPs have no reverse names).
  const addr = (a: string | undefined) =>
    a === undefined ? (numeric ? '0.0.0.0/0' : 'anywhere') : !numeric && a === '127.0.0.0/8' ? 'loopback/8' : a.endsWith('/32') ? a.slice(0, -3) : a;
  let out = `${target.padEnd(9)}  ${prot.padEnd(5)}-- `;
  out += `${r.srcInvert ? '!' : ' '}${addr(r.src).padEnd(19)} `;
  out += `${r.dstInvert ? '!' : ' '}${addr(r.dst).padEnd(19)} `;
  for (const m of r.matches) out += listMatch(m, numeric);
  return out + listTarget(r.target);
}

function listMatch(m: IptMatch, numeric: boolean): string {
  switch (m.m) {
    case 'comment': return ` /* ${m.text} */`;
    case 'tcp': case 'udp': case 'sctp': {
      if (m.dport === undefined) return ` ${m.m}`;
      const name = numeric ? undefined : SERVICE_NAMES[m.m]?.[m.dport];
      return ` ${m.m} dpt:${name ?? m.dport}`;
    }
    case 'addrtype': return ` ADDRTYPE match${m.srcType ? ` src-type ${m.srcInvert ? '!' : ''}${m.srcType}` : ''}${m.dstType ? ` dst-type ${m.dstType}` : ''}`;
    case 'physdev': return ' PHYSDEV match ! --physdev-is-in';
    case 'ipvs': return ` vaddr ${withMask(m.vaddr)} vproto ${m.vproto} vport ${m.vport}`;
    case 'statistic': return ` statistic mode random probability ${displayProbability(m.probability)}`;
    case 'recent':
      return ` recent: ${m.op === 'set' ? 'SET' : 'CHECK'}${m.seconds ? ` seconds: ${m.seconds}` : ''}${m.reap ? ' reap' : ''} name: ${m.name} side: source mask: 255.255.255.255`;
    case 'mark': return ` mark match${m.invert ? ' !' : ''} ${m.mark}`;
    case 'conntrack': return `${m.invert ? ' !' : ''} ctstate ${m.ctstate}`;
    case 'set': return `${m.invert ? ' !' : ''} match-set ${m.name} ${m.flags}`;
  }
}

function listTarget(t: IptTarget): string {
  switch (t.t) {
    case 'DNAT': return ` to:${t.to}`;
    case 'MARK': return ` MARK ${t.op} ${t.value}`;
    case 'MASQUERADE': return t.randomFully ? ' random-fully' : '';
    case 'REJECT': return ' reject-with icmp-port-unreachable';
    default: return '';
  }
}
