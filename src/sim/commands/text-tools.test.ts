import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEXT_TOOLS } from './text-tools.ts';
import { echo } from './echo.ts';
import type { CommandContext } from './command.ts';
import type { Simulation } from '../simulation.ts';

const workdir = mkdtempSync(join(tmpdir(), 'kubelab-text-'));
writeFileSync(join(workdir, 'pods.txt'), 'NAME READY\nhowe-1 1/1\nhowe-2 1/1\ntest 1/1\n');
const ctx = (stdin = ''): CommandContext => ({ sim: {} as Simulation, source: { kind: 'host', ip: '172.25.250.200', hosts: new Map() }, workdir, stdin });

const kubeProxyCm = 'data:\n  config.conf: |-\n    ipvs:\n      strictARP: false\n    mode: ""\n';
const curls = 'Hello MyApp | Version: v1 | x\nHello MyApp | Version: v2 | x\nHello MyApp | Version: v1 | x\n';

const cases: { name: string; argv: string[]; stdin?: string; stdout?: string; stderr?: string; exit?: number }[] = [
  { name: 'grep -c counts', argv: ['grep', '-c', 'v1'], stdin: curls, stdout: '2\n' },
  { name: 'grep -c zero exits 1', argv: ['grep', '-c', 'v9'], stdin: curls, stdout: '0\n', exit: 1 },
  { name: 'grep -v', argv: ['grep', '-v', 'v1'], stdin: curls, stdout: 'Hello MyApp | Version: v2 | x\n' },
  { name: 'grep -i', argv: ['grep', '-i', 'HOWE'], stdin: 'howe-1\ntest\n', stdout: 'howe-1\n' },
  { name: 'grep BRE: | is literal', argv: ['grep', 'v1|v2'], stdin: curls, stdout: '', exit: 1 },
  { name: 'grep -E alternation', argv: ['grep', '-cE', 'v1|v2'], stdin: curls, stdout: '3\n' },
  { name: 'grep BRE \\| alternation (GNU)', argv: ['grep', '-c', 'v1\\|v2'], stdin: curls, stdout: '3\n' },
  { name: 'grep file operand', argv: ['grep', 'howe', 'pods.txt'], stdout: 'howe-1 1/1\nhowe-2 1/1\n' },
  { name: 'grep missing file', argv: ['grep', 'x', 'nope.txt'], stderr: 'grep: nope.txt: No such file or directory\n', exit: 2 },
  { name: 'grep unknown long option', argv: ['grep', '--foo', 'x'], stderr: "grep: unrecognized option '--foo'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exit: 2 },
  { name: 'grep unknown short option', argv: ['grep', '-Z', 'x'], stderr: "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exit: 2 },
  { name: 'sed strictARP (MetalLB pipeline)', argv: ['sed', '-e', 's/strictARP: false/strictARP: true/'], stdin: kubeProxyCm, stdout: kubeProxyCm.replace('false', 'true') },
  { name: 'sed without -e, g flag', argv: ['sed', 's/v1/V1/g'], stdin: 'v1 v1\n', stdout: 'V1 V1\n' },
  { name: 'sed first match only', argv: ['sed', 's/v1/V1/'], stdin: 'v1 v1\n', stdout: 'V1 v1\n' },
  { name: 'sed & and groups', argv: ['sed', 's/\\(a\\)b/[&|\\1]/'], stdin: 'ab\n', stdout: '[ab|a]\n' },
  { name: 'sed -E groups', argv: ['sed', '-E', 's/(x+)y/\\1/'], stdin: 'xxy\n', stdout: 'xx\n' },
  { name: 'sed other delimiter', argv: ['sed', 's|/v1|/v2|'], stdin: 'a/v1\n', stdout: 'a/v2\n' },
  { name: 'sed /re/d', argv: ['sed', '/v2/d'], stdin: curls, stdout: 'Hello MyApp | Version: v1 | x\nHello MyApp | Version: v1 | x\n' },
  { name: 'sed -n p', argv: ['sed', '-n', '/v2/p'], stdin: curls, stdout: 'Hello MyApp | Version: v2 | x\n' },
  { name: 'sed bad command', argv: ['sed', 'k'], stderr: "sed: -e expression #1, char 1: unknown command: `k'\n", exit: 1 },
  { name: 'sed unterminated s', argv: ['sed', 's/a/b'], stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", exit: 1 },
  { name: 'awk print $1', argv: ['awk', '{print $1}'], stdin: 'NAME READY\nhowe-1 1/1\n', stdout: 'NAME\nhowe-1\n' },
  { name: 'awk pattern, NF and commas', argv: ['awk', '/howe/{print $NF, $1}'], stdin: 'NAME READY\nhowe-1  1/1\n', stdout: '1/1 howe-1\n' },
  { name: 'awk -F', argv: ['awk', '-F:', '{print $2}'], stdin: 'a:b:c\n', stdout: 'b\n' },
  { name: 'awk assignments are reported', argv: ['awk', '{n += 1} END {print n}'], stderr: /awk: kubelab's awk runs only/.source, exit: 2 },
  { name: 'wc -l stdin', argv: ['wc', '-l'], stdin: curls, stdout: '3\n' },
  { name: 'wc -l file', argv: ['wc', '-l', 'pods.txt'], stdout: '4 pods.txt\n' },
  { name: 'head -n 2', argv: ['head', '-n', '2'], stdin: curls, stdout: 'Hello MyApp | Version: v1 | x\nHello MyApp | Version: v2 | x\n' },
  { name: 'head -1', argv: ['head', '-1'], stdin: curls, stdout: 'Hello MyApp | Version: v1 | x\n' },
  { name: 'tail -n 1', argv: ['tail', '-n', '1'], stdin: curls, stdout: 'Hello MyApp | Version: v1 | x\n' },
  { name: 'sort | uniq -c', argv: ['uniq', '-c'], stdin: 'a\na\nb\n', stdout: '      2 a\n      1 b\n' },
  { name: 'sort', argv: ['sort'], stdin: 'b\na\nc\n', stdout: 'a\nb\nc\n' },
  { name: 'sort -nr', argv: ['sort', '-nr'], stdin: '2\n10\n1\n', stdout: '10\n2\n1\n' },
  { name: 'uniq unknown option', argv: ['uniq', '--x'], stderr: "uniq: unrecognized option '--x'\nTry 'uniq --help' for more information.\n", exit: 1 },
];

for (const c of cases) {
  test(`text tools: ${c.name}`, async () => {
    const out = await TEXT_TOOLS[c.argv[0]!]!(c.argv, ctx(c.stdin));
    if (c.stdout !== undefined) assert.equal(out.stdout, c.stdout);
    if (c.stderr !== undefined) {
      if (c.stderr.endsWith('\n')) assert.equal(out.stderr, c.stderr);
      else assert.match(out.stderr, new RegExp(c.stderr));
    }
    assert.equal(out.exitCode, c.exit ?? 0);
  });
}

test('sed -i rewrites the file in the work folder', async () => {
  writeFileSync(join(workdir, 'cm.yml'), kubeProxyCm);
  const out = await TEXT_TOOLS.sed!(['sed', '-i', 's/strictARP: false/strictARP: true/', 'cm.yml'], ctx());
  assert.equal(out.exitCode, 0);
  assert.match(readFileSync(join(workdir, 'cm.yml'), 'utf8'), /strictARP: true/);
});

const echoCases: { name: string; argv: string[]; stdout: string }[] = [
  { name: 'joins with spaces', argv: ['echo', '172.25.250.50', 'www.exam.com'], stdout: '172.25.250.50 www.exam.com\n' },
  { name: '-n drops newline', argv: ['echo', '-n', 'a'], stdout: 'a' },
  { name: '-e escapes', argv: ['echo', '-e', 'a\\nb'], stdout: 'a\nb\n' },
  { name: 'no -e keeps backslashes', argv: ['echo', 'a\\nb'], stdout: 'a\\nb\n' },
  { name: 'a dash word is text', argv: ['echo', '-x'], stdout: '-x\n' },
];
for (const c of echoCases) {
  test(`echo: ${c.name}`, async () => assert.equal((await echo(c.argv, ctx())).stdout, c.stdout));
}

test('awk system(): each matching line builds a command run by the lab shell (tutorial 3.1 kube-proxy restart)', async () => {
  const sim = { clock: { advance: () => {} }, warnings: [], settle: () => {} } as unknown as Simulation;
  const stdin = 'NAME READY\ncoredns-1 1/1\nkube-proxy-9gntr 1/1\nkube-proxy-x2x 1/1\n';
  const out = await TEXT_TOOLS.awk!(['awk', '/kube-proxy/{system("echo pod \\"" $1 "\\" deleted")}'], { ...ctx(stdin), sim });
  // The built line `echo pod "kube-proxy-9gntr" deleted` is parsed by the shell, so the quotes go.
  assert.equal(out.stdout, 'pod kube-proxy-9gntr deleted\npod kube-proxy-x2x deleted\n');
});
