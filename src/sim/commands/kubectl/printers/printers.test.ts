import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ObjectStore } from '../../../store.ts';
import { BUILT_IN_RESOURCES, type ResourceType } from '../../../kinds.ts';
import type { KubeObject } from '../../../../model/meta.ts';
import type { Service, Pod, Endpoints } from '../../../../model/core.ts';
import { renderObjectTable, type TableOptions } from './table.ts';
import { assertGolden } from '../../../render/golden.ts';

const NOW = new Date('2024-09-06T06:24:57Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const type = (kind: string) => BUILT_IN_RESOURCES.find((t) => t.kind === kind) as ResourceType;
const plain: TableOptions = { withNamespace: false, withKind: false, showLabels: false, noHeaders: false };

function svc(name: string, spec: Service['spec'], created: number, extra: Partial<Service> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', creationTimestamp: ago(created) }, spec, ...extra };
}
function pod(name: string, ip: string, node: string, created: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(created), labels: { app: 'howe', 'pod-template-hash': '7b74f758bd' } },
    spec: { containers: [{ name: 'myapp', image: 'myapp:v1' }], nodeName: node },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], containerStatuses: [{ name: 'myapp', image: 'myapp:v1', ready: true, restartCount: 0, state: { running: { startedAt: ago(created) } } }] },
  };
}
const kubernetesSvc = (age: number) => svc('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }, age);
const howeSvc = svc('howe', { type: 'ClusterIP', clusterIP: '10.98.224.15', clusterIPs: ['10.98.224.15'], selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }, 21 * MIN);
const ep = (addresses: string[], ports: number[]): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'howe', namespace: 'default', creationTimestamp: ago(5 * MIN) },
  subsets: [{ addresses: addresses.map((ip) => ({ ip })), ports: ports.map((port) => ({ port, protocol: 'TCP' })) }],
});

// Expected tables: the tutorial's transcripts (seed/tutorial-services-ingress.zh.txt §二, §4.1, §4.2, §4.5, §4.6)
// and reference k8s-services.md §6, laid out by the tabwriter rule (checked by hand against those cells).
const cases: { name: string; kind: string; objects: KubeObject[]; wide?: boolean; opts?: Partial<TableOptions> }[] = [
  { name: 'services-wide', kind: 'Service', wide: true, objects: [howeSvc, kubernetesSvc(2 * DAY + 23 * HOUR)] },
  { name: 'services', kind: 'Service', objects: [svc('howe', howeSvc.spec, 32_000), kubernetesSvc(2 * DAY + 22 * HOUR)] },
  {
    name: 'kube-system-services',
    kind: 'Service',
    objects: [
      svc('kube-dns', { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }] }, 3 * DAY + 2 * HOUR),
    ],
  },
  {
    name: 'external-ip-cases',
    kind: 'Service',
    objects: [
      svc('externalname', { type: 'ExternalName', externalName: 'www.baidu.com', ports: [{ port: 80, protocol: 'TCP' }] }, 14_000),
      svc('howe-service', { type: 'NodePort', clusterIPs: ['10.96.182.56'], ports: [{ port: 80, protocol: 'TCP', nodePort: 31502 }] }, 42 * HOUR),
      svc('lb-many', { type: 'LoadBalancer', clusterIPs: ['10.99.1.2'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30001 }] }, 5_000, { status: { loadBalancer: { ingress: [{ ip: '172.25.250.51' }, { ip: '172.25.250.50' }] } } }),
      svc('lb-pending', { type: 'LoadBalancer', clusterIPs: ['10.96.28.238'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30952 }] }, 5_000),
      svc('loadbalancer', { type: 'LoadBalancer', clusterIPs: ['10.99.217.26'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30908 }] }, 94_000, { status: { loadBalancer: { ingress: [{ ip: '172.25.250.50', ipMode: 'VIP' }] } } }),
      svc('superhowe', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }] }, 36_000),
      svc('with-external-ips', { type: 'ClusterIP', clusterIPs: ['10.96.5.5'], externalIPs: ['192.0.2.7'], ports: [{ port: 80, protocol: 'TCP' }] }, 36_000),
    ],
  },
  { name: 'pods-wide', kind: 'Pod', wide: true, objects: [pod('howe-7b74f758bd-6k5xr', '10.244.57.221', 'k8s-node1.exam.com', 7 * MIN + 6_000), pod('howe-7b74f758bd-wb97k', '10.244.57.222', 'k8s-node1.exam.com', 7 * MIN + 6_000)] },
  { name: 'pods-all-namespaces-labels', kind: 'Pod', opts: { withNamespace: true, showLabels: true }, objects: [pod('howe-7b74f758bd-6k5xr', '10.244.1.2', 'k8s-node1', 30_000)] },
  { name: 'endpoints-more', kind: 'Endpoints', objects: [ep(['10.244.1.10', '10.244.1.2', '10.244.2.4', '10.244.2.5', '10.244.2.6'], [80])] },
  { name: 'endpoints-none', kind: 'Endpoints', objects: [{ ...ep([], []), subsets: [] }] },
];

for (const c of cases) {
  test(`get table golden: ${c.name}`, () => {
    const text = renderObjectTable(type(c.kind), c.objects, { ...plain, ...c.opts }, { now: NOW, store: new ObjectStore(), wide: c.wide ?? false });
    assertGolden(fileURLToPath(new URL(`testdata/${c.name}.txt`, import.meta.url)), text, process.env);
  });
}

test('tutorial row cells survive the layout (kube-dns)', () => {
  const text = renderObjectTable(type('Service'), cases[2]!.objects, plain, { now: NOW, store: new ObjectStore(), wide: false });
  assert.deepEqual(text.split('\n')[1]!.split(/\s+/), ['kube-dns', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP,9153/TCP', '3d2h']);
});

test('LoadBalancer IPs are sorted and cut to 16 characters unless wide', () => {
  const lb = cases[3]!.objects[2]!;
  const narrow = renderObjectTable(type('Service'), [lb], plain, { now: NOW, store: new ObjectStore(), wide: false });
  const wide = renderObjectTable(type('Service'), [lb], plain, { now: NOW, store: new ObjectStore(), wide: true });
  assert.match(narrow, / 172\.25\.250\.50\.\.\. /);
  assert.match(wide, / 172\.25\.250\.50,172\.25\.250\.51 /);
});

test('selectors print with requirements sorted by key, matchLabels and expressions together', async () => {
  const { selectorString } = await import('./workloads.ts');
  assert.equal(selectorString({ matchLabels: { tier: 'web', app: 'howe' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'zone', operator: 'DoesNotExist' }] }), 'app=howe,env in (dev,prod),tier=web,!zone');
  assert.equal(selectorString({}), '<none>');
});
