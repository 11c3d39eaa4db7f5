import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toWire, fromWire, type WireMessage } from './wire.ts';

const cookie = Buffer.from('a103f7adf3299930', 'hex');
const rec = (name: string, type: string, data: string, ttl = 30) => ({ name, type, ttl, class: 'IN' as const, data });

// MSG SIZE values from the tutorial's dig transcripts (§4.1: 117 bytes, §4.2: 178 bytes): uncompressed names + OPT with an 8-byte cookie.
const cases: { name: string; msg: WireMessage; size: number }[] = [
  {
    name: 'ClusterIP answer (tutorial 4.1)', size: 117,
    msg: { id: 58560, response: true, flags: { aa: true, rd: true, ra: false }, rcode: 'NOERROR', question: { name: 'howe.default.svc.cluster.local.', type: 'A' },
      answers: [rec('howe.default.svc.cluster.local.', 'A', '10.99.13.95')], authority: [], additional: [], edns: { udpSize: 4096, cookie } },
  },
  {
    name: 'headless answer (tutorial 4.2)', size: 178,
    msg: { id: 43354, response: true, flags: { aa: true, rd: true, ra: false }, rcode: 'NOERROR', question: { name: 'superhowe.default.svc.cluster.local.', type: 'A' },
      answers: [rec('superhowe.default.svc.cluster.local.', 'A', '10.244.57.222'), rec('superhowe.default.svc.cluster.local.', 'A', '10.244.57.221')], authority: [], additional: [], edns: { udpSize: 4096, cookie } },
  },
  {
    name: 'NXDOMAIN with SOA, SRV, CNAME, PTR, TXT round trip', size: 0,
    msg: { id: 7, response: true, flags: { aa: true, rd: true, ra: false }, rcode: 'NXDOMAIN', question: { name: 'x.default.svc.cluster.local.', type: 'SRV' },
      answers: [rec('a.', 'SRV', '0 50 80 b.default.svc.cluster.local.'), rec('c.', 'CNAME', 'www.baidu.com.'), rec('1.0.0.10.in-addr.arpa.', 'PTR', 'k.default.svc.cluster.local.'), rec('dns-version.cluster.local.', 'TXT', '"1.1.0"', 28800)],
      authority: [rec('cluster.local.', 'SOA', 'ns.dns.cluster.local. hostmaster.cluster.local. 1725603897 7200 1800 86400 30')], additional: [rec('b.default.svc.cluster.local.', 'A', '10.244.1.2')] },
  },
  {
    // RFC 6891 §6.1.2: an OPT record carries options as (code, length, data); 65001 is in the local/experimental range.
    name: 'query with a cookie and a local-use EDNS option (4 + 2 + 2 + 6 bytes more than the cookie alone)', size: 12 + 36 + 11 + 12 + 10,
    msg: { id: 9, response: false, flags: { aa: false, rd: true, ra: false }, rcode: 'NOERROR', question: { name: 'howe.default.svc.cluster.local.', type: 'A' },
      answers: [], authority: [], additional: [], edns: { udpSize: 4096, cookie, options: [{ code: 65001, data: Buffer.from('dns-42') }] } },
  },
];

for (const c of cases) {
  test(`wire: ${c.name}`, () => {
    const buf = toWire(c.msg);
    if (c.size) assert.equal(buf.length, c.size);
    assert.deepEqual(fromWire(buf), c.msg);
  });
}
