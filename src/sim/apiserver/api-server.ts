/** The simulated kube-apiserver (v1.31): requests in, stored objects or Status values out; it never calls sim.settle(). */
import type { ApiServer, AdmissionHook } from './types.ts';
import type { Simulation } from '../simulation.ts';
import { createObject, updateObject, type WriteContext } from './write-path.ts';
import { decoded } from './decode-body.ts';
import { applyObject } from './apply.ts';
import { patchObject } from './patch.ts';
import { deleteObject } from './delete.ts';

/** Creates the API server of a simulation; its only state is the admission webhooks registered on it. */
export function createApiServer(sim: Simulation): ApiServer {
  const hooks = new Map<string, AdmissionHook>();
  const ctx: WriteContext = { sim, hooks };
  return {
    create: (obj, opts) => decoded(ctx, obj, opts?.fieldValidation ?? 'Strict', (o) => createObject(ctx, o, opts?.dryRun ?? false)),
    apply: (obj, opts) => applyObject(ctx, obj, opts?.dryRun ?? false, opts?.fieldValidation ?? 'Strict'),
    update: (obj, opts) => decoded(ctx, obj, opts?.fieldValidation ?? 'Strict', (o) => updateObject(ctx, o, opts?.dryRun ?? false, 'replaced')),
    patch: (ref, patch, type, opts) => patchObject(ctx, ref, patch, type, opts?.dryRun ?? false, opts?.fieldValidation ?? 'Warn'),
    delete: (ref, opts) => deleteObject(sim, ref, opts?.dryRun ?? false),
    addAdmission: (name, hook) => void hooks.set(name, hook),
  };
}

