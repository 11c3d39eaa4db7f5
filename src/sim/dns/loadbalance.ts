/** CoreDNS's `loadbalance` plugin: shuffles A/AAAA (and MX) records of each section, CNAMEs first. */
// SRC: coredns plugin/loadbalance/loadbalance.go roundRobin, roundRobinShuffle (v1.11)
import type { DnsRecord } from '../../cluster/exchanges.ts';
import type { Random } from '../context.ts';

/** Reorders one section as loadbalance does: CNAMEs, then other records, then shuffled addresses, then shuffled MX. */
export function roundRobin(records: DnsRecord[], rng: Random | undefined): DnsRecord[] {
  const cname = records.filter((r) => r.type === 'CNAME');
  const address = records.filter((r) => r.type === 'A' || r.type === 'AAAA');
  const mx = records.filter((r) => r.type === 'MX');
  const rest = records.filter((r) => !['CNAME', 'A', 'AAAA', 'MX'].includes(r.type));
  return [...cname, ...rest, ...shuffle(address, rng), ...shuffle(mx, rng)];
}

// The plugin draws dns.Id() (a random uint16) where this draws from the simulation's generator.
function shuffle(records: DnsRecord[], rng: Random | undefined): DnsRecord[] {
  const out = [...records];
  if (!rng || out.length < 2) return out;
  if (out.length === 2) {
    if (rng.below(2) === 0) out.reverse();
    return out;
  }
  for (let j = 0; j < out.length; j++) {
    const p = j + rng.below(out.length - j);
    if (p !== j) [out[j], out[p]] = [out[p]!, out[j]!];
  }
  return out;
}
