/** Which workload a pod belongs to, following controller owner references (Pod → ReplicaSet → Deployment). */
import type { Pod } from '../../model/core.ts';
import type { ReplicaSet } from '../../model/apps.ts';
import type { ReadonlyStore } from '../store.ts';

/**
 * The name of the Deployment that owns a pod through its ReplicaSet, the DaemonSet or bare
 * ReplicaSet that owns it directly, or undefined for a bare pod (or a static/mirror pod).
 */
export function ownerWorkload(store: ReadonlyStore, pod: Pod): string | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
  if (!ref) return undefined;
  if (ref.kind === 'DaemonSet') return ref.name;
  if (ref.kind !== 'ReplicaSet') return undefined;
  const rs = store.get<ReplicaSet>('ReplicaSet', ref.name, pod.metadata.namespace);
  const rsOwner = rs?.metadata.ownerReferences?.find((r) => r.controller === true);
  if (rsOwner?.kind === 'Deployment') return rsOwner.name;
  return ref.name;
}
