/**
 * The `cache 30` plugin of kubeadm's Corefile, one per CoreDNS pod: NOERROR/NODATA/NXDOMAIN replies are kept
 * for min(message TTL, 30) s (at least 5 s); a hit answers with TTL = kept − whole seconds elapsed, and is
 * served only while that is above 0. SERVFAIL from `forward` is returned past the cache, so it is never kept.
 */
// SRC: coredns plugin/cache/cache.go WriteMsg/key, item.go newItem/toMsg/ttl, handler.go getIgnoreTTL,
//      dnssec.go filterRRSlice, plugin/pkg/dnsutil/ttl.go MinimalTTL (v1.11)
import type { DnsRecord } from '../../cluster/exchanges.ts';
import type { DnsAnswer } from './coredns.ts';

/** `cache 30`: the success and denial capacity caps (the minimum TTLs keep their defaults of 5 s). */
export const CACHE_MAX_TTL = 30;
const CACHE_MIN_TTL = 5;

interface Item { storedMs: number; origTtl: number; answer: DnsAnswer }

/** One CoreDNS pod's cache, keyed by lower-cased name and type (dig and the stub resolvers send DO=0, CD=0). */
export class DnsCache {
  readonly #items = new Map<string, Item>();

  /** The kept reply for a question, with its TTLs counted down, or undefined (miss or expired). */
  lookup(question: { name: string; type: string }, now: Date): DnsAnswer | undefined {
    const item = this.#items.get(keyOf(question));
    if (!item) return undefined;
    const ttl = item.origTtl - Math.floor((now.getTime() - item.storedMs) / 1000);
    if (ttl <= 0) return undefined;
    const a = item.answer;
    return {
      ...a, question: { ...question, name: question.name.endsWith('.') ? question.name : `${question.name}.` }, latencyMs: 0, authoritative: true,
      answers: withTtl(a.answers, ttl), authority: withTtl(a.authority, ttl), additional: withTtl(a.additional, ttl),
      trace: [{ component: 'coredns', decision: `${question.type} ${question.name}: answered from the cache (TTL ${ttl} of ${item.origTtl})`, details: { rcode: a.rcode, latencyMs: 0, cache: 'hit' } }],
    };
  }

  /** Keeps a fresh reply when it is cacheable; returns it as sent, every TTL capped to the kept duration. */
  store(answer: DnsAnswer, now: Date): DnsAnswer {
    if (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN') return answer;
    const duration = Math.min(CACHE_MAX_TTL, Math.max(CACHE_MIN_TTL, minimalTtl(answer)));
    const sent = { ...answer, answers: withTtl(answer.answers, duration), authority: withTtl(answer.authority, duration), additional: withTtl(answer.additional, duration) };
    this.#items.set(keyOf(answer.question), { storedMs: now.getTime(), origTtl: duration, answer: sent });
    return sent;
  }
}

function keyOf(q: { name: string; type: string }): string {
  const name = q.name.toLowerCase();
  return `${name.endsWith('.') ? name : `${name}.`} ${q.type.toUpperCase()}`;
}

// MinimalTTL: the smallest TTL of all records; a reply without records gets the 5 s fail-safe.
function minimalTtl(a: DnsAnswer): number {
  const all = [...a.answers, ...a.authority, ...a.additional];
  return all.length === 0 ? CACHE_MIN_TTL : Math.min(3600, ...all.map((r) => r.ttl));
}

// filterRRSlice sets every record's TTL (not just the larger ones).
function withTtl(records: DnsRecord[], ttl: number): DnsRecord[] {
  return records.map((r) => ({ ...r, ttl }));
}
