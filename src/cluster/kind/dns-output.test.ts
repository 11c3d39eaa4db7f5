import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDnsOutput } from './dns-output.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const kind = (f: string) => readFileSync(path.join(HERE, 'testdata', f), 'utf8');
// The simulator's BIND 9.16 / busybox transcripts (copied from the tutorial's format) double as 9.16 samples.
const sim = (f: string) => readFileSync(path.join(HERE, '..', '..', 'sim', 'dns', 'testdata', f), 'utf8');

/** What each exchange should say, in a compact form: "server name type rcode | answers (type data)…". */
interface Case { name: string; line: string; stdout: string; stderr?: string; want: string[] }
const CASES: Case[] = [
  { name: 'dig 9.18, one A record (4.1)', line: 'dig howe.default.svc.cluster.local. @10.96.0.10', stdout: kind('dig-9.18-clusterip.txt'),
    want: ['10.96.0.10 howe.default.svc.cluster.local. A NOERROR | A 10.96.123.45 ttl=30 name=howe.default.svc.cluster.local.'] },
  { name: 'dig 9.18 +tcp, headless: two A records, mixed tabs and spaces', line: 'dig +tcp superhowe.default.svc.cluster.local. @10.96.0.10', stdout: kind('dig-9.18-headless-tcp.txt'),
    want: ['10.96.0.10 superhowe.default.svc.cluster.local. A NOERROR | A 10.244.1.3 ttl=30 name=superhowe.default.svc.cluster.local. | A 10.244.2.4 ttl=30 name=superhowe.default.svc.cluster.local.'] },
  { name: 'dig 9.18 NXDOMAIN: no answer, the SOA in authority', line: 'dig nobody.default.svc.cluster.local. @10.96.0.10', stdout: kind('dig-9.18-nxdomain.txt'),
    want: ['10.96.0.10 nobody.default.svc.cluster.local. A NXDOMAIN | authority SOA ns.dns.cluster.local. hostmaster.cluster.local. 1725876000 7200 1800 86400 30'] },
  { name: 'dig 9.18 ExternalName: a CNAME answer (4.6)', line: 'dig howe-service.default.svc.cluster.local. @10.96.0.10', stdout: kind('dig-9.18-externalname.txt'),
    want: ['10.96.0.10 howe-service.default.svc.cluster.local. A NOERROR | CNAME www.baidu.com. ttl=30 name=howe-service.default.svc.cluster.local.'] },
  { name: 'dig 9.16 (no transport on the SERVER line)', line: 'dig superhowe.default.svc.cluster.local. @10.96.0.10', stdout: sim('dig-tutorial-4.2-headless.txt'),
    want: ['10.96.0.10 superhowe.default.svc.cluster.local. A NOERROR | A 10.244.57.222 ttl=30 name=superhowe.default.svc.cluster.local. | A 10.244.57.221 ttl=30 name=superhowe.default.svc.cluster.local.'] },
  { name: 'dig +short: data only, the question from the command line', line: 'dig +short superhowe.default.svc.cluster.local @10.96.0.10', stdout: '10.244.1.3\n10.244.2.4\n',
    want: ['10.96.0.10 superhowe.default.svc.cluster.local A NOERROR | A 10.244.1.3 ttl=0 name=superhowe.default.svc.cluster.local | A 10.244.2.4 ttl=0 name=superhowe.default.svc.cluster.local'] },
  { name: 'dig +short through a CNAME', line: 'dig @10.96.0.10 howe-service.default.svc.cluster.local +short', stdout: 'www.baidu.com.\nwww.a.shifen.com.\n110.242.68.66\n',
    want: ['10.96.0.10 howe-service.default.svc.cluster.local A NOERROR | CNAME www.baidu.com. ttl=0 name=howe-service.default.svc.cluster.local | CNAME www.a.shifen.com. ttl=0 name=howe-service.default.svc.cluster.local | A 110.242.68.66 ttl=0 name=howe-service.default.svc.cluster.local'] },
  { name: 'dig +short with no output says nothing (NXDOMAIN and empty NOERROR look alike)', line: 'dig +short nobody.default.svc.cluster.local @10.96.0.10', stdout: '', want: [] },
  { name: 'nslookup BIND 9.18: two Name/Address pairs are one answer', line: 'nslookup superhowe', stdout: kind('nslookup-bind-9.18-headless.txt'),
    want: ['10.96.0.10 superhowe.default.svc.cluster.local A NOERROR | A 10.244.1.3 ttl=0 name=superhowe.default.svc.cluster.local | A 10.244.2.4 ttl=0 name=superhowe.default.svc.cluster.local'] },
  { name: 'nslookup BIND NXDOMAIN', line: 'nslookup nobody', stdout: kind('nslookup-bind-9.18-nxdomain.txt'), want: ['10.96.0.10 nobody.default.svc.cluster.local A NXDOMAIN'] },
  { name: 'nslookup BIND 9.16 (the simulator sample)', line: 'nslookup howe', stdout: sim('nslookup-bind-clusterip.txt'),
    want: ['10.96.0.10 howe.default.svc.cluster.local A NOERROR | A 10.99.13.95 ttl=0 name=howe.default.svc.cluster.local'] },
  { name: 'busybox nslookup (busyboxplus, 4.2): numbered addresses, the server block skipped', line: 'nslookup superhowe', stdout: sim('nslookup-busybox-tutorial-4.2.txt'),
    want: ['10.96.0.10 superhowe A NOERROR | A 10.244.57.227 ttl=0 name=superhowe | A 10.244.57.226 ttl=0 name=superhowe'] },
  { name: 'busybox nslookup failure on stderr', line: 'nslookup nobody',
    stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n', stderr: "nslookup: can't resolve 'nobody'\n",
    want: ['10.96.0.10 nobody A NXDOMAIN'] },
  { name: 'nslookup through a CNAME (BIND, non-authoritative)', line: 'nslookup howe-service',
    stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nhowe-service.default.svc.cluster.local\tcanonical name = www.baidu.com.\nwww.baidu.com\tcanonical name = www.a.shifen.com.\nName:\twww.a.shifen.com\nAddress: 110.242.68.66\n\n',
    want: ['10.96.0.10 howe-service.default.svc.cluster.local A NOERROR | CNAME www.baidu.com. ttl=0 name=howe-service.default.svc.cluster.local | CNAME www.a.shifen.com. ttl=0 name=www.baidu.com | A 110.242.68.66 ttl=0 name=www.a.shifen.com'] },
  { name: 'other commands make no DNS records', line: 'curl howe', stdout: 'Hello MyApp\n', want: [] },
];

for (const c of CASES) {
  test(c.name, () => {
    const got = parseDnsOutput(c.line, c.stdout, c.stderr).map((e) => [
      `${e.server} ${e.question.name} ${e.question.type} ${e.rcode}`,
      ...e.answers.map((r) => `${r.type} ${r.data} ttl=${r.ttl} name=${r.name}`),
      ...e.authority.map((r) => `authority ${r.type} ${r.data}`),
    ].join(' | '));
    assert.deepEqual(got, c.want);
  });
}
