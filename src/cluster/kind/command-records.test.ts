import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile, execFileSync } from 'node:child_process';
import { recordingRun } from './command-records.ts';

// Against the real curl of this machine (skipped when there is none): what curl prints must not change.
const hasCurl = (() => { try { execFileSync('curl', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
let server: Server;
let base = '';
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(302, { Location: '/hostname.html' }).end('moved\n');
    else if (req.url === '/hostname.html') res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': ['a=1', 'b=2'] }).end('howe-5d8f7b9c6d-x2x7k\n');
    else res.writeHead(404).end('404 Not Found\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function sh(line: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => execFile('sh', ['-c', line], (err, stdout, stderr) => resolve({ exitCode: err ? Number(err.code ?? 1) : 0, stdout, stderr })));
}

const CASES = [
  { name: '-L follows the redirect: two exchanges, the body on the last', cmd: (b: string) => `curl -sL ${b}/`, want: [[302, ''], [200, 'howe-5d8f7b9c6d-x2x7k\n']] },
  { name: '-i: the printed headers are not part of the body', cmd: (b: string) => `curl -si ${b}/hostname.html`, want: [[200, 'howe-5d8f7b9c6d-x2x7k\n']] },
  { name: 'two curls in one line (the second a 404): headers for both, no body (they share stdout)', cmd: (b: string) => `curl -s ${b}/hostname.html && curl -s ${b}/nope`, want: [[200, ''], [404, '']] },
  { name: 'refused: a failure record, exit code and stderr kept', cmd: () => 'curl -sS 127.0.0.1:1/', want: [['refused', '']] },
];
for (const c of CASES) {
  test(`real curl: ${c.name}`, { skip: hasCurl ? false : 'no curl on this machine' }, async () => {
    const line = c.cmd(base);
    const plain = await sh(line);
    const run = recordingRun(line, line, `test-${process.pid}`, () => undefined);
    assert.notEqual(run.line, line);
    const raw = await sh(run.line);
    const seen = run.finish(raw, (t) => t);
    assert.equal(raw.exitCode, plain.exitCode);
    // The two runs may straddle a second: their Date headers may differ.
    const undated = (t: string) => t.replace(/^Date: .*$/gim, 'Date: -');
    assert.equal(undated(seen.stdout), undated(plain.stdout));
    // curl reports how long a failed connect took ("after 8 ms"): that varies between the two runs.
    const untimed = (t: string) => t.replace(/ after \d+ ms/g, ' after N ms');
    assert.equal(untimed(seen.stderr), untimed(plain.stderr));
    assert.deepEqual(seen.http.map((e) => [e.response?.status ?? e.failure?.kind, e.response?.body ?? '']), c.want);
  });
}
