import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../../simulation.ts';
import { kubectl } from './kubectl.ts';
import { ObjectStore } from '../../store.ts';
import type { KubeEvent } from '../../../model/core.ts';
import { eventPrinter } from './printers/cluster.ts';

// Expected layout: kubectl v1.31 pkg/cmd/get/get.go Run (printWithKind only when the returned objects are of
// several kinds or --show-kind; a blank line between tables only with headers; NAMESPACE only on namespaced
// resources; "No resources found in <ns> namespace." whatever the scope), delete.go (stdout "No resources found"),
// cli-runtime tableprinter.go decorateTable (-L columns), printers.go printEvent.
async function lab(setup: string[]) {
  const sim = new Simulation({ seed: 7 });
  const workdir = mkdtempSync(join(tmpdir(), 'kubectl-get-'));
  const run = (line: string) => kubectl(['kubectl', ...line.split(' ')], { sim, source: { kind: 'node', node: 'k8s-master', ip: '172.25.250.100' }, workdir, stdin: '' });
  for (const line of setup) assert.equal((await run(line)).exitCode, 0, line);
  return run;
}
const HOWE = ['create deployment howe --image myapp:v1 --replicas 1', 'label deployment howe tier=web'];
const firstCells = (stdout: string) => stdout.split('\n').map((l) => l.split(/\s+/)[0]);

const cases: { name: string; setup: string[]; line: string; check: (r: { stdout: string; stderr: string; exitCode: number }) => void }[] = [
  {
    name: 'two kinds returned: kind prefixes and one blank line between the tables',
    setup: HOWE,
    line: 'get deploy,svc',
    check: (r) => {
      const blocks = r.stdout.split('\n\n');
      assert.equal(blocks.length, 2);
      assert.deepEqual(firstCells(blocks[0]!).slice(0, 2), ['NAME', 'deployment.apps/howe']);
      assert.deepEqual(firstCells(blocks[1]!).slice(0, 2), ['NAME', 'service/kubernetes']);
    },
  },
  {
    name: 'two kinds requested, one returned: no prefixes, no blank line',
    setup: [],
    line: 'get deploy,svc',
    check: (r) => {
      assert.equal(r.stderr, '');
      assert.deepEqual(firstCells(r.stdout), ['NAME', 'kubernetes', '']);
    },
  },
  {
    name: '--no-headers: tables follow each other without a blank line',
    setup: HOWE,
    line: 'get deploy,svc --no-headers',
    check: (r) => assert.deepEqual(firstCells(r.stdout), ['deployment.apps/howe', 'service/kubernetes', '']),
  },
  { name: '--show-kind on one kind', setup: [], line: 'get svc --show-kind', check: (r) => assert.deepEqual(firstCells(r.stdout), ['NAME', 'service/kubernetes', '']) },
  {
    name: '-A: no NAMESPACE column on a cluster-scoped resource',
    setup: [],
    line: 'get nodes -A',
    check: (r) => assert.match(r.stdout, /^NAME +STATUS +ROLES +AGE +VERSION\n/),
  },
  {
    name: '-A: NAMESPACE column on namespaced resources',
    setup: [],
    line: 'get svc -A',
    check: (r) => assert.match(r.stdout, /^NAMESPACE +NAME +TYPE/),
  },
  {
    name: 'nothing found, even of a cluster-scoped resource, names the namespace',
    setup: [],
    line: 'get ingressclass',
    check: (r) => assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', 'No resources found in default namespace.\n', 0]),
  },
  { name: 'nothing found under -A', setup: [], line: 'get pods -A -l app=none', check: (r) => assert.equal(r.stderr, 'No resources found\n') },
  {
    name: '-L adds a column per label key, headed by its upper-cased last segment',
    setup: HOWE,
    line: 'get deploy -L tier,app.kubernetes.io/name',
    check: (r) => {
      assert.match(r.stdout, /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +TIER +NAME\n/);
      assert.match(r.stdout.split('\n')[1]!, / web +$/);
    },
  },
  {
    name: 'get all: pods, services, deployments and replicasets, each with its kind',
    setup: HOWE,
    line: 'get all',
    check: (r) => {
      const kinds = r.stdout.split('\n\n').map((b) => firstCells(b)[1]!.split('/')[0]);
      assert.deepEqual(kinds, ['pod', 'service', 'deployment.apps', 'replicaset.apps']);
    },
  },
  {
    name: 'delete by a selector that matches nothing prints on stdout',
    setup: [],
    line: 'delete pods -l app=none',
    check: (r) => assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['No resources found\n', '', 0]),
  },
];

for (const c of cases) {
  test(`kubectl get tables: ${c.name}`, async () => {
    const run = await lab(c.setup);
    c.check(await run(c.line));
  });
}

const NOW = new Date('2024-09-06T06:24:57Z');
const event = (extra: Record<string, unknown>): KubeEvent =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'howe.17f2', namespace: 'default', creationTimestamp: '2024-09-06T06:00:00Z' },
    involvedObject: { kind: 'Pod', name: 'howe-1', fieldPath: 'spec.containers{myapp}' },
    type: 'Normal',
    reason: 'Pulled',
    message: ' Container image "myapp:v1" already present on machine \n',
    source: { component: 'kubelet', host: 'k8s-node1' },
    ...extra,
  }) as unknown as KubeEvent;
const eventCases: { name: string; event: KubeEvent; wide: boolean; want: string[] }[] = [
  {
    name: 'no lastTimestamp: LAST SEEN is the first; trimmed message',
    event: event({ firstTimestamp: '2024-09-06T06:19:57Z' }),
    wide: false,
    want: ['5m', 'Normal', 'Pulled', 'pod/howe-1', 'Container image "myapp:v1" already present on machine'],
  },
  {
    name: 'wide: subobject, "component, host", count 1 when unset, the event name',
    event: event({ firstTimestamp: '2024-09-06T06:14:57Z', lastTimestamp: '2024-09-06T06:23:57Z' }),
    wide: true,
    want: ['60s', 'Normal', 'Pulled', 'pod/howe-1', 'spec.containers{myapp}', 'kubelet, k8s-node1', 'Container image "myapp:v1" already present on machine', '10m', '1', 'howe.17f2'],
  },
  {
    name: 'a series overrides last seen and count',
    event: event({ firstTimestamp: '2024-09-06T06:14:57Z', count: 3, series: { count: 7, lastObservedTime: '2024-09-06T06:24:27.000000Z' } }),
    wide: true,
    want: ['30s', 'Normal', 'Pulled', 'pod/howe-1', 'spec.containers{myapp}', 'kubelet, k8s-node1', 'Container image "myapp:v1" already present on machine', '10m', '7', 'howe.17f2'],
  },
];
for (const c of eventCases) {
  test(`printEvent: ${c.name}`, () => {
    assert.deepEqual(eventPrinter.row(c.event, { now: NOW, store: new ObjectStore(), wide: c.wide }), c.want);
  });
}
