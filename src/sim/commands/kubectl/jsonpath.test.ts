import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeJsonPath } from './jsonpath.ts';

const svc = {
  metadata: { name: 'howe', labels: { app: 'howe' } },
  spec: { clusterIP: '10.98.224.15', ports: [{ port: 80, nodePort: 31502 }, { port: 443, nodePort: 31161 }] },
  status: { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } },
};
const node = { status: { addresses: [{ type: 'InternalIP', address: '172.25.250.100' }, { type: 'Hostname', address: 'k8s-master' }] } };
const list = { items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] };

const cases: { name: string; template: string; data: unknown; want: string }[] = [
  { name: 'scalar field', template: '{.spec.clusterIP}', data: svc, want: '10.98.224.15' },
  { name: 'array index', template: '{.spec.ports[0].nodePort}', data: svc, want: '31502' },
  { name: 'wildcard joins with spaces', template: '{.spec.ports[*].port}', data: svc, want: '80 443' },
  { name: 'LB ip (the MetalLB check)', template: '{.status.loadBalancer.ingress[0].ip}', data: svc, want: '172.25.250.50' },
  { name: 'maps print as JSON', template: '{.metadata.labels}', data: svc, want: '{"app":"howe"}' },
  { name: 'missing field prints nothing', template: '{.spec.externalName}', data: svc, want: '' },
  { name: 'filter', template: '{.status.addresses[?(@.type=="InternalIP")].address}', data: node, want: '172.25.250.100' },
  { name: 'range with literal newline', template: '{range .items[*]}{.metadata.name}{"\\n"}{end}', data: list, want: 'a\nb\n' },
  { name: 'text around actions', template: 'ip={.spec.clusterIP}!', data: svc, want: 'ip=10.98.224.15!' },
];

for (const c of cases) test(`jsonpath: ${c.name}`, () => assert.equal(executeJsonPath(c.template, c.data), c.want));
