import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runShell, type ShellEnvironment } from './shell-run.ts';
import { textOutput, type CommandHandler } from './command.ts';
import { ManualClock } from '../context.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';

// Small fake programs so the shell is tested without the other areas.
const programs: Record<string, CommandHandler> = {
  say: async (argv) => textOutput(argv.slice(1).join(' ') + '\n'),
  args: async (argv) => textOutput(argv.slice(1).map((a) => `[${a}]`).join('') + '\n'),
  warn: async (argv) => textOutput('', `${argv.slice(1).join(' ')}\n`, 3),
  upper: async (_argv, ctx) => textOutput(ctx.stdin.toUpperCase()),
  nope: async () => textOutput('', 'nope: failed\n', 1),
  ipvsadm: async () => textOutput('IP Virtual Server\n'),
  kubectl: async () => textOutput('kubectl ran\n'),
};

function env(source: Source = { kind: 'host', ip: '172.25.250.200', hosts: new Map() }) {
  const clock = new ManualClock(new Date('2024-09-06T06:24:57Z'));
  let settles = 0;
  const sim = { clock, warnings: [] as string[], settle: () => { settles++; } } as unknown as Simulation;
  const workdir = mkdtempSync(join(tmpdir(), 'kubelab-shell-'));
  const e: ShellEnvironment = { sim, source, workdir, programs };
  return { e, clock, workdir, settles: () => settles };
}

const pod: Source = { kind: 'pod', pod: 'test', namespace: 'default', node: 'k8s-node1', ip: '10.244.1.5' };
const node: Source = { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' };

const cases: { name: string; line: string; stdout?: string; stderr?: string; exit?: number; source?: Source }[] = [
  { name: 'plain words', line: 'args a b  c', stdout: '[a][b][c]\n' },
  { name: 'single quotes keep spaces and $', line: "args 'a b' '$x'", stdout: '[a b][$x]\n' },
  { name: 'double quotes join', line: 'args "a  b"c', stdout: '[a  bc]\n' },
  { name: 'backslash escapes space', line: 'args a\\ b', stdout: '[a b]\n' },
  { name: 'backslash in double quotes', line: 'args "a\\"b\\\\c\\d"', stdout: '[a"b\\c\\d]\n' },
  { name: 'empty quoted word', line: 'args "" x', stdout: '[][x]\n' },
  { name: 'header value with colon', line: 'args -H "version: 2" www.exam.com', stdout: '[-H][version: 2][www.exam.com]\n' },
  { name: 'comment ignored', line: 'say hi #改为ipvs', stdout: 'hi\n' },
  { name: 'pipe feeds stdin', line: 'say hello | upper', stdout: 'HELLO\n' },
  { name: 'pipe exit is last', line: 'nope | say ok', stdout: 'ok\n', stderr: 'nope: failed\n', exit: 0 },
  { name: 'and skips after failure', line: 'nope && say no', stderr: 'nope: failed\n', exit: 1 },
  { name: 'or runs after failure', line: 'nope || say yes', stdout: 'yes\n', stderr: 'nope: failed\n', exit: 0 },
  { name: 'semicolon runs all', line: 'say a; nope; say b', stdout: 'a\nb\n', stderr: 'nope: failed\n', exit: 0 },
  { name: 'for over brace range', line: 'for i in {1..3}; do say n$i; done', stdout: 'n1\nn2\nn3\n' },
  { name: 'for descending range', line: 'for i in {3..1}; do say $i; done', stdout: '3\n2\n1\n' },
  { name: 'for over words, multi-line', line: 'for i in {1..2}\ndo\nsay ${i}x\ndone', stdout: '1x\n2x\n' },
  { name: 'for output piped', line: 'for i in {1..2}; do say a; done | upper', stdout: 'A\nA\n' },
  { name: '2>&1 merges stderr', line: 'warn oops 2>&1', stdout: 'oops\n', exit: 3 },
  { name: '2>/dev/null drops stderr', line: 'warn oops 2>/dev/null', stdout: '', stderr: '', exit: 3 },
  { name: '2>&1 piped', line: 'warn oops 2>&1 | upper', stdout: 'OOPS\n' },
  { name: 'unknown program', line: 'foo bar', stderr: 'sh: foo: not found\n', exit: 127 },
  { name: 'unknown program in a pod', line: 'foo', stderr: '/bin/sh: foo: not found\n', exit: 127, source: pod },
  { name: 'ipvsadm only on nodes', line: 'ipvsadm -Ln', stderr: 'sh: ipvsadm: not found\n', exit: 127 },
  { name: 'ipvsadm on a node', line: 'ipvsadm -Ln', stdout: 'IP Virtual Server\n', source: node },
  { name: 'no kubectl in pods', line: 'kubectl get pods', stderr: '/bin/sh: kubectl: not found\n', exit: 127, source: pod },
  { name: 'command substitution reported', line: 'say $(date)', stderr: /command substitution \$\(\.\.\.\) is not supported/.source, exit: 2 },
  { name: 'backticks reported', line: 'say `date`', stderr: /command substitution \(`\.\.\.`\)/.source, exit: 2 },
  { name: 'unknown variable reported', line: 'say $HOME', stderr: /"\$HOME" is not set/.source, exit: 2 },
  { name: 'brace expansion outside for', line: 'say {a,b}', stderr: /brace expansion "\{a,b\}" is supported only/.source, exit: 2 },
  { name: 'unterminated quote', line: "say 'abc", stderr: 'sh: unterminated quoted string\n', exit: 2 },
  { name: 'missing done', line: 'for i in 1 2; do say x', stderr: /expecting "done"/.source, exit: 2 },
  { name: 'missing do', line: 'for i in 1 2; say x; done', stderr: /expecting "do"/.source, exit: 2 },
  { name: 'dangling pipe', line: 'say a |', stderr: /syntax error: unexpected end of file/.source, exit: 2 },
  { name: 'background job reported', line: 'say a &', stderr: /background jobs/.source, exit: 2 },
  { name: 'assignment reported', line: 'v1=0', stderr: 'sh: variable assignments (v1=0) are not supported by the kubelab shell\n', exit: 2 },
  { name: 'quoted = word is a program name', line: "'v1=0'", stderr: 'sh: v1=0: not found\n', exit: 127 },
  { name: 'arithmetic for reported', line: 'for (( i=0; i<3; i++ )); do say x; done', stderr: /for \(\( ; ; \)\) loops are not supported/.source, exit: 2 },
  { name: 'heredoc reported', line: 'say <<EOF', stderr: /here-documents/.source, exit: 2 },
  { name: 'missing input file', line: 'upper < nothere.txt', stderr: "sh: can't open nothere.txt: No such file or directory\n", exit: 1 },
  { name: 'absolute path refused', line: 'say x > /etc/kubernetes/x.yaml', stderr: /can't create \/etc\/kubernetes\/x.yaml: kubelab models only files/.source, exit: 1 },
  { name: 'quoted glob is literal', line: "args '*/=howe-svc:80'", stdout: '[*/=howe-svc:80]\n' },
  { name: 'unmatched glob stays literal', line: 'args www.exam.com/?a=1', stdout: '[www.exam.com/?a=1]\n' },
];

for (const c of cases) {
  test(`shell: ${c.name}`, async () => {
    const { e } = env(c.source);
    const out = await runShell(c.line, e);
    if (c.stdout !== undefined) assert.equal(out.stdout, c.stdout);
    if (c.stderr !== undefined) {
      if (c.stderr.endsWith('\n') || c.stderr === '') assert.equal(out.stderr, c.stderr);
      else assert.match(out.stderr, new RegExp(c.stderr));
    }
    assert.equal(out.exitCode, c.exit ?? 0);
  });
}

test('shell: > creates, >> appends, < reads back (work folder files)', async () => {
  const { e, workdir } = env();
  await runShell('say one > howe.yml', e);
  await runShell('say two >> howe.yml', e);
  assert.equal(readFileSync(join(workdir, 'howe.yml'), 'utf8'), 'one\ntwo\n');
  const out = await runShell('upper < howe.yml', e);
  assert.equal(out.stdout, 'ONE\nTWO\n');
  await runShell('say three > howe.yml', e);
  assert.equal(readFileSync(join(workdir, 'howe.yml'), 'utf8'), 'three\n');
});

test('shell: > file 2>&1 sends both to the file; 2>&1 > file keeps stderr on the terminal', async () => {
  const { e, workdir } = env();
  let out = await runShell('warn bad > log.txt 2>&1', e);
  assert.equal(readFileSync(join(workdir, 'log.txt'), 'utf8'), 'bad\n');
  assert.equal(out.stderr, '');
  out = await runShell('warn bad 2>&1 > log2.txt', e);
  assert.equal(out.stdout, 'bad\n');
  assert.equal(readFileSync(join(workdir, 'log2.txt'), 'utf8'), '');
});

test('shell: globs expand against the work folder, sorted', async () => {
  const { e, workdir } = env();
  writeFileSync(join(workdir, 'b.yml'), '');
  writeFileSync(join(workdir, 'a.yml'), '');
  const out = await runShell('args *.yml', e);
  assert.equal(out.stdout, '[a.yml][b.yml]\n');
});

test('shell: echo >> /etc/hosts on the client host adds a name', async () => {
  const hosts = new Map<string, string>();
  const { e } = env({ kind: 'host', ip: '172.25.250.200', hosts });
  await runShell('say 172.25.250.50 www.exam.com myappv1.exam.com >> /etc/hosts', e);
  assert.equal(hosts.get('www.exam.com'), '172.25.250.50');
  assert.equal(hosts.get('myappv1.exam.com'), '172.25.250.50');
});

test('shell: each program settles the simulation and moves the clock 1 s; warnings are drained', async () => {
  const { e, clock, settles } = env();
  const start = clock.now().getTime();
  (e.sim.warnings as string[]).push('annotation x invalid');
  const out = await runShell('for i in {1..5}; do say $i; done', e);
  assert.equal(settles(), 5);
  assert.equal(clock.now().getTime() - start, 5000);
  assert.deepEqual(out.warnings, ['annotation x invalid']);
  assert.equal(e.sim.warnings.length, 0);
});

test('sh -c and sh SCRIPT run through the lab shell; unsupported script syntax is reported', async () => {
  const { COMMANDS } = await import('./registry.ts');
  const { e, workdir } = env();
  const full = { ...e, programs: COMMANDS };
  writeFileSync(join(workdir, 'twice.sh'), '#!/bin/bash\nfor i in {1..2}\ndo\necho run $i\ndone\n');
  assert.equal((await runShell("sh -c 'echo a | grep a'", full)).stdout, 'a\n');
  assert.equal((await runShell('sh twice.sh', full)).stdout, 'run 1\nrun 2\n');
  writeFileSync(join(workdir, 'check_ingress.sh'), 'v1=0\nfor (( i=0; i<100; i++))\ndo response=`curl -s www.exam.com |grep -c v1`\ndone\n');
  const check = await runShell('sh check_ingress.sh', full);
  assert.equal(check.exitCode, 2);
  assert.match(check.stderr, /for \(\( ; ; \)\) loops are not supported by the kubelab shell/);
  assert.equal((await runShell('sh missing.sh', full)).stderr, 'sh: missing.sh: No such file or directory\n');
});
