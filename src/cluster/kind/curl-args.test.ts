import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curlInvocations, instrumentCurl, splitDumps, DUMP_MARKER } from './curl-args.ts';

const ARG_CASES: { name: string; line: string; want: Partial<ReturnType<typeof curlInvocations>[number]>[] }[] = [
  { name: 'plain URL: GET, nothing else', line: 'curl 172.25.250.50/hostname.html', want: [{ urls: ['172.25.250.50/hostname.html'], method: 'GET', follow: false, include: false, headers: [] }] },
  { name: 'a short-option cluster and an attached -u value', line: 'curl -Lk https://www.exam.com -uhowe:redhat', want: [{ urls: ['https://www.exam.com'], follow: true, user: 'howe:redhat' }] },
  { name: "-H in single quotes keeps its spaces", line: "curl -H 'Host: nobody.exam.com' 172.25.250.50/v1", want: [{ urls: ['172.25.250.50/v1'], headers: [['Host', 'nobody.exam.com']] }] },
  { name: '-i, --max-time with its value not taken for a URL', line: 'curl -k -i --max-time 2 https://www.exam.com', want: [{ urls: ['https://www.exam.com'], include: true }] },
  { name: '-I is a HEAD without a body on stdout; -d makes a POST', line: 'curl -I a.com; curl -d x=1 b.com', want: [{ method: 'HEAD', bodyToFile: true }, { method: 'POST', data: 'x=1' }] },
  { name: '-o - keeps the body on stdout, -o file does not', line: 'curl -o - a.com && curl -so out.html b.com', want: [{ bodyToFile: false }, { bodyToFile: true }] },
  { name: 'curl inside a loop and after a pipe-free prefix', line: 'for i in 1 2; do curl -s www.exam.com; done | sort', want: [{ urls: ['www.exam.com'] }] },
  { name: 'a word "curl" inside quotes is not a curl', line: "echo 'curl x' | grep curl", want: [] },
];
for (const c of ARG_CASES) {
  test(`args: ${c.name}`, () => {
    const got = curlInvocations(c.line);
    assert.equal(got.length, c.want.length, JSON.stringify(got));
    c.want.forEach((w, i) => { for (const [k, v] of Object.entries(w)) assert.deepEqual(got[i]![k as keyof typeof w], v, `${k} of curl ${i + 1}`); });
  });
}

test('instrumenting adds -D after each curl only, keeps the exit code, and the dumps split back off stderr', () => {
  const { line, count } = instrumentCurl("curl -s a.com/x && echo 'curl' ; curl -k https://b.com", (i) => `/tmp/h${i}`);
  assert.equal(count, 2);
  assert.equal(line, `rm -f /tmp/h0 /tmp/h1\ncurl -D /tmp/h0 -s a.com/x && echo 'curl' ; curl -D /tmp/h1 -k https://b.com\n__kubelab_rc=$?; ` +
    `printf '\\n${DUMP_MARKER} %s\\n' /tmp/h0 >&2; cat /tmp/h0 >&2 2>/dev/null; rm -f /tmp/h0; printf '\\n${DUMP_MARKER} %s\\n' /tmp/h1 >&2; cat /tmp/h1 >&2 2>/dev/null; rm -f /tmp/h1; exit $__kubelab_rc`);
  assert.deepEqual(instrumentCurl('kubectl get svc', () => 'x'), { line: 'kubectl get svc', count: 0 });
  const stderr = `warning: x\n\n${DUMP_MARKER} /tmp/h0\nHTTP/1.1 200 OK\r\n\r\n\n${DUMP_MARKER} /tmp/h1\n`;
  assert.deepEqual(splitDumps(stderr, 2), { stderr: 'warning: x\n', dumps: ['HTTP/1.1 200 OK\r\n\r\n', ''] });
  assert.deepEqual(splitDumps(`\n${DUMP_MARKER} /tmp/h0\n`, 1), { stderr: '', dumps: [''] });
});
