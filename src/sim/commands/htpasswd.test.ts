import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import md5 from 'apache-md5';
import { htpasswd } from './htpasswd.ts';
import { Random } from '../context.ts';
import type { CommandContext } from './command.ts';
import type { Simulation } from '../simulation.ts';

// httpd 2.4.57 support/passwd_common.c get_password: apr_password_get → glibc getpass without a terminal
// (prompt on stderr, a line from stdin, no echoed newline); -i reads all of stdin.
const ctx = (stdin: string, workdir = tmpdir()): CommandContext => ({ sim: { rng: new Random(5) } as unknown as Simulation, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin });
const user = (line: string) => line.split(':')[0];
const checks = (line: string, password: string) => md5(password, line.slice(line.indexOf(':') + 1).trim()) === line.slice(line.indexOf(':') + 1).trim();

const cases = [
  { name: 'prompted twice, same answer', argv: ['htpasswd', '-nm', 'howe'], stdin: 'redhat\nredhat\n', exit: 0, stderr: 'New password: Re-type new password: ', password: 'redhat' },
  { name: 'prompted twice, different answers', argv: ['htpasswd', '-nm', 'howe'], stdin: 'redhat\nredhot\n', exit: 3, stderr: 'New password: Re-type new password: htpasswd: password verification error\n' },
  { name: 'one line: the second prompt reads EOF as empty', argv: ['htpasswd', '-nm', 'howe'], stdin: 'redhat\n', exit: 3, stderr: 'New password: Re-type new password: htpasswd: password verification error\n' },
  { name: 'no input at all: an empty password both times', argv: ['htpasswd', '-nm', 'howe'], stdin: '', exit: 0, stderr: 'New password: Re-type new password: ', password: '' },
  { name: '-i reads stdin once, trailing newline stripped', argv: ['htpasswd', '-nim', 'howe'], stdin: 'redhat\n', exit: 0, stderr: '', password: 'redhat' },
  { name: '-b takes the argument', argv: ['htpasswd', '-nbm', 'howe', 'redhat'], stdin: '', exit: 0, stderr: '', password: 'redhat' },
];
for (const c of cases) test(`htpasswd: ${c.name}`, async () => {
  const out = await htpasswd(c.argv, ctx(c.stdin));
  assert.equal(out.exitCode, c.exit);
  assert.equal(out.stderr, c.stderr);
  if (c.password === undefined) return assert.equal(out.stdout, '');
  const line = out.stdout.split('\n')[0]!;
  assert.equal(user(line), 'howe');
  assert.ok(checks(line, c.password), `${line} is the $apr1$ hash of ${JSON.stringify(c.password)}`);
});

test('htpasswd -cm auth howe with the password typed twice writes the 43-byte line (tutorial 5.3.4)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'htpasswd-'));
  const out = await htpasswd(['htpasswd', '-cm', 'auth', 'howe'], ctx('redhat\nredhat\n', dir));
  assert.equal(out.stderr, 'New password: Re-type new password: Adding password for user howe\n');
  const file = readFileSync(join(dir, 'auth'), 'utf8');
  assert.equal(Buffer.byteLength(file), 43);
  assert.ok(checks(file.trim(), 'redhat'));
});
