import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellMatches, findRow, parseTables } from './kubectl-table.ts';

// Layouts from k8s-services.md §6.1 / §6.3 (tabwriter, padding 3).
const services = [
  'NAME         TYPE           CLUSTER-IP       EXTERNAL-IP               PORT(S)        AGE',
  'kubernetes   ClusterIP      10.96.0.1        <none>                    443/TCP        5d',
  'my-db        ExternalName   <none>           my.database.example.com   <none>         2m',
  'nginx        NodePort       10.107.181.221   <none>                    80:31502/TCP   10m',
  'web-hl       ClusterIP      None             <none>                    80/TCP         1m',
  'web-lb       LoadBalancer   10.96.28.238     <pending>                 80:30952/TCP   5s',
  '',
].join('\n');

const pods = [
  'NAME                    READY   STATUS    RESTARTS     AGE    IP            NODE        NOMINATED NODE   READINESS GATES',
  'howe-7b74f758bd-6k5xr   1/1     Running   0            7m6s   10.244.1.8    k8s-node1   <none>           <none>',
  'howe-7b74f758bd-wb97k   1/1     Running   2 (5m ago)   7m6s   10.244.2.11   k8s-node2   <none>           <none>',
  '',
].join('\n');

const ingress = [
  'NAME       CLASS   HOSTS          ADDRESS   PORTS   AGE',
  'ingress1   nginx   www.exam.com             80      3s',
  '',
].join('\n');

test('parses columns with spaces in names and cells', () => {
  const [table] = parseTables(pods);
  assert.deepEqual(table!.columns, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  assert.equal(table!.rows[1]!['RESTARTS'], '2 (5m ago)');
  assert.equal(table!.rows[1]!['READINESS GATES'], '<none>');
});

test('keeps an empty cell empty', () => {
  assert.equal(parseTables(ingress)[0]!.rows[0]!['ADDRESS'], '');
  assert.equal(parseTables(ingress)[0]!.rows[0]!['PORTS'], '80');
});

test('reads several tables and skips warning lines', () => {
  const text = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' + services + '\n' + pods;
  const tables = parseTables(text);
  assert.equal(tables.length, 2);
  assert.equal(tables[0]!.rows.length, 5);
});

const searches = [
  { name: 'literal cells', expected: [['NAME', 'nginx'], ['TYPE', 'NodePort'], ['PORT(S)', '80:31502/TCP']], ok: true },
  { name: 'a regular expression', expected: [['NAME', 'web-lb'], ['PORT(S)', '/^80:3\\d{4}\\/TCP$/']], ok: true },
  { name: 'column names ignore case', expected: [['name', 'web-hl'], ['cluster-ip', 'None']], ok: true },
  { name: 'a value that differs', expected: [['NAME', 'web-lb'], ['EXTERNAL-IP', '172.25.250.50']], ok: false,
    message: /no row has NAME=web-lb, EXTERNAL-IP=172.25.250.50; the closest row \(NAME web-lb\): EXTERNAL-IP is "<pending>", not "172.25.250.50"/ },
  { name: 'an unknown column', expected: [['SELECTOR', 'app=howe']], ok: false, message: /no table has the column\(s\) SELECTOR; the columns are: NAME, TYPE/ },
];

for (const c of searches) {
  test(`findRow: ${c.name}`, () => {
    const got = findRow(services, c.expected.map(([column, value]) => ({ column: column!, value: value! })));
    assert.equal(got.ok, c.ok);
    if (!got.ok && c.message) assert.match(got.message, c.message);
  });
}

test('findRow on text without a table says so', () => {
  const got = findRow('No resources found in default namespace.\n', [{ column: 'NAME', value: 'x' }]);
  assert.equal(got.ok, false);
  assert.match(got.ok ? '' : got.message, /has no table/);
});

const cells = [
  { actual: '10.96.0.1', expected: '10.96.0.1', ok: true },
  { actual: '10.96.0.10', expected: '10.96.0.1', ok: false },
  { actual: 'howe-7b74f758bd-6k5xr', expected: '/^howe-[a-z0-9]+-[a-z0-9]{5}$/', ok: true },
  { actual: 'HOWE', expected: '/howe/i', ok: true },
];

for (const c of cells) {
  test(`cellMatches ${c.actual} ~ ${c.expected}`, () => assert.equal(cellMatches(c.actual, c.expected), c.ok));
}
