/**
 * The ReplicaSet controller: keeps spec.replicas active pods named `<rs>-<5 chars>`, deleting
 * the least valuable first when scaling down, and reports status.
 * SRC: kubernetes pkg/controller/replicaset/replica_set.go manageReplicas / getPodsToDelete,
 * replica_set_utils.go calculateStatus, pkg/controller/controller_utils.go ActivePodsWithRanks (v1.31).
 */
import type { ReplicaSet } from '../../model/apps.ts';
import type { Pod } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { podFromTemplate } from './pod-template.ts';
import { generateName, isControlledBy, isPodActive, isPodReady, normalized, sameObject } from './workload-meta.ts';

/** ReplicaSet → Pods, and ReplicaSet status. */
export const replicaSetController: Controller = {
  name: 'replicaset',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    const taken = new Set(ctx.store.list<Pod>('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    for (const rs of ctx.store.list<ReplicaSet>('ReplicaSet')) {
      if (rs.metadata.deletionTimestamp) continue;
      changes.push(...syncReplicaSet(ctx, rs, taken));
    }
    return changes;
  },
};

function syncReplicaSet(ctx: ControllerContext, rs: ReplicaSet, taken: Set<string>): Change[] {
  const changes: Change[] = [];
  const ns = rs.metadata.namespace ?? 'default';
  const active = ctx.store.list<Pod>('Pod', ns).filter((p) => isControlledBy(p, rs) && isPodActive(p));
  const want = rs.spec.replicas ?? 1;
  if (active.length < want) {
    const namesInNs = new Set([...taken].filter((k) => k.startsWith(`${ns}/`)).map((k) => k.slice(ns.length + 1)));
    for (let i = active.length; i < want; i++) {
      const name = generateName(`${rs.metadata.name}-`, namesInNs, ctx.rng);
      namesInNs.add(name);
      taken.add(`${ns}/${name}`);
      changes.push({ op: 'put', object: podFromTemplate(ctx, rs.spec.template, { name, generateName: `${rs.metadata.name}-`, namespace: ns, owner: rs }) });
    }
  } else if (active.length > want) {
    for (const pod of podsToDelete(active, active.length - want, relatedPods(ctx, rs, ns))) {
      changes.push({ op: 'delete', ref: { kind: 'Pod', name: pod.metadata.name, namespace: ns } });
    }
  }
  const updated = structuredClone(rs);
  updated.status = replicaSetStatus(rs, active);
  if (!sameObject(rs, updated)) changes.push({ op: 'put', object: normalized(updated) });
  return changes;
}

/**
 * The `count` pods to delete, most expendable first (controller.ActivePodsWithRanks.Less): unscheduled before
 * scheduled, Pending before Running, not ready before ready, then pods doubled up on a node (more pods of the
 * same Deployment's ReplicaSets on that node) first, more restarts first, then newest first.
 * SRC: kubernetes pkg/controller/replicaset/replica_set.go getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode,
 * pkg/controller/controller_utils.go ActivePodsWithRanks (v1.31). Not modelled: pod-deletion-cost, the
 * ready-duration comparison and LogarithmicScaleDown's log2 buckets (kubelab compares exact creation times).
 */
export function podsToDelete(pods: Pod[], count: number, related: readonly Pod[] = pods): Pod[] {
  const phaseRank = (p: Pod) => (p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Running' ? 2 : 1);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  const perNode = new Map<string, number>();
  for (const p of related) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const colocated = (p: Pod) => (p.spec.nodeName ? perNode.get(p.spec.nodeName) ?? 0 : 0);
  const sorted = [...pods].sort(
    (a, b) =>
      Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName)) ||
      phaseRank(a) - phaseRank(b) ||
      Number(isPodReady(a)) - Number(isPodReady(b)) ||
      colocated(b) - colocated(a) ||
      restarts(b) - restarts(a) ||
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      // Same second: the real order is unspecified; the later name goes first, deterministically.
      b.metadata.name.localeCompare(a.metadata.name),
  );
  return sorted.slice(0, count);
}

// SRC: replica_set.go getIndirectlyRelatedPods — active pods of every ReplicaSet the same Deployment controls.
function relatedPods(ctx: ControllerContext, rs: ReplicaSet, ns: string): Pod[] {
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller === true);
  const siblings = owner
    ? ctx.store.list<ReplicaSet>('ReplicaSet', ns).filter((o) => o.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === owner.uid))
    : [rs];
  return ctx.store.list<Pod>('Pod', ns).filter((p) => isPodActive(p) && siblings.some((o) => isControlledBy(p, o)));
}

// SRC: replica_set_utils.go calculateStatus; readyReplicas/availableReplicas/fullyLabeledReplicas are omitempty.
function replicaSetStatus(rs: ReplicaSet, active: Pod[]): ReplicaSet['status'] {
  const selector = rs.spec.template.metadata?.labels ?? {};
  const fullyLabeled = active.filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = active.filter(isPodReady).length;
  const status: Record<string, unknown> = { replicas: active.length };
  if (fullyLabeled) status['fullyLabeledReplicas'] = fullyLabeled;
  if (ready) status['readyReplicas'] = ready;
  if (ready) status['availableReplicas'] = ready;
  status['observedGeneration'] = rs.metadata.generation ?? 1;
  return status as ReplicaSet['status'];
}
