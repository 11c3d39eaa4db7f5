import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curlExchanges, parseHeaderDump } from './curl-exchanges.ts';
import { parseCurlArgs, shellWords } from './curl-args.ts';

const CRLF = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');
// ingress-nginx v1.11's ssl-redirect answer over plain HTTP (05.3.3 `curl -i www.exam.com`).
const REDIRECT_308 = CRLF(['HTTP/1.1 308 Permanent Redirect', 'Date: Mon, 09 Sep 2024 10:00:00 GMT', 'Content-Type: text/html', 'Content-Length: 164', 'Connection: keep-alive', 'Location: https://www.exam.com', '']);
const BODY_308 = '<html>\r\n<head><title>308 Permanent Redirect</title></head>\r\n<body>\r\n<center><h1>308 Permanent Redirect</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
// app-root over HTTPS: ingress-nginx speaks HTTP/2 (no reason phrase, lower-case names), then the pod's page.
const APP_ROOT = CRLF(['HTTP/2 302 ', 'date: Mon, 09 Sep 2024 10:00:01 GMT', 'content-type: text/html', 'content-length: 138', 'location: https://www.exam.com/hostname.html', 'strict-transport-security: max-age=31536000; includeSubDomains', ''])
  + CRLF(['HTTP/2 200 ', 'date: Mon, 09 Sep 2024 10:00:01 GMT', 'content-type: text/html', 'content-length: 31', 'strict-transport-security: max-age=31536000; includeSubDomains', 'set-cookie: a=1', 'set-cookie: b=2', '']);
const OK_NODEPORT = CRLF(['HTTP/1.1 200 OK', 'Server: nginx/1.12.2', 'Content-Type: text/html', 'Content-Length: 65', '']);

const inv = (line: string) => parseCurlArgs(shellWords(line).slice(1));
const CASES: { name: string; line: string; dump: string; out: { exitCode: number; stdout: string; stderr: string }; want: string[]; body?: string; check?: (e: ReturnType<typeof curlExchanges>) => void }[] = [
  { name: 'one 200 over a node port: the body is stdout', line: 'curl 172.25.250.100:31771/hostname.html', dump: OK_NODEPORT,
    out: { exitCode: 0, stdout: 'howe-5d8f7b9c6d-x2x7k\n', stderr: '' }, want: ['GET http 172.25.250.100:31771 /hostname.html -> 200 OK'], body: 'howe-5d8f7b9c6d-x2x7k\n' },
  { name: '-i: the 308 and its Location, the printed headers are not part of the body', line: 'curl -i www.exam.com', dump: REDIRECT_308,
    out: { exitCode: 0, stdout: REDIRECT_308 + BODY_308, stderr: '' }, want: ['GET http 172.25.250.50:80 / -> 308 Permanent Redirect'], body: BODY_308,
    check: (e) => assert.equal(e[0]!.response!.headers['location'], 'https://www.exam.com') },
  { name: '-L over HTTP/2: a request per redirect, the body on the last, -u kept on the same host', line: 'curl -Lk https://www.exam.com -uhowe:redhat', dump: APP_ROOT,
    out: { exitCode: 0, stdout: 'myapp-v1-7d6f7b9c6d-abcde\n', stderr: '' },
    want: ['GET https 172.25.250.50:443 / -> 302 ', 'GET https 172.25.250.50:443 /hostname.html -> 200 '], body: 'myapp-v1-7d6f7b9c6d-abcde\n',
    check: (e) => {
      assert.equal(e[0]!.response!.body, '', 'curl prints only the final body');
      assert.equal(e[1]!.request.headers['authorization'], `Basic ${Buffer.from('howe:redhat').toString('base64')}`);
      assert.equal(e[1]!.response!.headers['set-cookie'], 'a=1, b=2');
      assert.equal(e[1]!.request.sni, 'www.exam.com');
    } },
  { name: '-H Host overrides the URL host; a 404 from the controller is a response', line: "curl -H 'Host: nobody.exam.com' 172.25.250.50/v1",
    dump: CRLF(['HTTP/1.1 404 Not Found', 'Content-Type: text/html', '']), out: { exitCode: 0, stdout: '<html>404</html>\n', stderr: '' },
    want: ['GET http 172.25.250.50:80 /v1 -> 404 Not Found'], check: (e) => assert.equal(e[0]!.request.headers['host'], 'nobody.exam.com') },
  { name: 'a timeout: no header block, the failure from curl: (28)', line: 'curl --max-time 2 10.96.0.1', dump: '',
    out: { exitCode: 28, stdout: '', stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' }, want: ['GET http 10.96.0.1:80 / -> timeout curl: (28) Connection timed out after 2001 milliseconds'] },
  { name: 'refused, and the TLS error of curl without -k', line: 'curl https://www.exam.com', dump: '',
    out: { exitCode: 60, stdout: '', stderr: 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n' },
    want: ['GET https 172.25.250.50:443 / -> tls curl: (60) SSL certificate problem: self-signed certificate'] },
  { name: 'a 100 Continue block is skipped; the names resolve through /etc/hosts', line: 'curl -d a=b www.exam.com/post',
    dump: CRLF(['HTTP/1.1 100 Continue', '']) + CRLF(['HTTP/1.1 201 Created', '']), out: { exitCode: 0, stdout: '', stderr: '' },
    want: ['POST http 172.25.250.50:80 /post -> 201 Created'] },
];
for (const c of CASES) {
  test(c.name, () => {
    const got = curlExchanges(inv(c.line), c.dump, c.out, (h) => (h === 'www.exam.com' ? '172.25.250.50' : undefined));
    assert.deepEqual(got.map((e) => `${e.request.method} ${e.request.scheme} ${e.request.ip}:${e.request.port} ${e.request.path} -> ${e.response ? `${e.response.status} ${e.response.reason}` : `${e.failure!.kind} ${e.failure!.message}`}`), c.want);
    if (c.body !== undefined) assert.equal(got.at(-1)!.response!.body, c.body);
    c.check?.(got);
  });
}

test('header dump: 1xx blocks dropped, repeated names joined, HTTP/2 without reason', () => {
  assert.deepEqual(parseHeaderDump(CRLF(['HTTP/1.1 100 Continue', '']) + APP_ROOT).map((b) => [b.status, b.reason, b.headers['location'] ?? '']),
    [[302, '', 'https://www.exam.com/hostname.html'], [200, '', '']]);
});
