/**
 * The ingress-nginx status syncer: writes the controller's addresses into every Ingress it manages, and
 * the "Scheduled for sync" events the controller records for each Ingress it syncs.
 * SRC: ingress-nginx internal/ingress/status/status.go runningAddresses/sync (no --publish-service in the
 * bare-metal deploy.yaml → the nodes of Running+Ready controller pods, ExternalIP else InternalIP, de-duplicated,
 * sorted), internal/ingress/controller/store/store.go (recorder.Eventf(ing, Normal, "Sync", "Scheduled for sync"))
 * (controller-v1.11.2). Timing (status.go Run: one sync when leading starts, then wait.PollUntil every UpdateInterval
 * = 60 s): the leader starts with the controller pod (a fresh Lease is taken at once), when the pod is not Ready yet
 * (deploy.yaml readinessProbe initialDelaySeconds 10), so the first address is written 60 s after the pod started, and
 * an Ingress created later gets it at the next 60 s tick — `kubectl get ingress` shows an empty ADDRESS until then.
 * The status write triggers a second sync, so the event count is 2 once an address is set (the tutorial's "(x2 over …)").
 */
import type { KubeEvent, Node, Pod } from '../../model/core.ts';
import type { Ingress, IngressClass } from '../../model/networking.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { classVerdict } from '../ingress-nginx/ingress-set.ts';
import { isPodReady, rfc3339, sameObject } from './workload-meta.ts';

const NAMESPACE = 'ingress-nginx';
/** status.go UpdateInterval (seconds). */
export const STATUS_UPDATE_INTERVAL_MS = 60_000;
/** deploy.yaml readinessProbe initialDelaySeconds: no controller pod is Ready at the first (leading-start) sync. */
const READINESS_DELAY_MS = 10_000;
const POD_LABELS: Record<string, string> = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

function controllerPods(ctx: Pick<ControllerContext, 'store'>): Pod[] {
  return ctx.store.list<Pod>('Pod', NAMESPACE).filter((p) => Object.entries(POD_LABELS).every(([k, v]) => p.metadata.labels?.[k] === v));
}

/** The time of the last status sync at or before `now` (ms), or undefined before the first one that can see a Ready pod. */
export function lastStatusSync(ctx: Pick<ControllerContext, 'store' | 'clock'>): number | undefined {
  const starts = controllerPods(ctx).filter((p) => p.status?.phase === 'Running' && p.status.startTime).map((p) => Date.parse(p.status!.startTime!));
  if (starts.length === 0) return undefined;
  const leading = Math.min(...starts);
  const tick = leading + Math.floor((ctx.clock.now().getTime() - leading) / STATUS_UPDATE_INTERVAL_MS) * STATUS_UPDATE_INTERVAL_MS;
  return tick - leading < READINESS_DELAY_MS ? undefined : tick;
}

/** The status addresses the running controller pods report. Undefined when no controller pod runs. */
export function controllerAddresses(ctx: Pick<ControllerContext, 'store'>): string[] | undefined {
  const running = controllerPods(ctx).filter((p) => p.status?.phase === 'Running');
  if (running.length === 0) return undefined;
  const out: string[] = [];
  for (const pod of running) {
    if (!isPodReady(pod) || !pod.spec.nodeName) continue;
    const node = ctx.store.get<Node>('Node', pod.spec.nodeName);
    const addr = node?.status.addresses.find((a) => a.type === 'ExternalIP')?.address ?? node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? pod.spec.nodeName;
    if (!out.includes(addr)) out.push(addr);
  }
  return out.sort();
}

function syncEvent(ctx: ControllerContext, ing: Ingress, count: number, statusWrittenAt: number | undefined): KubeEvent {
  const created = ing.metadata.creationTimestamp ?? rfc3339(ctx.clock.now());
  const name = `${ing.metadata.name}.${(BigInt(Date.parse(created)) * 1000000n).toString(16)}`;
  const existing = ctx.store.get<KubeEvent>('Event', name, ing.metadata.namespace);
  // The second event comes from the status write, at the sync tick.
  const last = existing && existing.count === count ? existing.lastTimestamp ?? created : rfc3339(statusWrittenAt !== undefined ? new Date(statusWrittenAt) : ctx.clock.now());
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace: ing.metadata.namespace ?? 'default', ...(existing?.metadata.uid ? { uid: existing.metadata.uid } : {}), ...(existing?.metadata.creationTimestamp ? { creationTimestamp: existing.metadata.creationTimestamp } : {}) },
    involvedObject: { kind: 'Ingress', name: ing.metadata.name, namespace: ing.metadata.namespace ?? 'default' },
    type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', source: { component: 'nginx-ingress-controller' },
    count, firstTimestamp: created, lastTimestamp: count === 1 ? created : last,
  };
}

/** Status + events of the Ingresses ingress-nginx manages. */
export const ingressStatusController: Controller = {
  name: 'ingress-nginx-status',
  reconcile(ctx: ControllerContext): Change[] {
    const addresses = controllerAddresses(ctx);
    if (addresses === undefined) return [];
    const synced = lastStatusSync(ctx);
    const classes = ctx.store.list<IngressClass>('IngressClass');
    const changes: Change[] = [];
    for (const ing of ctx.store.list<Ingress>('Ingress')) {
      if (ing.metadata.deletionTimestamp || !classVerdict(ing, classes).ours) continue;
      const desired: Ingress = structuredClone(ing);
      // Only a sync at or after the Ingress's creation writes its status; before that it keeps what it has.
      const created = Date.parse(ing.metadata.creationTimestamp ?? '') || 0;
      if (synced !== undefined && created <= synced) {
        desired.status = addresses.length > 0 ? { loadBalancer: { ingress: addresses.map((ip) => ({ ip })) } } : { loadBalancer: {} };
      }
      if (!sameObject(ing, desired)) changes.push({ op: 'put', object: desired });
      const written = (desired.status?.loadBalancer?.ingress ?? []).length > 0;
      const event = syncEvent(ctx, ing, written ? 2 : 1, synced);
      const current = ctx.store.get<KubeEvent>('Event', event.metadata.name, event.metadata.namespace);
      if (!current || !sameObject(current, event)) changes.push({ op: 'put', object: event });
    }
    return changes;
  },
};
