import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLoopTranscript, formatTranscript, promptFor } from './transcript.ts';
import type { CommandResult, Where } from '../../src/index.ts';

function result(command: string, where: Where, stdout: string, exitCode = 0, stderr = ''): CommandResult {
  return { command, where, exitCode, stdout, stderr, http: [], dns: [], warnings: [] };
}

const prompts: { where: Where; want: string }[] = [
  { where: { kind: 'node', node: 'k8s-master' }, want: '[root@k8s-master ~]#' },
  { where: { kind: 'host' }, want: '[root@client ~]#' },
  { where: { kind: 'pod' }, want: '/ #' },
  { where: { kind: 'pod', pod: 'test' }, want: 'test:/ #' },
];

for (const c of prompts) test(`prompt on ${JSON.stringify(c.where)}`, () => assert.equal(promptFor(c.where), c.want));

test('a command with its output', () => {
  const text = formatTranscript(result('kubectl get svc', { kind: 'node', node: 'k8s-master' }, 'NAME   TYPE\n'));
  assert.equal(text, '[root@k8s-master ~]# kubectl get svc\nNAME   TYPE\n');
});

test('a failing command shows stderr and its exit code', () => {
  const text = formatTranscript(result('curl --max-time 2 10.96.0.1', { kind: 'host' }, '', 28, 'curl: (28) Connection timed out after 2001 milliseconds\n'));
  assert.equal(text, '[root@client ~]# curl --max-time 2 10.96.0.1\ncurl: (28) Connection timed out after 2001 milliseconds\n(exit code 28)\n');
});

test('output without a final newline gets one', () => {
  assert.equal(formatTranscript(result('echo -n x', { kind: 'host' }, 'x')), '[root@client ~]# echo -n x\nx\n');
});

test('repeated commands read as the tutorial for loop', () => {
  const where: Where = { kind: 'node', node: 'k8s-master' };
  const runs = ['howe-a\n', 'howe-b\n', 'howe-a\n'].map((o) => result('curl 172.25.250.100:31502/hostname.html', where, o));
  assert.equal(formatLoopTranscript(runs),
    '[root@k8s-master ~]# for i in {1..3}; do curl 172.25.250.100:31502/hostname.html; done\nhowe-a\nhowe-b\nhowe-a\n');
});
