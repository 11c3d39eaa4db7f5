/**
 * The `kind` Docker network: its IPv4 subnet (whatever Docker's address pool gave it) and the MetalLB
 * pool carved from the top of it, as kind's former MetalLB guide did (node IPs are allocated from the bottom).
 */
import ipaddr from 'ipaddr.js';
import { HarnessError } from '../../errors.ts';

/** What kubelab needs from `docker network inspect kind`. */
export interface KindNetwork {
  name: string;
  /** The IPv4 subnet, e.g. 172.18.0.0/16. */
  subnet: string;
  gateway?: string;
  /** IPv4 addresses of the containers attached to it. */
  used: string[];
}

/** An inclusive IPv4 range. */
export interface AddressRange { first: string; last: string }

/** Parses the JSON array `docker network inspect <name>` prints. */
export function parseNetworkInspect(json: string, name: string): KindNetwork {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new HarnessError('COMMAND_FAILED', `docker network inspect ${name} printed something that is not JSON: ${json.slice(0, 200)}`);
  }
  const net = (Array.isArray(doc) ? doc[0] : doc) as { IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] }; Containers?: Record<string, { IPv4Address?: string }> } | undefined;
  const v4 = (net?.IPAM?.Config ?? []).find((c) => c.Subnet && ipaddr.IPv4.isValidCIDR(c.Subnet));
  if (!v4?.Subnet) {
    throw new HarnessError('PREFLIGHT', `the Docker network "${name}" has no IPv4 subnet; MetalLB needs one for its pool (recreate it: docker network rm ${name})`);
  }
  const used = Object.values(net?.Containers ?? {}).map((c) => c.IPv4Address?.split('/')[0]).filter((ip): ip is string => !!ip);
  return { name, subnet: v4.Subnet, ...(v4.Gateway ? { gateway: v4.Gateway } : {}), used };
}

/** The 32-bit number of an IPv4 address. */
export function ipToNumber(ip: string): number {
  return ipaddr.IPv4.parse(ip).toByteArray().reduce((n, b) => n * 256 + b, 0);
}

/** The IPv4 address of a 32-bit number. */
export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * `size` addresses ending just below the subnet's broadcast address. Fails (before anything is created)
 * when the subnet is too small or a container already holds one of them.
 */
export function carvePool(network: KindNetwork, size: number): AddressRange {
  const [base, prefix] = ipaddr.IPv4.parseCIDR(network.subnet);
  const start = ipToNumber(base.toString());
  const broadcast = start + 2 ** (32 - prefix) - 1;
  const last = broadcast - 1;
  const first = last - size + 1;
  // The pool takes at most the top half: the gateway, the nodes and client containers are allocated from the bottom.
  if (size * 2 > 2 ** (32 - prefix)) {
    throw new HarnessError('PREFLIGHT', `the Docker network "${network.name}" (${network.subnet}) is too small for a MetalLB pool of ${size} addresses at its top; ` +
      `remove it (docker network rm ${network.name}) so kind recreates it from Docker's default pools, or give Docker larger default-address-pools`);
  }
  const taken = network.used.filter((ip) => ipToNumber(ip) >= first && ipToNumber(ip) <= last);
  if (taken.length > 0) {
    throw new HarnessError('PREFLIGHT', `no free pool addresses: ${taken.join(', ')} on the Docker network "${network.name}" lie in the MetalLB pool ${numberToIp(first)}-${numberToIp(last)}; ` +
      `stop the containers holding them (docker network inspect ${network.name}) and retry`);
  }
  return { first: numberToIp(first), last: numberToIp(last) };
}

/** Parses "a.b.c.d-e.f.g.h" or a CIDR into an inclusive range. */
export function parseRange(text: string): AddressRange {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidCIDR(trimmed)) {
    const [base, prefix] = ipaddr.IPv4.parseCIDR(trimmed);
    const start = ipToNumber(base.toString());
    return { first: numberToIp(start), last: numberToIp(start + 2 ** (32 - prefix) - 1) };
  }
  const parts = trimmed.split('-').map((p) => p.trim());
  if (parts.length !== 2 || !parts.every((p) => ipaddr.IPv4.isValidFourPartDecimal(p)) || ipToNumber(parts[0]!) > ipToNumber(parts[1]!)) {
    throw new HarnessError('INVALID_INPUT', `"${text}" is not an address range: write it as first-last (172.25.250.50-172.25.250.99) or as a CIDR`);
  }
  return { first: parts[0]!, last: parts[1]! };
}
