/**
 * The ClusterIP range of `--service-cluster-ip-range` as the v1.31 bitmap allocator sees it
 * (SRC: kubernetes pkg/registry/core/service/ipallocator/bitmap.go): usable offsets 0..max-1 start at
 * network+1 and exclude the broadcast address; the first `offset` addresses form the static band.
 */
import ipaddr from 'ipaddr.js';

/** A parsed IPv4 service range. */
export interface ServiceIPRange {
  cidr: string;
  /** The network address as a number. */
  network: number;
  /** Number of usable addresses (size − network − broadcast). */
  max: number;
  /** Size of the static band at the start of the range (calculateRangeOffset). */
  offset: number;
}

/** Parses an IPv4 CIDR, or returns an error message. */
export function parseServiceIPRange(cidr: string): ServiceIPRange | { error: string } {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr);
  } catch {
    return { error: `invalid CIDR address: ${cidr}` };
  }
  const [addr, bits] = parsed;
  if (addr.kind() !== 'ipv4') return { error: `IPv6 service range ${cidr} is not modelled by the simulator (IPv4 single-stack only)` };
  const size = 2 ** (32 - bits);
  const network = Math.floor(toNumber(addr as ipaddr.IPv4) / size) * size;
  const max = Math.max(0, size - 2);
  return { cidr: `${fromNumber(network)}/${bits}`, network, max, offset: calculateRangeOffset(size) };
}

/** min(max(16, size/16), 256), 0 when size ≤ 16 — size counts every address of the CIDR (SRC: bitmap.go calculateRangeOffset). */
export function calculateRangeOffset(cidrSize: number): number {
  if (cidrSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

/** The allocator offset of an IP, or undefined when outside the usable part of the range. */
export function offsetOf(range: ServiceIPRange, ip: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
  const offset = toNumber(ipaddr.IPv4.parse(ip)) - range.network - 1;
  return offset >= 0 && offset < range.max ? offset : undefined;
}

/** The IP at an allocator offset. */
export function ipAt(range: ServiceIPRange, offset: number): string {
  return fromNumber(range.network + 1 + offset);
}

/** The network address of the range (what a dry-run dynamic allocation returns). */
export function networkAddress(range: ServiceIPRange): string {
  return fromNumber(range.network);
}

/** True for a dotted-quad IPv4 or any IPv6 literal (netutils.ParseIPSloppy accepts leading zeros too). */
export function isIPLiteral(value: string): boolean {
  return ipaddr.isValid(value) && (value.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(value));
}

function toNumber(addr: ipaddr.IPv4): number {
  return addr.octets.reduce((n, octet) => n * 256 + octet, 0);
}

function fromNumber(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
