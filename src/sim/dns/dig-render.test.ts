import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDig, renderDigShort, renderDigTimeout, digTime, type DigReply } from './dig-render.ts';
import { toWire } from './wire.ts';
import { assertGolden } from './golden.ts';

const rec = (name: string, data: string, type = 'A') => ({ name, type, ttl: 30, class: 'IN' as const, data });

function reply(p: Omit<DigReply, 'messageSize' | 'udpSize' | 'port'>): DigReply {
  const size = toWire({ id: p.id, response: true, flags: { aa: p.authoritative, rd: true, ra: false }, rcode: p.rcode as 'NOERROR', question: p.question,
    answers: p.answers, authority: p.authority, additional: p.additional, edns: { udpSize: 4096, cookie: Buffer.from(p.cookieHex, 'hex') } }).length;
  return { ...p, udpSize: 4096, port: 53, messageSize: size };
}

// Goldens are the tutorial's transcripts (sections 4.1 and 4.2) with BIND's tabs and blank lines restored.
const cases: { name: string; golden: string; reply: DigReply }[] = [
  {
    name: 'tutorial 4.1 ClusterIP', golden: 'dig-tutorial-4.1-clusterip.txt',
    reply: reply({ args: 'howe.default.svc.cluster.local. @10.96.0.10', id: 58560, rcode: 'NOERROR', authoritative: true, question: { name: 'howe.default.svc.cluster.local.', type: 'A' },
      answers: [rec('howe.default.svc.cluster.local.', '10.99.13.95')], authority: [], additional: [], cookieHex: 'a103f7adf3299930', queryTimeMs: 3, server: '10.96.0.10', when: new Date('2024-09-06T06:24:57Z') }),
  },
  {
    name: 'tutorial 4.2 headless', golden: 'dig-tutorial-4.2-headless.txt',
    reply: reply({ args: 'superhowe.default.svc.cluster.local. @10.96.0.10', id: 43354, rcode: 'NOERROR', authoritative: true, question: { name: 'superhowe.default.svc.cluster.local.', type: 'A' },
      answers: [rec('superhowe.default.svc.cluster.local.', '10.244.57.222'), rec('superhowe.default.svc.cluster.local.', '10.244.57.221')], authority: [], additional: [],
      cookieHex: '4bb1245f5b902f9b', queryTimeMs: 30, server: '10.96.0.10', when: new Date('2024-09-10T04:32:26Z') }),
  },
  {
    name: 'NXDOMAIN with SOA authority', golden: 'dig-nxdomain.txt',
    reply: reply({ args: 'nope.default.svc.cluster.local @10.96.0.10', id: 1234, rcode: 'NXDOMAIN', authoritative: true, question: { name: 'nope.default.svc.cluster.local.', type: 'A' },
      answers: [], authority: [rec('cluster.local.', 'ns.dns.cluster.local. hostmaster.cluster.local. 1725602400 7200 1800 86400 30', 'SOA')], additional: [],
      cookieHex: '0011223344556677', queryTimeMs: 1, server: '10.96.0.10', when: new Date('2024-09-06T06:24:57Z') }),
  },
];

for (const c of cases) test(`dig render: ${c.name}`, () => assertGolden(new URL(`testdata/${c.golden}`, import.meta.url), renderDig(c.reply)));

test('dig render: the tutorial sizes come out of the wire encoding', () => {
  assert.deepEqual(cases.map((c) => c.reply.messageSize), [117, 178, 164]);
});

test('dig render: no mDNS warning outside .local, no aa for forwarded failures', () => {
  const out = renderDig({ ...cases[0]!.reply, question: { name: 'www.baidu.com.', type: 'A' }, answers: [], rcode: 'SERVFAIL', authoritative: false });
  assert.ok(!out.includes('Multicast DNS'));
  assert.ok(out.includes(';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 58560\n;; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n'));
  assert.ok(!out.includes('ANSWER SECTION'));
});

test('dig +short and timeout', () => {
  assert.equal(renderDigShort([rec('a.', '10.0.0.1'), rec('a.', 'www.baidu.com.', 'CNAME')]), '10.0.0.1\nwww.baidu.com.\n');
  assert.equal(renderDigTimeout('www.baidu.com', false), '\n; <<>> DiG 9.16.23-RH <<>> www.baidu.com\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n');
  assert.equal(renderDigTimeout('x +short', true), ';; connection timed out; no servers could be reached\n');
});

test('dig WHEN line uses the lab time zone', () => {
  assert.equal(digTime(new Date('2024-09-06T06:24:57Z')), 'Fri Sep 06 14:24:57 CST 2024');
  assert.equal(digTime(new Date('2024-12-31T16:00:01Z')), 'Wed Jan 01 00:00:01 CST 2025');
});
