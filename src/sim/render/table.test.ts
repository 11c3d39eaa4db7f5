import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTable } from './table.ts';

// Go text/tabwriter(minwidth 6, tabwidth 4, padding 3): column = max(widest cell + 3, 6); last column unpadded.
const cases: { name: string; headers: string[]; rows: string[][]; want: string }[] = [
  {
    name: 'reference §6.1 services example',
    headers: ['name', 'type', 'cluster-ip', 'external-ip', 'port(s)', 'age'],
    rows: [
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '5d'],
      ['my-db', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '2m'],
      ['nginx', 'NodePort', '10.107.181.221', '<none>', '80:31502/TCP', '10m'],
    ],
    want:
      'NAME         TYPE           CLUSTER-IP       EXTERNAL-IP               PORT(S)        AGE\n' +
      'kubernetes   ClusterIP      10.96.0.1        <none>                    443/TCP        5d\n' +
      'my-db        ExternalName   <none>           my.database.example.com   <none>         2m\n' +
      'nginx        NodePort       10.107.181.221   <none>                    80:31502/TCP   10m\n',
  },
  {
    name: 'short cells are padded to minwidth 6',
    headers: ['a', 'b'],
    rows: [['x', 'y']],
    want: 'A     B\nx     y\n',
  },
  {
    name: 'no headers prints rows only (--no-headers)',
    headers: [],
    rows: [['howe', '1/1']],
    want: 'howe   1/1\n',
  },
];

for (const c of cases) test(`renderTable: ${c.name}`, () => assert.equal(renderTable(c.headers, c.rows), c.want));
