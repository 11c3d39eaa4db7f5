/**
 * CoreDNS as kubeadm configures it (kubernetes cluster.local in-addr.arpa ip6.arpa, pods insecure,
 * fallthrough for reverse zones, ttl 30, forward . /etc/resolv.conf, loadbalance): a pure function
 * from the stored objects and one question to the answer the server sends.
 */
// SRC: coredns plugin/kubernetes/handler.go ServeDNS, kubernetes.go Services; plugin/backend_lookup.go A/SRV/PTR (v1.11)
import type { DnsExchange, DnsRecord, Hop } from '../../cluster/exchanges.ts';
import type { Service } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import type { Topology } from '../topology.ts';
import type { Random } from '../context.ts';
import { fqdn, inZone, addressOfReverseName } from './names.ts';
import { parseRequest, findRecords, type RecordItem } from './coredns-records.ts';
import { reverseNames } from './coredns-reverse.ts';
import { soaRecord, zoneSerial, KUBEADM_DNS_TTL } from './coredns-soa.ts';
import { roundRobin } from './loadbalance.ts';

/** What CoreDNS answers to one question. */
export interface DnsAnswer extends Omit<DnsExchange, 'server' | 'trace'> {
  trace: Hop[];
  /** The aa flag: set for answers of the kubernetes plugin, not for forwarded failures. */
  authoritative: boolean;
  /** How long the server took (forwarding to the lab's unreachable upstream waits for its timeout). */
  latencyMs: number;
}

/** Injected randomness (loadbalance shuffle), time (SOA serial fallback) and the serial a CoreDNS pod's informers give. */
export interface AnswerOptions { rng?: Random; now?: Date; serial?: number }

/**
 * The lab has no reachable upstream resolver (its nodes' /etc/resolv.conf points nowhere the
 * simulator models), so `forward . /etc/resolv.conf` gives up: two 2 s read timeouts, then SERVFAIL.
 */
// SRC: coredns plugin/forward/forward.go (defaultTimeout, readTimeout 2s, SERVFAIL when no upstream answers)
export const FORWARD_FAILURE_MS = 4000;

/** CoreDNS's answer to `query` given the cluster's objects. */
export function answerQuery(store: ReadonlyStore, topology: Topology, query: { name: string; type: string }, opts: AnswerOptions = {}): DnsAnswer {
  const zone = fqdn(topology.clusterDomain);
  const qname = query.name.endsWith('.') ? query.name : `${query.name}.`;
  const qtype = query.type.toUpperCase();
  const question = { name: qname, type: qtype };
  if (inZone(qname, zone)) {
    const ctx: Ctx = { store, zone, qname, serial: () => opts.serial ?? zoneSerial(store, opts.now ?? topology.start) };
    const result = kubernetesAnswer(ctx, qtype);
    return finish(question, result, opts.rng);
  }
  if (inZone(qname, 'in-addr.arpa') && qtype === 'PTR') {
    const ip = addressOfReverseName(qname);
    const names = ip === undefined ? [] : reverseNames(store, zone, ip, opts.rng);
    if (names.length > 0) {
      const answers = names.map((n) => record(qname, 'PTR', n));
      return finish(question, { rcode: 'NOERROR', answers, authority: [], additional: [], decision: `PTR ${ip} → ${names.join(', ')}` }, opts.rng);
    }
  }
  // Out of zone, or a reverse name the plugin does not know (fallthrough in-addr.arpa ip6.arpa).
  return forwardFailure(question);
}

interface Ctx { store: ReadonlyStore; zone: string; qname: string; serial: () => number }
interface Result { rcode: DnsAnswer['rcode']; answers: DnsRecord[]; authority: DnsRecord[]; additional: DnsRecord[]; decision: string; latencyMs?: number }

function kubernetesAnswer(ctx: Ctx, qtype: string): Result {
  const { zone, qname } = ctx;
  const lower = qname.toLowerCase();
  if (qtype === 'SOA' && lower === zone) return ok([soaRecord(zone, ctx.serial())], [], 'zone apex SOA');
  if (qtype === 'NS' && lower === zone) {
    const nsName = `ns.dns.${zone}`;
    return ok([record(qname, 'NS', nsName)], nsAddresses(ctx).map((ip) => record(nsName, 'A', ip)), 'zone apex NS');
  }
  if (lower === `ns.dns.${zone}`) return qtype === 'A' ? ok(nsAddresses(ctx).map((ip) => record(qname, 'A', ip)), [], 'the DNS service address') : nodata(ctx);
  if (qtype === 'TXT' && lower === `dns-version.${zone}`) {
    // SRC: kubernetes.go Services — the schema version TXT, with its own TTL.
    return ok([{ name: qname, type: 'TXT', ttl: 28800, class: 'IN', data: '"1.1.0"' }], [], 'DNS schema version');
  }
  const request = parseRequest(qname, zone);
  const lookup = request ? findRecords(ctx.store, zone, request) : { kind: 'nxdomain' as const };
  if (lookup.kind === 'nxdomain') return nxdomain(ctx);
  const items = lookup.items;
  let result: Result;
  if (qtype === 'A') result = addressAnswer(ctx, items, 0);
  else if (qtype === 'SRV') result = srvAnswer(items.filter((i) => !i.hostIsName), qname);
  else if (qtype === 'CNAME' || qtype === 'AAAA') {
    // No IPv6 in the lab: AAAA only carries the ExternalName CNAME (its target cannot be resolved upstream).
    const cnames = items.filter((i) => i.hostIsName).map((i) => record(qname, 'CNAME', fqdn(i.host)));
    result = { ...ok(cnames, [], 'CNAME of an ExternalName service'), latencyMs: qtype === 'AAAA' && cnames.length > 0 ? FORWARD_FAILURE_MS : 0 };
  } else result = ok([], [], `no ${qtype} records`);
  return result.answers.length > 0 ? result : { ...nodata(ctx), latencyMs: result.latencyMs };
}

// SRC: plugin/backend_lookup.go A — addresses deduplicated; a CNAME inside the zone is followed, one outside is
// looked up through the whole server (forward → SERVFAIL here) and only the CNAME remains.
function addressAnswer(ctx: Ctx, items: RecordItem[], depth: number, owner = ctx.qname): Result {
  const answers: DnsRecord[] = [];
  let latencyMs = 0;
  for (const item of items) {
    if (!item.hostIsName) {
      if (!answers.some((a) => a.type === 'A' && a.data === item.host)) answers.push(record(owner, 'A', item.host));
      continue;
    }
    const target = fqdn(item.host);
    if (target === fqdn(owner) || depth > 7) continue; // cyclic or too long a chain
    const cname = record(owner, 'CNAME', target);
    if (inZone(target, ctx.zone)) {
      const req = parseRequest(target, ctx.zone);
      const next = req ? findRecords(ctx.store, ctx.zone, req) : { kind: 'nxdomain' as const };
      if (next.kind === 'records') {
        const followed = addressAnswer(ctx, next.items, depth + 1, target);
        if (followed.answers.length > 0) answers.push(cname, ...followed.answers);
      }
      continue;
    }
    latencyMs += FORWARD_FAILURE_MS;
    answers.push(cname);
  }
  return { rcode: 'NOERROR', answers, authority: [], additional: [], decision: `${answers.length} record(s)`, latencyMs };
}

// SRC: plugin/backend_lookup.go SRV — weight = floor(100 / number of records), at least 1; port -1 (no ports) skipped.
function srvAnswer(items: RecordItem[], qname: string): Result {
  const weight = Math.max(1, Math.floor(100 / Math.max(1, items.length)));
  const answers: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  for (const item of items) {
    if (item.port === -1) continue;
    const srv = record(qname, 'SRV', `0 ${weight} ${item.port} ${item.target}`);
    if (!answers.some((a) => a.data === srv.data)) answers.push(srv);
    if (!additional.some((a) => a.name === item.target && a.data === item.host)) additional.push(record(item.target, 'A', item.host));
  }
  return ok(answers, additional, `${answers.length} SRV record(s)`);
}

// The kube-dns Service fronts the CoreDNS pods; its ClusterIP is what nsAddrs reports.
function nsAddresses(ctx: Ctx): string[] {
  const svc = ctx.store.get<Service>('Service', 'kube-dns', 'kube-system');
  return (svc?.spec.clusterIPs ?? (svc?.spec.clusterIP ? [svc.spec.clusterIP] : [])).filter((ip) => ip !== 'None');
}

function ok(answers: DnsRecord[], additional: DnsRecord[], decision: string): Result {
  return { rcode: 'NOERROR', answers, authority: [], additional, decision };
}

function nodata(ctx: Ctx): Result {
  return { rcode: 'NOERROR', answers: [], authority: [soaRecord(ctx.zone, ctx.serial())], additional: [], decision: 'name exists, no records of this type (NODATA)' };
}

function nxdomain(ctx: Ctx): Result {
  return { rcode: 'NXDOMAIN', answers: [], authority: [soaRecord(ctx.zone, ctx.serial())], additional: [], decision: 'no such name in the cluster zone (NXDOMAIN)' };
}

function record(name: string, type: string, data: string): DnsRecord {
  return { name, type, ttl: KUBEADM_DNS_TTL, class: 'IN', data };
}

function forwardFailure(question: { name: string; type: string }): DnsAnswer {
  return {
    question, rcode: 'SERVFAIL', answers: [], authority: [], additional: [], authoritative: false, latencyMs: FORWARD_FAILURE_MS,
    trace: [{ component: 'coredns', decision: `${question.name} is outside the cluster zone: forward . /etc/resolv.conf found no reachable upstream → SERVFAIL`, details: { latencyMs: FORWARD_FAILURE_MS } }],
  };
}

function finish(question: { name: string; type: string }, r: Result, rng: Random | undefined): DnsAnswer {
  const latencyMs = r.latencyMs ?? 0;
  return {
    question, rcode: r.rcode, authoritative: true, latencyMs,
    answers: roundRobin(r.answers, rng), authority: roundRobin(r.authority, rng), additional: roundRobin(r.additional, rng),
    trace: [{ component: 'coredns', decision: `${question.type} ${question.name}: ${r.decision}`, details: { rcode: r.rcode, latencyMs } }],
  };
}
