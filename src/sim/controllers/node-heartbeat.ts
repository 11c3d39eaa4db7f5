/**
 * The kubelet's periodic node status report. Every 10 s the kubelet recomputes its node status but posts it only
 * when something changed or when nodeStatusReportFrequency (5 min) has passed since the last post; an unchanged
 * status therefore gets a new lastHeartbeatTime every 5 minutes (liveness in between goes to the node Lease,
 * node-lease.ts). Reports are taken to fall exactly on 5-minute marks after the last transition
 * (the real ones drift by up to the 10 s sync period).
 * SRC: kubernetes pkg/kubelet/kubelet_node_status.go tryUpdateNodeStatus, nodeStatusHasChanged;
 * pkg/kubelet/apis/config/v1beta1/defaults.go (NodeStatusReportFrequency 5m, NodeStatusUpdateFrequency 10s) (v1.31).
 */
import type { Node, NodeCondition } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { rfc3339 } from './workload-meta.ts';

/** nodeStatusReportFrequency: how often an unchanged node status is posted again. */
export const NODE_STATUS_REPORT_MS = 5 * 60 * 1000;

/** Moves each node's lastHeartbeatTime to its latest report at or before now. */
export const nodeHeartbeatController: Controller = {
  name: 'node-heartbeat',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    for (const node of ctx.store.list<Node>('Node')) {
      const conditions = node.status.conditions;
      if (!conditions?.length) continue;
      const beat = lastReport(conditions, ctx.clock.now());
      if (beat === undefined || conditions.every((c) => c.lastHeartbeatTime === beat)) continue;
      const updated = structuredClone(node);
      updated.status.conditions = conditions.map((c) => ({ ...c, lastHeartbeatTime: beat }));
      changes.push({ op: 'put', object: updated });
    }
    return changes;
  },
};

/** The latest 5-minute report since the newest condition transition, at or before `now` (undefined without transitions). */
export function lastReport(conditions: readonly NodeCondition[], now: Date): string | undefined {
  const transitions = conditions.map((c) => Date.parse(c.lastTransitionTime ?? '')).filter((t) => !Number.isNaN(t));
  if (transitions.length === 0) return undefined;
  const since = Math.max(...transitions);
  const elapsed = Math.max(0, now.getTime() - since);
  return rfc3339(new Date(since + Math.floor(elapsed / NODE_STATUS_REPORT_MS) * NODE_STATUS_REPORT_MS));
}
