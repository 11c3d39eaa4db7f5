import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordLine, questionLine } from './masterdump.ts';

const rec = (name: string, data: string, type = 'A', ttl = 30) => ({ name, type, ttl, class: 'IN' as const, data });

// Expected strings: reference k8s-services.md §7 (masterdump indent rule), written out with explicit tabs.
const cases: { name: string; line: string; expected: string }[] = [
  { name: 'short name: tabs to every stop', line: recordLine(rec('google.com.', '142.250.1.1', 'A', 300)), expected: 'google.com.\t\t300\tIN\tA\t142.250.1.1' },
  { name: '32-char name collapses to spaces', line: recordLine(rec('nginx.default.svc.cluster.local.', '10.96.123.45')), expected: 'nginx.default.svc.cluster.local. 30 IN\tA\t10.96.123.45' },
  { name: 'tutorial 4.1 answer (31 chars)', line: recordLine(rec('howe.default.svc.cluster.local.', '10.99.13.95')), expected: 'howe.default.svc.cluster.local.\t30 IN\tA\t10.99.13.95' },
  { name: 'kubernetes.default', line: recordLine(rec('kubernetes.default.svc.cluster.local.', '10.96.0.1')), expected: 'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1' },
  { name: 'long endpoint name: single spaces', line: recordLine(rec('10-244-57-227.superhowe.default.svc.cluster.local.', '10.244.57.227')), expected: '10-244-57-227.superhowe.default.svc.cluster.local. 30 IN A 10.244.57.227' },
  { name: 'SOA', line: recordLine(rec('cluster.local.', 'ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30', 'SOA')), expected: 'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30' },
  { name: 'question, short name', line: questionLine({ name: 'google.com.', type: 'A' }), expected: ';google.com.\t\t\tIN\tA' },
  { name: 'question, tutorial 4.1', line: questionLine({ name: 'howe.default.svc.cluster.local.', type: 'A' }), expected: ';howe.default.svc.cluster.local.\tIN\tA' },
  { name: 'question, tutorial 4.2', line: questionLine({ name: 'superhowe.default.svc.cluster.local.', type: 'A' }), expected: ';superhowe.default.svc.cluster.local. IN\tA' },
];

for (const c of cases) test(`masterdump: ${c.name}`, () => assert.equal(c.line, c.expected));
