import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchLinesInOrder } from './output-lines.ts';

// ipvsadm -Ln layout from k8s-services.md §3.5 (destination lines carry trailing spaces).
const ipvs = [
  'IP Virtual Server version 1.2.1 (size=4096)',
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  'TCP  10.96.0.1:443 rr',
  '  -> 172.25.250.100:6443          Masq    1      0          0         ',
  'TCP  10.96.0.10:53 rr',
  '  -> 10.244.0.2:53                Masq    1      0          0         ',
  '  -> 10.244.0.3:53                Masq    1      0          0         ',
  '',
].join('\n');

const cases = [
  { name: 'in order, with lines between', patterns: ['TCP  10\\.96\\.0\\.1:443 rr', '  -> 10\\.244\\.0\\.3:53 +Masq +1 +0 +0'], ok: true },
  { name: 'trailing spaces ignored', patterns: ['  -> 172\\.25\\.250\\.100:6443 +Masq +1 +0 +0'], ok: true },
  { name: 'whole lines only', patterns: ['TCP  10\\.96\\.0\\.1'], ok: false, message: /no output line matches/ },
  { name: 'order matters', patterns: ['TCP  10\\.96\\.0\\.10:53 rr', 'TCP  10\\.96\\.0\\.1:443 rr'], ok: false, message: /check the order/ },
  { name: 'bad pattern', patterns: ['TCP  ('], ok: false, message: /is not a regular expression/ },
];

for (const c of cases) {
  test(c.name, () => {
    const got = matchLinesInOrder(ipvs, c.patterns);
    assert.equal(got.ok, c.ok);
    if (!got.ok && c.message) assert.match(got.message, c.message);
  });
}
