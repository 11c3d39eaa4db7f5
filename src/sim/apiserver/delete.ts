/**
 * DELETE with background cascading: dependents whose ownerReferences name a deleted uid go too, and
 * deleting a Namespace removes everything in it (SRC: kubernetes pkg/controller/garbagecollector,
 * pkg/controller/namespace/deletion; NamespaceLifecycle admission for the immortal namespaces, v1.31).
 */
import type { KubeObject, ObjectRef } from '../../model/meta.ts';
import { refOf } from '../../model/meta.ts';
import type { Simulation } from '../simulation.ts';
import type { ApiResult } from './types.ts';
import { notFoundStatus } from './field-errors.ts';
import { qualifiedResource } from './write-path.ts';

const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** Deletes one object and what depends on it. */
export function deleteObject(sim: Simulation, ref: ObjectRef, dryRun: boolean): ApiResult {
  const rt = sim.resources.all().find((r) => r.kind === ref.kind);
  if (!rt) return { ok: false, status: { code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' }, warnings: [] };
  const namespace = rt.namespaced ? (ref.namespace ?? 'default') : undefined;
  const target = sim.store.get(ref.kind, ref.name, namespace);
  if (!target) return { ok: false, status: notFoundStatus(qualifiedResource(rt), ref.name), warnings: [] };
  if (ref.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(ref.name)) {
    return { ok: false, status: { code: 403, reason: 'Forbidden', message: `namespaces "${ref.name}" is forbidden: this namespace may not be deleted`, name: ref.name }, warnings: [] };
  }
  if (!dryRun) {
    const doomed = collectDoomed(sim, target);
    for (const obj of doomed) sim.store.delete(refOf(obj));
  }
  return { ok: true, object: target, outcome: 'deleted', warnings: [] };
}

/** The object, the namespace's content (for a Namespace) and, transitively, every owned dependent. */
function collectDoomed(sim: Simulation, target: KubeObject): KubeObject[] {
  const all = sim.resources.all().flatMap((rt) => sim.store.list(rt.kind));
  const doomed = new Map<string, KubeObject>();
  const add = (o: KubeObject) => doomed.set(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o);
  add(target);
  if (target.kind === 'Namespace') for (const o of all) if (o.metadata.namespace === target.metadata.name) add(o);
  let grew = true;
  while (grew) {
    grew = false;
    const uids = new Set([...doomed.values()].map((o) => o.metadata.uid).filter(Boolean));
    for (const o of all) {
      const key = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
      if (doomed.has(key)) continue;
      if (o.metadata.ownerReferences?.some((r) => uids.has(r.uid))) {
        add(o);
        grew = true;
      }
    }
  }
  return [...doomed.values()];
}
