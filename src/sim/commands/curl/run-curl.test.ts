import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCurl } from './run-curl.ts';
import { fakeNetwork, fakeFiles, type FakeAnswer } from './curl-fixture.ts';
import { CA_CERT_HELP } from './messages.ts';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const hello = 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n';
const nginx = (body = hello): FakeAnswer => ({ kind: 'http', respond: () => ({ headers: { server: 'nginx/1.12.2', 'content-type': 'text/html', 'content-length': String(body.length) }, body }) });
const answers: Record<string, FakeAnswer> = {
  '10.96.0.1:80': { kind: 'refused' },
  '172.25.250.100:33333': { kind: 'refused' },
  '172.25.250.77:80': { kind: 'timeout' },
  '172.25.250.99:80': { kind: 'unreachable' },
  '172.25.250.50:80': nginx(),
  '172.25.250.51:80': { kind: 'http', respond: (r) => (r.path === '/missing' ? { status: 404, reason: 'Not Found', body: '404 page\n' } : { body: 'ok\n' }) },
};
const names = { 'www.exam.com': ['172.25.250.50'], 'refused.exam.com': ['10.96.0.1'] };

const cases: { name: string; argv: string[]; stdout?: string; stderr?: string; exit?: number; elapsed?: number }[] = [
  { name: 'plain GET prints the body', argv: ['curl', '172.25.250.50'], stdout: hello },
  { name: 'name resolved', argv: ['curl', 'www.exam.com/v1'], stdout: hello },
  { name: 'refused names the address typed', argv: ['curl', '10.96.0.1'], stderr: 'curl: (7) Failed to connect to 10.96.0.1 port 80: Connection refused\n', exit: 7 },
  { name: 'refused names the host name typed', argv: ['curl', 'refused.exam.com'], stderr: 'curl: (7) Failed to connect to refused.exam.com port 80: Connection refused\n', exit: 7 },
  { name: 'refused NodePort outside the range', argv: ['curl', '172.25.250.100:33333'], stderr: 'curl: (7) Failed to connect to 172.25.250.100 port 33333: Connection refused\n', exit: 7 },
  { name: 'unknown name', argv: ['curl', 'nothere.exam.com'], stderr: 'curl: (6) Could not resolve host: nothere.exam.com\n', exit: 6 },
  { name: 'no route to host', argv: ['curl', '172.25.250.99'], stderr: 'curl: (7) Failed to connect to 172.25.250.99 port 80: No route to host\n', exit: 7 },
  { name: 'timeout with --max-time', argv: ['curl', '-m', '2', '172.25.250.77'], stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n', exit: 28, elapsed: 2001 },
  { name: 'timeout with --connect-timeout', argv: ['curl', '--connect-timeout', '5', '172.25.250.77'], stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n', exit: 28, elapsed: 5001 },
  { name: 'timeout left to the kernel', argv: ['curl', '172.25.250.77'], stderr: 'curl: (28) Failed to connect to 172.25.250.77 port 80: Connection timed out\n', exit: 28, elapsed: 127000 },
  { name: '-s hides the error', argv: ['curl', '-s', '10.96.0.1'], stderr: '', exit: 7 },
  { name: '-sS shows the error', argv: ['curl', '-sS', '10.96.0.1'], stderr: 'curl: (7) Failed to connect to 10.96.0.1 port 80: Connection refused\n', exit: 7 },
  { name: '-w http_code', argv: ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '172.25.250.50'], stdout: '200' },
  { name: '-w on failure is 000', argv: ['curl', '-s', '-w', '%{http_code}\\n', '10.96.0.1'], stdout: '000\n', exit: 7 },
  { name: '-w several variables', argv: ['curl', '-so', '/dev/null', '-w', '%{http_code} %{remote_ip}:%{remote_port} %{url_effective} %{size_download} %{method} 100%%', 'www.exam.com/v1'], stdout: `200 172.25.250.50:80 http://www.exam.com/v1 ${hello.length} GET 100%` },
  { name: '-w unknown variable', argv: ['curl', '-s', '-o', '/dev/null', '-w', '%{nope}x', '172.25.250.50'], stdout: 'x', stderr: "curl: unknown --write-out variable: 'nope'\n" },
  { name: '-f on 404', argv: ['curl', '-f', '172.25.250.51/missing'], stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exit: 22 },
  { name: 'without -f a 404 prints its body', argv: ['curl', '172.25.250.51/missing'], stdout: '404 page\n' },
  { name: '-i headers with CRLF', argv: ['curl', '-i', '172.25.250.50'], stdout: `HTTP/1.1 200 OK\r\nServer: nginx/1.12.2\r\nContent-Type: text/html\r\nContent-Length: ${hello.length}\r\n\r\n${hello}` },
  { name: '-I headers only', argv: ['curl', '-I', '172.25.250.50'], stdout: `HTTP/1.1 200 OK\r\nServer: nginx/1.12.2\r\nContent-Type: text/html\r\nContent-Length: ${hello.length}\r\n\r\n` },
  { name: 'unknown long option', argv: ['curl', '--foo', 'x'], stderr: `curl: option --foo: is unknown\n${TRY}`, exit: 2 },
  { name: 'unknown short option', argv: ['curl', '-Q', 'x'], stderr: `curl: option -Q: is unknown\n${TRY}`, exit: 2 },
  { name: '--opt=value is not curl syntax', argv: ['curl', '--max-time=5', 'x'], stderr: `curl: option --max-time=5: is unknown\n${TRY}`, exit: 2 },
  { name: 'missing parameter', argv: ['curl', 'x', '-H'], stderr: `curl: option -H: requires parameter\n${TRY}`, exit: 2 },
  { name: 'no URL', argv: ['curl', '-s'], stderr: `curl: no URL specified!\n${TRY}`, exit: 2 },
  { name: 'bad max-time', argv: ['curl', '-m', 'abc', 'x'], stderr: `curl: option -m: expected a proper numerical parameter\n${TRY}`, exit: 2 },
  { name: 'unsupported scheme', argv: ['curl', 'ftp://x/'], stderr: 'curl: (1) Protocol "ftp" not supported or disabled in libcurl\n', exit: 1 },
  { name: '--resolve skips DNS', argv: ['curl', '--resolve', 'shop.example:80:172.25.250.50', 'http://shop.example/'], stdout: hello },
  { name: '--resolve only for its port', argv: ['curl', '--resolve', 'shop.example:8080:172.25.250.50', 'http://shop.example/'], stderr: 'curl: (6) Could not resolve host: shop.example\n', exit: 6 },
];

for (const c of cases) {
  test(`curl: ${c.name}`, async () => {
    const { net, elapsed } = fakeNetwork(answers, names);
    const out = await runCurl(c.argv, net, fakeFiles(), '172.25.250.200');
    if (c.stdout !== undefined) assert.equal(out.stdout, c.stdout);
    if (c.stderr !== undefined) assert.equal(out.stderr, c.stderr);
    assert.equal(out.exitCode, c.exit ?? 0);
    if (c.elapsed !== undefined) assert.equal(elapsed(), c.elapsed);
  });
}

test('curl: request line, default headers, -H, -A and attached -u in combined flags', async () => {
  const { net, sent } = fakeNetwork(answers, names);
  await runCurl(['curl', '-sH', 'version: 2', '-uhowe:redhat', 'www.exam.com/v1?x=1#frag'], net, fakeFiles(), '');
  const r = sent[0]!;
  assert.equal(r.method, 'GET');
  assert.equal(r.path, '/v1?x=1');
  assert.deepEqual(Object.keys(r.headers), ['host', 'authorization', 'user-agent', 'accept', 'version']);
  assert.equal(r.headers.authorization, 'Basic aG93ZTpyZWRoYXQ=');
  assert.equal(r.headers['user-agent'], 'curl/7.76.1');
  assert.equal(r.headers.version, '2');
  await runCurl(['curl', '-A', 'lab', '-H', 'Accept:', '-H', 'Host: other', '172.25.250.50:80'], net, fakeFiles(), '');
  assert.equal(sent[1]!.headers['user-agent'], 'lab');
  assert.equal(sent[1]!.headers.accept, undefined);
  assert.equal(sent[1]!.headers.host, 'other');
});

test('curl: -d posts form data; -X overrides the method', async () => {
  const { net, sent } = fakeNetwork(answers, names);
  await runCurl(['curl', '-d', 'a=1', '-d', 'b=2', '172.25.250.50'], net, fakeFiles(), '');
  assert.equal(sent[0]!.method, 'POST');
  assert.equal(sent[0]!.body, 'a=1&b=2');
  assert.equal(sent[0]!.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(sent[0]!.headers['content-length'], '7');
  await runCurl(['curl', '-X', 'DELETE', '172.25.250.50'], net, fakeFiles(), '');
  assert.equal(sent[1]!.method, 'DELETE');
});

test('curl: -o writes the body to a work-folder file and prints nothing', async () => {
  const { net } = fakeNetwork(answers, names);
  const files = fakeFiles();
  const out = await runCurl(['curl', '-o', 'page.html', '172.25.250.50'], net, files, '');
  assert.equal(out.stdout, '');
  assert.equal(files.files['page.html'], hello);
});

test('curl: -v prints connection notes, > request and < response lines on stderr', async () => {
  const { net } = fakeNetwork(answers, names);
  const out = await runCurl(['curl', '-v', 'www.exam.com'], net, fakeFiles(), '');
  assert.equal(out.stdout, hello);
  assert.equal(out.stderr, [
    '*   Trying 172.25.250.50:80...',
    '* Connected to www.exam.com (172.25.250.50) port 80 (#0)',
    '> GET / HTTP/1.1', '> Host: www.exam.com', '> User-Agent: curl/7.76.1', '> Accept: */*', '> ',
    '< HTTP/1.1 200 OK', '< Server: nginx/1.12.2', '< Content-Type: text/html', `< Content-Length: ${hello.length}`, '< ',
    '* Connection #0 to host www.exam.com left intact', '',
  ].join('\n'));
});

test('curl: -v on a refused connection', async () => {
  const { net } = fakeNetwork(answers, names);
  const out = await runCurl(['curl', '-v', '10.96.0.1'], net, fakeFiles(), '');
  assert.equal(out.stderr, [
    '*   Trying 10.96.0.1:80...',
    '* connect to 10.96.0.1 port 80 failed: Connection refused',
    '* Failed to connect to 10.96.0.1 port 80: Connection refused',
    '* Closing connection 0',
    'curl: (7) Failed to connect to 10.96.0.1 port 80: Connection refused', '',
  ].join('\n'));
});

test('curl: each attempt is an HttpExchange; the next address is tried after a refusal', async () => {
  const { net } = fakeNetwork(answers, { 'multi.exam.com': ['10.96.0.1', '172.25.250.50'] });
  const out = await runCurl(['curl', 'multi.exam.com'], net, fakeFiles(), '');
  assert.equal(out.exitCode, 0);
  assert.equal(out.stdout, hello);
  assert.equal(out.http.length, 2);
  assert.equal(out.http[0]!.failure?.kind, 'refused');
  assert.equal(out.http[1]!.response?.status, 200);
});
