/** MetalLB IPAddressPool parsing: CIDRs and ranges (summarised into CIDRs), the exact error texts, and the overlap check. */
// SRC: metallb internal/config/config.go ParseCIDR, cidrsOverlap, addressPoolFromCR (v0.14.8)
import type { IPAddressPool } from '../../model/networking.ts';
import { isIPv4 } from '../dns/names.ts';

/** An IPv4 prefix as numbers. */
export interface Cidr { base: number; prefix: number }

/** A pool as the controller uses it. */
export interface Pool { name: string; cidrs: Cidr[]; autoAssign: boolean; avoidBuggyIPs: boolean; labels: Record<string, string> }

/** Dotted quad → 32-bit unsigned. */
export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => ((acc << 8) | Number(octet)) >>> 0, 0);
}

/** 32-bit unsigned → dotted quad. */
export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** "a.b.c.d/p", as Go prints a net.IPNet. */
export function cidrText(c: Cidr): string {
  return `${numberToIp(c.base)}/${c.prefix}`;
}

/** Number of addresses in a prefix. */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** One `addresses` entry → CIDRs, or MetalLB's error text. IPv6 entries are reported as not modelled. */
export function parseAddressEntry(entry: string): { ok: true; cidrs: Cidr[] } | { ok: false; message: string } {
  if (entry.includes(':')) return { ok: false, message: `kubelab models IPv4 pools only, got ${JSON.stringify(entry)}` };
  if (!entry.includes('-')) {
    const m = /^([^/]+)\/(\d{1,2})$/.exec(entry);
    if (!m || !isIPv4(m[1]!) || Number(m[2]) > 32) return { ok: false, message: `invalid CIDR ${JSON.stringify(entry)}` };
    const prefix = Number(m[2]);
    // Go's net.ParseCIDR masks host bits: 192.168.1.7/24 is 192.168.1.0/24.
    return { ok: true, cidrs: [{ base: maskOf(ipToNumber(m[1]!), prefix), prefix }] };
  }
  const [rawStart, rawEnd] = [entry.slice(0, entry.indexOf('-')), entry.slice(entry.indexOf('-') + 1)];
  const start = rawStart.trim();
  const end = rawEnd.trim();
  if (!isIPv4(start)) return { ok: false, message: `invalid IP range ${JSON.stringify(entry)}: invalid start IP ${JSON.stringify(rawStart)}` };
  if (!isIPv4(end)) return { ok: false, message: `invalid IP range ${JSON.stringify(entry)}: invalid end IP ${JSON.stringify(rawEnd)}` };
  if (ipToNumber(start) > ipToNumber(end)) return { ok: false, message: `invalid IP range ${JSON.stringify(entry)}: start IP ${JSON.stringify(start)} is after the end IP ${JSON.stringify(end)}` };
  return { ok: true, cidrs: summarize(ipToNumber(start), ipToNumber(end)) };
}

/** The fewest CIDRs covering [start, end], lowest first (largest aligned block at each step). */
// SRC: mikioh/ipaddr Summarize, as MetalLB's ParseCIDR uses it
export function summarize(start: number, end: number): Cidr[] {
  const out: Cidr[] = [];
  let cur = start;
  while (cur <= end) {
    let prefix = 32;
    while (prefix > 0) {
      const size = 2 ** (33 - prefix);
      if (cur % size !== 0 || cur + size - 1 > end) break;
      prefix--;
    }
    out.push({ base: cur, prefix });
    cur += 2 ** (32 - prefix);
  }
  return out;
}

/** Parses every pool in order; the first error (as the webhook and the controller report it) wins. */
export function parsePools(pools: IPAddressPool[]): { ok: true; pools: Pool[] } | { ok: false; message: string } {
  const parsed: Pool[] = [];
  const all: Cidr[] = [];
  for (const p of pools) {
    const name = p.metadata.name;
    const cidrs: Cidr[] = [];
    // SRC: config.go For wraps addressPoolFromCR's errors as "parsing address pool <name>: <err>"; the overlap check is outside it.
    const addresses = p.spec?.addresses ?? [];
    if (addresses.length === 0) return { ok: false, message: `parsing address pool ${name}: pool has no prefixes defined` };
    for (const entry of addresses) {
      const r = parseAddressEntry(entry);
      if (!r.ok) return { ok: false, message: `parsing address pool ${name}: invalid CIDR ${JSON.stringify(entry)} in pool ${JSON.stringify(name)}: ${r.message}` };
      for (const c of r.cidrs) {
        const clash = all.find((m) => overlaps(c, m));
        if (clash) return { ok: false, message: `CIDR ${JSON.stringify(cidrText(c))} in pool ${JSON.stringify(name)} overlaps with already defined CIDR ${JSON.stringify(cidrText(clash))}` };
        cidrs.push(c);
        all.push(c);
      }
    }
    parsed.push({ name, cidrs, autoAssign: p.spec?.autoAssign ?? true, avoidBuggyIPs: p.spec?.avoidBuggyIPs ?? false, labels: p.metadata.labels ?? {} });
  }
  return { ok: true, pools: parsed };
}

/** Is the address inside one of the pool's CIDRs? */
export function poolContains(pool: Pool, ip: string): boolean {
  const n = ipToNumber(ip);
  return pool.cidrs.some((c) => n >= c.base && n < c.base + cidrSize(c));
}

/** The pool that may hand out `ip`: with avoidBuggyIPs an address ending in .0 or .255 belongs to no pool. */
// SRC: metallb internal/allocator/allocator.go poolFor, ipConfusesBuggyFirmwares (v0.14.8)
export function poolOwning(pools: Pool[], ip: string): Pool | undefined {
  const last = ipToNumber(ip) & 255;
  return pools.find((p) => !(p.avoidBuggyIPs && (last === 0 || last === 255)) && poolContains(p, ip));
}

// SRC: config.go cidrContainsCIDR — same prefix and base, or the shorter prefix contains the other's base.
function overlaps(a: Cidr, b: Cidr): boolean {
  const contains = (outer: Cidr, inner: Cidr) =>
    (outer.prefix === inner.prefix && outer.base === inner.base) || (outer.prefix < inner.prefix && maskOf(inner.base, outer.prefix) === outer.base);
  return contains(a, b) || contains(b, a);
}

function maskOf(n: number, prefix: number): number {
  return prefix === 0 ? 0 : (n & (~0 << (32 - prefix))) >>> 0;
}
