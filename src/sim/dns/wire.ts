/** DNS wire format (RFC 1035) for simulated answers, through dns-packet: sizes for dig's MSG SIZE and the serve mode. */
import dnsPacket from 'dns-packet';
import type { DnsRecord } from '../../cluster/exchanges.ts';
import { absolute as fqdn } from './names.ts';

/** A whole DNS message in kubelab's text form (record data as dig prints it). */
export interface WireMessage {
  id: number;
  response: boolean;
  flags: { aa: boolean; rd: boolean; ra: boolean };
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'FORMERR' | 'NOTIMP';
  question: { name: string; type: string };
  answers: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** EDNS(0): the OPT pseudo-record (dig sends udp 4096 and an 8-byte client cookie; CoreDNS echoes both), other options by code. */
  edns?: { udpSize: number; cookie?: Buffer; options?: EdnsOption[] };
}

/** An EDNS option other than the cookie (RFC 6891 §6.1.2: code and opaque data). */
export interface EdnsOption { code: number; data: Buffer }

// SRC: RFC 7873 §4 — the COOKIE option's code.
const COOKIE = 10;

// Header RCODE values (RFC 1035 §4.1.1); dns-packet reads them from the low 4 bits of `flags`.
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'] as const;

/** Encodes a message. dns-packet does not compress names, which matches CoreDNS's small uncompressed answers. */
export function toWire(msg: WireMessage): Buffer {
  const flags = RCODES.indexOf(msg.rcode) | (msg.flags.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | (msg.flags.rd ? dnsPacket.RECURSION_DESIRED : 0) | (msg.flags.ra ? dnsPacket.RECURSION_AVAILABLE : 0);
  const additionals: dnsPacket.Answer[] = msg.additional.map(toPacketRecord);
  if (msg.edns) {
    const options = [...(msg.edns.cookie ? [{ code: COOKIE, data: msg.edns.cookie }] : []), ...(msg.edns.options ?? [])];
    additionals.push({ type: 'OPT', name: '.', udpPayloadSize: msg.edns.udpSize, flags: 0, options } as unknown as dnsPacket.Answer);
  }
  return dnsPacket.encode({
    id: msg.id,
    type: msg.response ? 'response' : 'query',
    flags,
    questions: [{ name: trimDot(msg.question.name), type: msg.question.type as dnsPacket.RecordType, class: 'IN' }],
    answers: msg.answers.map(toPacketRecord),
    authorities: msg.authority.map(toPacketRecord),
    additionals,
  } as dnsPacket.Packet);
}

/** Decodes a message encoded by `toWire` (or sent by a real client such as dig). */
export function fromWire(buf: Buffer): WireMessage {
  const p = dnsPacket.decode(buf) as dnsPacket.Packet & { rcode?: string; flags?: number };
  const flags = p.flags ?? 0;
  const q = p.questions?.[0];
  const opt = (p.additionals ?? []).find((a) => a.type === 'OPT') as unknown as { udpPayloadSize: number; options?: { code: number; data: Buffer }[] } | undefined;
  const cookie = opt?.options?.find((o) => o.code === COOKIE)?.data;
  const others = (opt?.options ?? []).filter((o) => o.code !== COOKIE).map((o) => ({ code: o.code, data: Buffer.from(o.data) }));
  return {
    id: p.id ?? 0,
    response: p.type === 'response',
    flags: { aa: (flags & dnsPacket.AUTHORITATIVE_ANSWER) !== 0, rd: (flags & dnsPacket.RECURSION_DESIRED) !== 0, ra: (flags & dnsPacket.RECURSION_AVAILABLE) !== 0 },
    rcode: (p.rcode ?? 'NOERROR') as WireMessage['rcode'],
    question: { name: fqdn(q?.name ?? '.'), type: q?.type ?? 'A' },
    answers: (p.answers ?? []).map(fromPacketRecord),
    authority: (p.authorities ?? []).map(fromPacketRecord),
    additional: (p.additionals ?? []).filter((a) => a.type !== 'OPT').map(fromPacketRecord),
    ...(opt ? { edns: { udpSize: opt.udpPayloadSize, ...(cookie ? { cookie } : {}), ...(others.length > 0 ? { options: others } : {}) } } : {}),
  };
}

function toPacketRecord(r: DnsRecord): dnsPacket.Answer {
  const base = { name: trimDot(r.name), ttl: r.ttl, class: 'IN' as const };
  const f = r.data.split(' ');
  switch (r.type) {
    case 'A': case 'AAAA': return { ...base, type: r.type, data: r.data } as dnsPacket.Answer;
    case 'CNAME': case 'PTR': case 'NS': return { ...base, type: r.type, data: trimDot(r.data) } as dnsPacket.Answer;
    case 'SRV': return { ...base, type: 'SRV', data: { priority: Number(f[0]), weight: Number(f[1]), port: Number(f[2]), target: trimDot(f[3] ?? '') } };
    case 'SOA': return { ...base, type: 'SOA', data: { mname: trimDot(f[0]!), rname: trimDot(f[1]!), serial: Number(f[2]), refresh: Number(f[3]), retry: Number(f[4]), expire: Number(f[5]), minimum: Number(f[6]) } };
    case 'TXT': return { ...base, type: 'TXT', data: r.data.replace(/^"|"$/g, '') };
    default: throw new Error(`dns wire: record type ${r.type} is not modelled (supported: A, AAAA, CNAME, PTR, NS, SRV, SOA, TXT)`);
  }
}

function fromPacketRecord(a: dnsPacket.Answer): DnsRecord {
  const rec = a as { name: string; type: string; ttl?: number; data: unknown };
  const d = rec.data as Record<string, unknown>;
  let data: string;
  switch (rec.type) {
    case 'CNAME': case 'PTR': case 'NS': data = fqdn(String(rec.data)); break;
    case 'SRV': data = `${d.priority} ${d.weight} ${d.port} ${fqdn(String(d.target))}`; break;
    case 'SOA': data = `${fqdn(String(d.mname))} ${fqdn(String(d.rname))} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`; break;
    case 'TXT': data = (Array.isArray(rec.data) ? rec.data : [rec.data]).map((t) => `"${String(t)}"`).join(' '); break;
    default: data = String(rec.data);
  }
  return { name: fqdn(rec.name), type: rec.type, ttl: rec.ttl ?? 0, class: 'IN', data };
}

function trimDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
