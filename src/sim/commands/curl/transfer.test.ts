import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCurl } from './run-curl.ts';
import { fakeNetwork, fakeFiles, selfSignedPem, signedPem, type FakeAnswer } from './curl-fixture.ts';
import { CA_CERT_HELP } from './messages.ts';

const redirect = (status: number, location: string): FakeAnswer => ({ kind: 'http', respond: () => ({ status, reason: 'Moved', headers: { location }, body: 'moved\n' }) });

test('curl -L: relative and absolute Locations, credentials only to the first host', async () => {
  const answers: Record<string, FakeAnswer> = {
    '172.25.250.50:80': { kind: 'http', respond: (r) => (r.path === '/' ? { status: 302, reason: 'Moved Temporarily', headers: { location: '/hostname.html' } } : r.path === '/hostname.html' ? { status: 301, reason: 'Moved Permanently', headers: { location: 'http://other.exam.com/final' } } : { body: 'nope\n' }) },
    '172.25.250.60:80': { kind: 'http', respond: () => ({ body: 'myapp-v1-7479d6c54d-dlz6f\n' }) },
  };
  const { net, sent } = fakeNetwork(answers, { 'www.exam.com': ['172.25.250.50'], 'other.exam.com': ['172.25.250.60'] });
  const out = await runCurl(['curl', '-L', '-uhowe:redhat', '-w', '%{num_redirects} %{url_effective}', 'www.exam.com'], net, fakeFiles(), '');
  assert.equal(out.stdout, 'myapp-v1-7479d6c54d-dlz6f\n2 http://other.exam.com/final');
  assert.deepEqual(sent.map((r) => `${r.headers.host}${r.path}`), ['www.exam.com/', 'www.exam.com/hostname.html', 'other.exam.com/final']);
  assert.deepEqual(sent.map((r) => r.headers.authorization !== undefined), [true, true, false]);
  assert.equal(out.http.length, 3);
});

test('curl -L --location-trusted sends credentials to every host', async () => {
  const answers = { '172.25.250.50:80': redirect(302, 'http://other.exam.com/'), '172.25.250.60:80': { kind: 'http', respond: () => ({ body: 'x' }) } } as Record<string, FakeAnswer>;
  const { net, sent } = fakeNetwork(answers, { 'www.exam.com': ['172.25.250.50'], 'other.exam.com': ['172.25.250.60'] });
  await runCurl(['curl', '--location-trusted', '-u', 'howe:redhat', 'www.exam.com'], net, fakeFiles(), '');
  assert.ok(sent[1]!.headers.authorization);
});

const methodCases: { status: number; argv: string[]; method: string; body: boolean }[] = [
  { status: 301, argv: ['-d', 'a=1'], method: 'GET', body: false },
  { status: 302, argv: ['-d', 'a=1'], method: 'GET', body: false },
  { status: 303, argv: ['-d', 'a=1'], method: 'GET', body: false },
  { status: 307, argv: ['-d', 'a=1'], method: 'POST', body: true },
  { status: 308, argv: ['-d', 'a=1'], method: 'POST', body: true },
  { status: 302, argv: ['-X', 'PUT', '-d', 'a=1'], method: 'PUT', body: false },
  { status: 303, argv: ['-I'], method: 'HEAD', body: false },
];
for (const c of methodCases) {
  test(`curl -L: ${c.status} after ${c.argv.join(' ')} → ${c.method}`, async () => {
    const answers: Record<string, FakeAnswer> = { '172.25.250.50:80': { kind: 'http', respond: (r) => (r.path === '/a' ? { status: c.status, headers: { location: '/b' } } : { body: 'done' }) } };
    const { net, sent } = fakeNetwork(answers);
    await runCurl(['curl', '-sL', ...c.argv, '172.25.250.50/a'], net, fakeFiles(), '');
    assert.equal(sent[1]!.method, c.method);
    assert.equal(sent[1]!.body !== undefined, c.body);
  });
}

test('curl -L stops at --max-redirs with (47)', async () => {
  const { net, sent } = fakeNetwork({ '172.25.250.50:80': redirect(302, '/loop') });
  const out = await runCurl(['curl', '-L', '--max-redirs', '3', '172.25.250.50/'], net, fakeFiles(), '');
  assert.equal(out.stderr, 'curl: (47) Maximum (3) redirects followed\n');
  assert.equal(out.exitCode, 47);
  assert.equal(sent.length, 4);
});

test('curl without -L prints the redirect body; -i shows every hop with -L', async () => {
  const answers: Record<string, FakeAnswer> = { '172.25.250.50:80': { kind: 'http', respond: (r) => (r.path === '/' ? { status: 302, reason: 'Moved Temporarily', headers: { location: '/x' }, body: 'moved\n' } : { body: 'final\n' }) } };
  const { net } = fakeNetwork(answers);
  assert.equal((await runCurl(['curl', '172.25.250.50'], net, fakeFiles(), '')).stdout, 'moved\n');
  const out = await runCurl(['curl', '-iL', '172.25.250.50'], net, fakeFiles(), '');
  assert.equal(out.stdout, 'HTTP/1.1 302 Moved Temporarily\r\nLocation: /x\r\n\r\nHTTP/1.1 200 OK\r\n\r\nfinal\n');
});

test('curl https: self-signed certificate fails with (60) and the CA paragraph; -k accepts it', async () => {
  const cert = await selfSignedPem({ cn: 'nginxsvc', o: 'nginxsvc' });
  const answers: Record<string, FakeAnswer> = { '172.25.250.50:443': { kind: 'http', certPem: cert.pem, ingress: true, respond: () => ({ headers: { 'content-type': 'text/html' }, body: 'Hello MyApp | Version: v1\n' }) } };
  const { net, sent } = fakeNetwork(answers, { 'www.exam.com': ['172.25.250.50'] });
  const failed = await runCurl(['curl', 'https://www.exam.com'], net, fakeFiles(), '');
  assert.equal(failed.exitCode, 60);
  assert.equal(failed.stderr, `curl: (60) SSL certificate problem: self-signed certificate\n${CA_CERT_HELP}`);
  assert.equal(failed.stdout, '');
  assert.equal(failed.http[0]!.response, undefined);
  assert.equal(failed.http[0]!.failure?.kind, 'tls');
  assert.equal(sent[0]!.sni, 'www.exam.com');
  const ok = await runCurl(['curl', '-k', 'https://www.exam.com'], net, fakeFiles(), '');
  assert.equal(ok.stdout, 'Hello MyApp | Version: v1\n');
  const head = await runCurl(['curl', '-kI', 'https://www.exam.com'], net, fakeFiles(), '');
  assert.equal(head.stdout, 'HTTP/2 200 \r\ncontent-type: text/html\r\n\r\n');
  const h1 = await runCurl(['curl', '-kI', '--http1.1', 'https://www.exam.com'], net, fakeFiles(), '');
  assert.equal(h1.stdout, 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n');
});

test('curl https: no SNI for an IP literal', async () => {
  const cert = await selfSignedPem({ cn: 'x' });
  const { net, sent } = fakeNetwork({ '172.25.250.50:443': { kind: 'http', certPem: cert.pem, respond: () => ({}) } });
  await runCurl(['curl', '-k', 'https://172.25.250.50/'], net, fakeFiles(), '');
  assert.equal(sent[0]!.sni, undefined);
});

test('curl https with --cacert: trusted chain, then the host name decides', async () => {
  const ca = await selfSignedPem({ cn: 'lab-ca', ca: true });
  const leaf = await signedPem(ca, 'www.exam.com', ['www.exam.com', '*.apps.exam.com']);
  const selfCn = await selfSignedPem({ cn: 'nginxsvc', o: 'nginxsvc' });
  const expired = await selfSignedPem({ cn: 'www.exam.com', notAfter: new Date('2024-09-02T00:00:00Z') });
  const answers: Record<string, FakeAnswer> = {
    '172.25.250.50:443': { kind: 'http', certPem: leaf, respond: () => ({ body: 'secure\n' }) },
    '172.25.250.51:443': { kind: 'http', certPem: selfCn.pem, respond: () => ({ body: 'cn\n' }) },
    '172.25.250.52:443': { kind: 'http', certPem: expired.pem, respond: () => ({ body: 'old\n' }) },
  };
  const names = { 'www.exam.com': ['172.25.250.50'], 'a.apps.exam.com': ['172.25.250.50'], 'other.exam.com': ['172.25.250.50'], 'cn.exam.com': ['172.25.250.51'], 'old.exam.com': ['172.25.250.52'] };
  const { net } = fakeNetwork(answers, names);
  const files = fakeFiles({ 'ca.crt': ca.pem, 'tls.crt': selfCn.pem, 'old.crt': expired.pem });
  const cases: { argv: string[]; stdout?: string; stderr?: string; exit: number }[] = [
    { argv: ['--cacert', 'ca.crt', 'https://www.exam.com'], stdout: 'secure\n', exit: 0 },
    { argv: ['--cacert', 'ca.crt', 'https://a.apps.exam.com'], stdout: 'secure\n', exit: 0 },
    { argv: ['--cacert', 'ca.crt', 'https://other.exam.com'], stderr: `curl: (60) SSL: no alternative certificate subject name matches target host name 'other.exam.com'\n${CA_CERT_HELP}`, exit: 60 },
    { argv: ['https://www.exam.com'], stderr: `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${CA_CERT_HELP}`, exit: 60 },
    { argv: ['--cacert', 'tls.crt', 'https://cn.exam.com'], stderr: `curl: (60) SSL: certificate subject name 'nginxsvc' does not match target host name 'cn.exam.com'\n${CA_CERT_HELP}`, exit: 60 },
    { argv: ['--cacert', 'old.crt', 'https://old.exam.com'], stderr: `curl: (60) SSL certificate problem: certificate has expired\n${CA_CERT_HELP}`, exit: 60 },
    { argv: ['--cacert', 'missing.crt', 'https://www.exam.com'], stderr: 'curl: (77) error setting certificate verify locations:  CAfile: missing.crt CApath: none\n', exit: 77 },
  ];
  for (const c of cases) {
    const out = await runCurl(['curl', ...c.argv], net, files, '');
    assert.equal(out.exitCode, c.exit, c.argv.join(' '));
    if (c.stdout !== undefined) assert.equal(out.stdout, c.stdout, c.argv.join(' '));
    if (c.stderr !== undefined) assert.equal(out.stderr, c.stderr, c.argv.join(' '));
  }
});

test('curl -vk https prints the server certificate and the verify result', async () => {
  const cert = await selfSignedPem({ cn: 'nginxsvc', o: 'nginxsvc' });
  const { net } = fakeNetwork({ '172.25.250.50:443': { kind: 'http', certPem: cert.pem, respond: () => ({ body: 'x' }) } }, { 'www.exam.com': ['172.25.250.50'] });
  const out = await runCurl(['curl', '-vk', 'https://www.exam.com'], net, fakeFiles(), '');
  assert.match(out.stderr, /\* Server certificate:\n\*  subject: CN=nginxsvc; O=nginxsvc\n\*  start date: Sep  1 00:00:00 2024 GMT\n\*  expire date: Sep  1 00:00:00 2025 GMT\n\*  issuer: CN=nginxsvc; O=nginxsvc\n\*  SSL certificate verify result: self-signed certificate \(18\), continuing anyway\.\n/);
});
