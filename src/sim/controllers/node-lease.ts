/**
 * The kubelet's node Lease in kube-node-lease: created at registration (owned by its Node, held by the node name,
 * 40 s duration) and renewed every 10 s (a quarter of the duration). Renewals are taken to fall exactly on 10-second
 * marks after the node's Ready transition. AcquireTime is never set by the kubelet.
 * SRC: kubernetes staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go newLease, sync;
 * pkg/kubelet/kubelet.go (NodeLeaseDurationSeconds 40, renewInterval = 0.25 × duration); pkg/kubelet/util/nodelease.go
 * SetNodeOwnerFunc (v1.31).
 */
import type { Node } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { randomUid, rfc3339 } from './workload-meta.ts';

/** How often the kubelet renews its lease. */
export const LEASE_RENEW_MS = 10_000;

/** Creates and renews each node's Lease. */
export const nodeLeaseController: Controller = {
  name: 'node-lease',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    for (const node of ctx.store.list<Node>('Node')) {
      const renewTime = lastRenewal(node, ctx.clock.now());
      if (renewTime === undefined) continue;
      const lease = ctx.store.get('Lease', node.metadata.name, 'kube-node-lease');
      if (!lease) {
        changes.push({ op: 'put', object: newLease(ctx, node, renewTime) });
        continue;
      }
      if ((lease.spec as { renewTime?: string } | undefined)?.renewTime === renewTime) continue;
      const renewed = structuredClone(lease);
      renewed.spec = { ...(renewed.spec as object), renewTime };
      changes.push({ op: 'put', object: renewed });
    }
    return changes;
  },
};

/** The latest 10-second renewal since the node's Ready transition, as a MicroTime (undefined before the node is Ready). */
export function lastRenewal(node: Node, now: Date): string | undefined {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  const since = Date.parse(ready?.lastTransitionTime ?? '');
  if (ready?.status !== 'True' || Number.isNaN(since)) return undefined;
  const at = since + Math.floor(Math.max(0, now.getTime() - since) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  // metav1.MicroTime serialises RFC3339 with exactly six fractional digits.
  return rfc3339(new Date(at)).replace(/Z$/, `.${String((at % 1000) * 1000).padStart(6, '0')}Z`);
}

function newLease(ctx: ControllerContext, node: Node, renewTime: string): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name, namespace: 'kube-node-lease', uid: randomUid(ctx.rng), creationTimestamp: rfc3339(ctx.clock.now()),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime },
  };
}
