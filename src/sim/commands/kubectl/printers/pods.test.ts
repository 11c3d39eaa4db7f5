import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ContainerStatus } from '../../../../model/core.ts';
import { ObjectStore } from '../../../store.ts';
import { podPrinter } from './pods.ts';

// Expected cells: kubernetes pkg/printers/internalversion/printers.go printPod (v1.31) and its
// printers_test.go TestPrintPod cases ("2 (5m ago)"-style restarts, first container's reason wins).
const NOW = new Date('2024-09-06T06:24:57Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
const MIN = 60_000;
const running = (name: string, extra: Record<string, unknown> = {}): ContainerStatus =>
  ({ name, image: 'myapp:v1', ready: true, restartCount: 0, state: { running: { startedAt: ago(MIN) } }, ...extra }) as ContainerStatus;
const withState = (name: string, state: Record<string, unknown>, extra: Record<string, unknown> = {}): ContainerStatus =>
  ({ name, image: 'myapp:v1', ready: false, restartCount: 0, state, ...extra }) as unknown as ContainerStatus;

function pod(statuses: ContainerStatus[], extra: { phase?: 'Running' | 'Succeeded'; deleting?: boolean; ready?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(30 * MIN), ...(extra.deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { containers: statuses.map((s) => ({ name: s.name, image: 'myapp:v1' })), nodeName: 'k8s-node1' },
    status: { phase: extra.phase ?? 'Running', podIPs: [{ ip: '10.244.1.2' }], conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }], containerStatuses: statuses },
  };
}

const cases: { name: string; pod: Pod; ready: string; status: string; restarts: string }[] = [
  { name: 'running, never restarted', pod: pod([running('a')]), ready: '1/1', status: 'Running', restarts: '0' },
  {
    name: 'restarts with the last termination time',
    pod: pod([running('a', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(5 * MIN) } } })]),
    ready: '1/1',
    status: 'Running',
    restarts: '2 (5m ago)',
  },
  {
    name: 'latest termination over all containers, counts summed',
    pod: pod([running('a', { restartCount: 1, lastState: { terminated: { finishedAt: ago(40 * MIN) } } }), running('b', { restartCount: 3, lastState: { terminated: { finishedAt: ago(90_000) } } })]),
    ready: '2/2',
    status: 'Running',
    restarts: '4 (90s ago)',
  },
  { name: 'restarts without a termination record print the bare count', pod: pod([running('a', { restartCount: 1 })]), ready: '1/1', status: 'Running', restarts: '1' },
  {
    name: 'the first container\u2019s waiting reason wins; only running ready containers count',
    pod: pod([withState('a', { waiting: { reason: 'CrashLoopBackOff' } }), withState('b', { waiting: { reason: 'ErrImagePull' } }), running('c')]),
    ready: '1/3',
    status: 'CrashLoopBackOff',
    restarts: '0',
  },
  { name: 'terminated without a reason: ExitCode', pod: pod([withState('a', { terminated: { exitCode: 137 } })]), ready: '0/1', status: 'ExitCode:137', restarts: '0' },
  { name: 'terminated by a signal', pod: pod([withState('a', { terminated: { exitCode: 0, signal: 9 } })]), ready: '0/1', status: 'Signal:9', restarts: '0' },
  {
    name: 'Completed with a container still running and the pod Ready: Running',
    pod: pod([withState('a', { terminated: { exitCode: 0, reason: 'Completed' } }), running('b')]),
    ready: '1/2',
    status: 'Running',
    restarts: '0',
  },
  {
    name: 'Completed with a running container but not Ready: NotReady',
    pod: pod([withState('a', { terminated: { exitCode: 0, reason: 'Completed' } }), running('b')], { ready: false }),
    ready: '1/2',
    status: 'NotReady',
    restarts: '0',
  },
  { name: 'being deleted: Terminating', pod: pod([running('a')], { deleting: true }), ready: '1/1', status: 'Terminating', restarts: '0' },
  {
    name: 'a finished pod being deleted keeps its phase reason',
    pod: pod([withState('a', { terminated: { exitCode: 0, reason: 'Completed' } })], { phase: 'Succeeded', deleting: true }),
    ready: '0/1',
    status: 'Completed',
    restarts: '0',
  },
];

for (const c of cases) {
  test(`printPod: ${c.name}`, () => {
    const [, ready, status, restarts] = podPrinter.row(c.pod, { now: NOW, store: new ObjectStore(), wide: false });
    assert.deepEqual({ ready, status, restarts }, { ready: c.ready, status: c.status, restarts: c.restarts });
  });
}

test('printPod -o wide: IP from podIPs[0], <none> for no nominated node and no readiness gates', () => {
  const cells = podPrinter.row(pod([running('a')]), { now: NOW, store: new ObjectStore(), wide: true });
  assert.deepEqual(cells.slice(5), ['10.244.1.2', 'k8s-node1', '<none>', '<none>']);
});
