/**
 * The DaemonSet controller: one pod (`<ds>-<5 chars>`) on every node whose NoSchedule/NoExecute
 * taints the template tolerates, pinned with a node-affinity term; pods of an older template are replaced.
 * SRC: kubernetes pkg/controller/daemon/{daemon_controller.go,update.go,util/daemonset_util.go} (v1.31).
 * Simplification: a template change replaces all stale pods at once (no maxUnavailable pacing).
 */
import type { DaemonSet } from '../../model/apps.ts';
import type { Node, Pod } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { podFromTemplate } from './pod-template.ts';
import { podNode, toleratesAll, type Taint, type Toleration } from './node-affinity.ts';
import { generateName, isControlledBy, isPodActive, isPodReady, normalized, sameObject, templateHash } from './workload-meta.ts';


/** DaemonSet → one pod per eligible node, and DaemonSet status. */
export const daemonSetController: Controller = {
  name: 'daemonset',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    const nodes = ctx.store.list<Node>('Node');
    for (const ds of ctx.store.list<DaemonSet>('DaemonSet')) {
      if (ds.metadata.deletionTimestamp) continue;
      changes.push(...syncDaemonSet(ctx, ds, nodes));
    }
    return changes;
  },
};

function syncDaemonSet(ctx: ControllerContext, ds: DaemonSet, nodes: Node[]): Change[] {
  const changes: Change[] = [];
  const ns = ds.metadata.namespace ?? 'default';
  const hash = templateHash(ds.spec.template);
  const generation = String(ds.metadata.generation ?? 1);
  const pods = ctx.store.list<Pod>('Pod', ns).filter((p) => isControlledBy(p, ds));
  const taken = new Set(ctx.store.list<Pod>('Pod', ns).map((p) => p.metadata.name));
  const tolerations = ((ds.spec.template.spec as { tolerations?: Toleration[] }).tolerations ?? []);
  const eligible = nodes.filter((n) => toleratesAll(n.spec.taints as Taint[] | undefined, tolerations));
  let scheduled = 0, ready = 0, upToDate = 0;

  for (const node of eligible) {
    const name = node.metadata.name;
    const mine = pods.filter((p) => podNode(p) === name && isPodActive(p));
    const current = mine.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash);
    // Keep one up-to-date pod; delete stale or surplus ones (SRC: daemon_controller.go podsShouldBeOnNode, update.go rollingUpdate).
    const keep = current[0];
    for (const pod of mine) if (pod !== keep) changes.push(deletePod(pod));
    if (!keep) {
      const podName = generateName(`${ds.metadata.name}-`, taken, ctx.rng);
      taken.add(podName);
      changes.push({ op: 'put', object: podFromTemplate(ctx, ds.spec.template, {
        name: podName,
        generateName: `${ds.metadata.name}-`,
        namespace: ns,
        owner: ds,
        extraLabels: { 'controller-revision-hash': hash, 'pod-template-generation': generation },
        extraSpec: { affinity: nodeAffinityFor(name), tolerations: daemonTolerations(tolerations) },
      }) });
    }
    if (mine.length > 0) scheduled++;
    if (keep) upToDate++;
    if (keep && isPodReady(keep)) ready++;
  }
  // Pods on nodes that no longer qualify (or no longer exist) go away.
  const eligibleNames = new Set(eligible.map((n) => n.metadata.name));
  for (const pod of pods) if (isPodActive(pod) && !eligibleNames.has(podNode(pod) ?? '')) changes.push(deletePod(pod));

  const updated = structuredClone(ds) as DaemonSet & { status?: Record<string, number> };
  // SRC: daemon_controller.go updateDaemonSetStatus; staging/src/k8s.io/api/apps/v1/types.go DaemonSetStatus:
  // updatedNumberScheduled, numberAvailable and numberUnavailable are omitempty (0 is not serialised).
  const status: Record<string, number> = {
    currentNumberScheduled: scheduled,
    desiredNumberScheduled: eligible.length,
    numberMisscheduled: pods.filter((p) => isPodActive(p) && !eligibleNames.has(podNode(p) ?? '')).length,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
  };
  if (upToDate) status['updatedNumberScheduled'] = upToDate;
  if (ready) status['numberAvailable'] = ready;
  if (eligible.length - ready > 0) status['numberUnavailable'] = eligible.length - ready;
  updated.status = status;
  if (!sameObject(ds, updated)) changes.push({ op: 'put', object: normalized(updated) });
  return changes;
}

// SRC: daemon/util/daemonset_util.go ReplaceDaemonSetPodNodeNameNodeAffinity.
function nodeAffinityFor(node: string): unknown {
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } };
}

// SRC: daemonset_util.go AddOrUpdateDaemonPodTolerations — DaemonSet pods tolerate node problems without a time limit.
function daemonTolerations(template: Toleration[]): Toleration[] {
  const out = [...template];
  const add = (key: string, effect: string) => {
    if (!out.some((t) => t.key === key && t.effect === effect)) out.push({ key, operator: 'Exists', effect });
  };
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  return out;
}

function deletePod(pod: Pod): Change {
  return { op: 'delete', ref: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace } };
}
