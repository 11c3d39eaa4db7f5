/** Node affinity and taint/toleration matching shared by the DaemonSet controller and the scheduler. */
import type { Pod } from '../../model/core.ts';

/** A pod toleration (core/v1 Toleration). */
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string }
/** A node taint (core/v1 Taint). */
export interface Taint { key: string; value?: string; effect: string }

/** The node a DaemonSet pod belongs to: its nodeName, else its node-affinity term. */
export function podNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  return affinityNode(pod);
}

/** The node a pod's `metadata.name In [node]` affinity term pins it to (what the DaemonSet controller writes). */
export function affinityNode(pod: Pod): string | undefined {
  const affinity = (pod.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } }).affinity;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In');
    if (field?.values?.[0]) return field.values[0];
  }
  return undefined;
}

/** True when every NoSchedule/NoExecute taint is tolerated (component-helpers v1helper.TolerationsTolerateTaint). */
export function toleratesAll(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[]): boolean {
  return (taints ?? [])
    .filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
    .every((taint) => tolerations.some((tol) => tolerates(tol, taint)));
}

function tolerates(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.operator === 'Exists') return !tol.key || tol.key === taint.key;
  return tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '');
}

