import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HarnessError } from '../../errors.ts';
import { missingToolMessage, preflight } from './preflight.ts';
import type { Exec } from './exec.ts';

const OPTS = { kindMinVersion: 'v0.25.0', kubectlMinVersion: 'v1.30.0', minMemoryBytes: 4 * 2 ** 30, poolSize: 50, network: 'kind' };

// A machine whose required tools are fine; the named programs are not on PATH (exec reports PREFLIGHT, as createExec does on ENOENT).
function machine(absent: string[]): Exec {
  return async (req) => {
    if (absent.includes(req.file)) throw new HarnessError('PREFLIGHT', `${req.file} is not installed or not on PATH`);
    const stdout = req.file === 'docker' && req.args[0] === 'info' ? JSON.stringify({ ServerVersion: '27.0.1', MemTotal: 8 * 2 ** 30 })
      : req.file === 'kind' ? 'kind v0.25.0 go1.22.9 linux/amd64\n'
      : req.file === 'kubectl' ? JSON.stringify({ clientVersion: { gitVersion: 'v1.31.2' } }) : '';
    // htpasswd and openssl answer with their own exit codes; only "not on PATH" means missing.
    return { exitCode: req.file === 'docker' && req.args[0] === 'network' ? 1 : req.file === 'htpasswd' ? 2 : 0, stdout, stderr: '', timedOut: false, commandLine: req.file };
  };
}

const CASES: { name: string; absent: string[]; missing: string[] }[] = [
  { name: 'both optional tools present', absent: [], missing: [] },
  { name: 'no htpasswd: noted, preflight still passes', absent: ['htpasswd'], missing: ['htpasswd'] },
  { name: 'neither: both noted', absent: ['openssl', 'htpasswd'], missing: ['openssl', 'htpasswd'] },
];
for (const c of CASES) test(`preflight optional tools: ${c.name}`, async () => {
  assert.deepEqual((await preflight(machine(c.absent), OPTS)).missingTools, c.missing);
});

test('a required tool still fails preflight', async () => {
  await assert.rejects(preflight(machine(['kind']), OPTS), /kind is not installed or not on PATH: install kind v0\.25\.0/);
});

test('the missing-tool message names the package for each distribution', () => {
  assert.match(missingToolMessage('htpasswd', 'htpasswd -cbm auth howe redhat'), /apache2-utils on Debian\/Ubuntu .* httpd-tools on RHEL\/Fedora/);
  assert.match(missingToolMessage('openssl', 'openssl version'), /install openssl/);
});
