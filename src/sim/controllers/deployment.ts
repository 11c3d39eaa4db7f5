/**
 * The deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`),
 * the current one scaled to spec.replicas, older ones scaled to 0, and the Deployment's status.
 * SRC: kubernetes pkg/controller/deployment/{deployment_controller.go,sync.go,rolling.go,util/deployment_util.go} (v1.31).
 * Simplification: a template change scales the new ReplicaSet up and the old ones to 0 in one
 * step (no maxSurge/maxUnavailable pacing); progressDeadlineSeconds is not modelled.
 */
import type { Deployment, ReplicaSet } from '../../model/apps.ts';
import type { Condition } from '../../model/core.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { carryConditionTimes, controllerRefTo, isControlledBy, normalized, randomUid, rfc3339, sameObject, templateHash } from './workload-meta.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** Deployment → ReplicaSets, and Deployment status from them. */
export const deploymentController: Controller = {
  name: 'deployment',
  reconcile(ctx: ControllerContext): Change[] {
    const changes: Change[] = [];
    for (const deploy of ctx.store.list<Deployment>('Deployment')) {
      if (deploy.metadata.deletionTimestamp) continue;
      changes.push(...syncDeployment(ctx, deploy));
    }
    return changes;
  },
};

function syncDeployment(ctx: ControllerContext, deploy: Deployment): Change[] {
  const changes: Change[] = [];
  const ns = deploy.metadata.namespace;
  const replicas = deploy.spec.replicas ?? 1;
  const owned = ctx.store.list<ReplicaSet>('ReplicaSet', ns).filter((rs) => isControlledBy(rs, deploy));
  const { name, hash } = newReplicaSetName(ctx, deploy, owned);
  const current = owned.find((rs) => rs.metadata.name === name);
  const others = owned.filter((rs) => rs !== current);
  // SRC: deployment_util.go SetNewReplicaSetAnnotations — a template that is not the newest gets max(old)+1.
  const maxOld = Math.max(0, ...others.map(revisionOf));
  const revision = current && revisionOf(current) > maxOld ? revisionOf(current) : maxOld + 1;
  const annotations = { [DESIRED]: String(replicas), [MAX_REPLICAS]: String(replicas + maxSurge(deploy, replicas)), [REVISION]: String(revision) };

  const desired: ReplicaSet = current ? structuredClone(current) : newReplicaSet(ctx, deploy, name, hash);
  if (current && current.spec.replicas !== replicas) desired.metadata.generation = (current.metadata.generation ?? 1) + 1;
  desired.spec.replicas = replicas;
  desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), ...annotations };
  if (!sameObject(current, desired)) changes.push({ op: 'put', object: normalized(desired) });

  for (const old of others) {
    if ((old.spec.replicas ?? 1) === 0) continue;
    const scaled = structuredClone(old);
    scaled.spec.replicas = 0;
    scaled.metadata.generation = (old.metadata.generation ?? 1) + 1;
    changes.push({ op: 'put', object: scaled });
  }

  const updated = structuredClone(deploy);
  updated.metadata.annotations = { ...(deploy.metadata.annotations ?? {}), [REVISION]: String(revision) };
  updated.status = deploymentStatus(ctx, deploy, owned, current, replicas);
  if (!sameObject(deploy, updated)) changes.push({ op: 'put', object: normalized(updated) });
  return changes;
}

// SRC: sync.go getNewReplicaSet — on a name clash with a ReplicaSet this Deployment does not own, collisionCount grows.
function newReplicaSetName(ctx: ControllerContext, deploy: Deployment, owned: ReplicaSet[]): { name: string; hash: string } {
  for (let collision = 0; ; collision++) {
    const hash = templateHash(deploy.spec.template, collision === 0 ? undefined : collision);
    const name = `${deploy.metadata.name}-${hash}`;
    const existing = ctx.store.get<ReplicaSet>('ReplicaSet', name, deploy.metadata.namespace);
    if (!existing || owned.some((rs) => rs.metadata.name === name)) return { name, hash };
  }
}

function newReplicaSet(ctx: ControllerContext, deploy: Deployment, name: string, hash: string): ReplicaSet {
  const template = structuredClone(deploy.spec.template);
  const labels = { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: deploy.metadata.namespace,
      uid: randomUid(ctx.rng),
      generation: 1,
      creationTimestamp: rfc3339(ctx.clock.now()),
      labels,
      ownerReferences: [controllerRefTo(deploy)],
    },
    spec: {
      replicas: 0,
      selector: { ...deploy.spec.selector, matchLabels: { ...(deploy.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
      template,
    },
  };
}

function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

// SRC: deployment_util.go MaxSurge / ResolveFenceposts — default RollingUpdate 25% surge, rounded up; Recreate has none.
function maxSurge(deploy: Deployment, replicas: number): number {
  const strategy = deploy.spec.strategy as { type?: string; rollingUpdate?: { maxSurge?: number | string } } | undefined;
  if (strategy?.type === 'Recreate') return 0;
  return resolvePercent(strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
}

function maxUnavailable(deploy: Deployment, replicas: number): number {
  const strategy = deploy.spec.strategy as { type?: string; rollingUpdate?: { maxUnavailable?: number | string } } | undefined;
  if (strategy?.type === 'Recreate') return 0;
  return Math.min(replicas, resolvePercent(strategy?.rollingUpdate?.maxUnavailable ?? '25%', replicas, false));
}

function resolvePercent(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const pct = Number(value.replace(/%$/, '')) / 100;
  return roundUp ? Math.ceil(pct * total) : Math.floor(pct * total);
}

function deploymentStatus(ctx: ControllerContext, deploy: Deployment, owned: ReplicaSet[], current: ReplicaSet | undefined, replicas: number): Deployment['status'] {
  const sum = (pick: (rs: ReplicaSet) => number | undefined) => owned.reduce((n, rs) => n + (pick(rs) ?? 0), 0);
  const total = sum((rs) => rs.status?.replicas);
  const ready = sum((rs) => rs.status?.readyReplicas);
  const available = sum((rs) => (rs.status as { availableReplicas?: number } | undefined)?.availableReplicas);
  const updatedCount = current?.status?.replicas ?? 0;
  const now = rfc3339(ctx.clock.now());
  const availableOk = available >= replicas - maxUnavailable(deploy, replicas);
  const rsName = current?.metadata.name ?? `${deploy.metadata.name}`;
  const complete = updatedCount === replicas && total === replicas && available === replicas;
  // SRC: deployment_util.go NewDeploymentCondition; reasons from sync.go syncDeploymentStatus / progress.go.
  const conditions = carryConditionTimes((deploy.status as { conditions?: DeployCondition[] } | undefined)?.conditions, [
    availableOk
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
      : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now),
    complete
      ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, now)
      : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, now),
  ]);
  const status: Record<string, unknown> = { observedGeneration: deploy.metadata.generation ?? 1 };
  // Zero counts are omitted, as the API's omitempty int32 fields are.
  if (total) status['replicas'] = total;
  if (updatedCount) status['updatedReplicas'] = updatedCount;
  if (ready) status['readyReplicas'] = ready;
  if (available) status['availableReplicas'] = available;
  // SRC: sync.go calculateStatus — unavailable counts against the ReplicaSets' spec replicas (after this sync: `replicas`).
  if (replicas - available > 0) status['unavailableReplicas'] = replicas - available;
  status['conditions'] = conditions;
  return status as Deployment['status'];
}

type DeployCondition = Condition & { lastUpdateTime: string; lastTransitionTime: string };

function cond(type: string, status: 'True' | 'False', reason: string, message: string, now: string): DeployCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}
