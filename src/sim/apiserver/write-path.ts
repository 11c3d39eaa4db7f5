/**
 * The create and update request paths of the simulated API server, in kube-apiserver's order:
 * defaulting → (Service registry allocation) → system fields → validation → validating admission → storage.
 * SRC: apiserver pkg/registry/generic/registry/store.go Create/Update; pkg/registry/core/service/storage (v1.31).
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../model/meta.ts';
import type { Service } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { ResourceType } from '../kinds.ts';
import { BUILT_IN_RESOURCES } from '../kinds.ts';
import type { AdmissionHook, ApiResult, ApiStatus, FieldError, WriteOutcome } from './types.ts';
import { alreadyExistsStatus, invalidStatus, notFoundStatus } from './field-errors.ts';
import { applyDefaults, generateName, keepSystemFields, placeObject, stampNewObject, tracksGeneration } from './defaults.ts';
import { beginServiceCreate, beginServiceUpdate } from './service-lifecycle.ts';
import { validateObjectMeta } from './validate-meta.ts';
import { VALIDATORS } from './validators.ts';
import { admitPod } from './pod-admission.ts';

/** What a request path needs: the simulation and the registered admission webhooks. */
export interface WriteContext { sim: Simulation; hooks: ReadonlyMap<string, AdmissionHook> }

/** `services`, `deployments.apps`: how Status messages name a resource. */
export const qualifiedResource = (rt: ResourceType): string => (rt.group ? `${rt.plural}.${rt.group}` : rt.plural);

const fail = (status: ApiStatus, warnings: string[] = []): ApiResult => ({ ok: false, status, warnings });

/** The served resource of an object, or the 404 the server answers for a kind it does not serve. */
export function resourceOf(sim: Simulation, obj: { apiVersion?: unknown; kind?: unknown }): ResourceType | ApiStatus {
  const rt = sim.resources.byKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  return rt ?? { code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' };
}

/** POST. */
export function createObject(ctx: WriteContext, input: KubeObject, dryRun: boolean): ApiResult {
  const { sim } = ctx;
  const rt = resourceOf(sim, input);
  if ('code' in rt) return fail(rt);
  const obj = structuredClone(input);
  obj.metadata ??= { name: '' };
  placeObject(obj, rt);
  generateName(sim, obj);
  applyDefaults(obj);
  const ns = obj.metadata.namespace;
  // SRC: NamespaceLifecycle admission: creating in a namespace that does not exist is refused first.
  if (ns !== undefined && !sim.store.get('Namespace', ns)) return fail(notFoundStatus('namespaces', ns));
  if (obj.kind === 'Service') {
    const allocation = beginServiceCreate(sim, obj as Service, dryRun);
    if (allocation) return fail(allocation);
  }
  stampNewObject(sim, obj, tracksGeneration(rt, isBuiltIn(rt)));
  if (obj.kind === 'Pod') {
    const refused = admitPod(obj, sim);
    if (refused) return fail(refused);
  }
  const invalid = validate(sim, rt, obj, undefined);
  if (invalid) return fail(invalid);
  const admitted = admit(ctx, 'CREATE', obj, undefined);
  if (!admitted.ok) return admitted;
  if (sim.store.get(obj.kind, obj.metadata.name, ns)) return fail(alreadyExistsStatus(qualifiedResource(rt), obj.metadata.name), admitted.warnings);
  const stored = dryRun ? obj : sim.store.put(obj);
  return { ok: true, object: stored, outcome: 'created', warnings: admitted.warnings };
}

/** PUT (also the last step of apply and patch). A no-op write keeps the stored resourceVersion. */
export function updateObject(ctx: WriteContext, input: KubeObject, dryRun: boolean, outcome: WriteOutcome): ApiResult {
  const { sim } = ctx;
  const rt = resourceOf(sim, input);
  if ('code' in rt) return fail(rt);
  const obj = structuredClone(input);
  placeObject(obj, rt);
  const current = sim.store.get(obj.kind, obj.metadata.name, obj.metadata.namespace);
  if (!current) return fail(notFoundStatus(qualifiedResource(rt), obj.metadata.name));
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) {
    return fail({
      code: 409,
      reason: 'Conflict',
      message: `Operation cannot be fulfilled on ${qualifiedResource(rt)} "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      name: obj.metadata.name,
    });
  }
  applyDefaults(obj);
  keepSystemFields(obj, current);
  if (obj.kind === 'Service') {
    const allocation = beginServiceUpdate(sim, obj as Service, current as Service, dryRun);
    if (allocation) return fail(allocation);
  }
  const invalid = validate(sim, rt, obj, current);
  if (invalid) return fail(invalid);
  const admitted = admit(ctx, 'UPDATE', obj, current);
  if (!admitted.ok) return admitted;
  obj.metadata.resourceVersion = current.metadata.resourceVersion;
  if (isDeepStrictEqual(obj, current)) return { ok: true, object: current, outcome, warnings: admitted.warnings };
  if (tracksGeneration(rt, isBuiltIn(rt)) && !isDeepStrictEqual(specOf(obj), specOf(current))) {
    obj.metadata.generation = (current.metadata.generation ?? 0) + 1;
  }
  const stored = dryRun ? obj : sim.store.put(obj);
  return { ok: true, object: stored, outcome, warnings: admitted.warnings };
}

function validate(sim: Simulation, rt: ResourceType, obj: KubeObject, old: KubeObject | undefined): ApiStatus | undefined {
  const errs: FieldError[] = [...validateObjectMeta(obj, rt.namespaced)];
  if (old) errs.push(...validateMetaUpdate(obj, old));
  errs.push(...(VALIDATORS[obj.kind]?.(obj, old, sim) ?? []));
  return errs.length ? invalidStatus(rt.kind, rt.group, obj.metadata.name || obj.metadata.generateName || '', errs) : undefined;
}

function validateMetaUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return obj.metadata.uid === old.metadata.uid ? [] : [{ field: 'metadata.uid', type: 'Invalid value', value: JSON.stringify(obj.metadata.uid), detail: 'field is immutable' }];
}

function admit(ctx: WriteContext, operation: 'CREATE' | 'UPDATE', obj: KubeObject, old: KubeObject | undefined): ApiResult | { ok: true; warnings: string[] } {
  const warnings: string[] = [];
  for (const hook of ctx.hooks.values()) {
    const answer = hook(old ? { operation, object: structuredClone(obj), oldObject: structuredClone(old) } : { operation, object: structuredClone(obj) });
    if (!answer.allowed) return fail(answer.status, warnings);
    warnings.push(...(answer.warnings ?? []));
  }
  return { ok: true, warnings };
}

// Everything but metadata and status counts as "spec" for generation (Secrets/ConfigMaps have no generation anyway).
function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

function isBuiltIn(rt: ResourceType): boolean {
  return BUILT_IN_RESOURCES.some((b) => b.kind === rt.kind && b.apiVersion === rt.apiVersion);
}
