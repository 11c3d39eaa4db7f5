/** Decode-time defaults of every kind the simulator serves, and the system metadata the registry stamps. */
import type { KubeObject } from '../../model/meta.ts';
import type { Service } from '../../model/core.ts';
import type { ResourceType } from '../kinds.ts';
import type { Simulation } from '../simulation.ts';
import { NAME_SUFFIX_ALPHABET } from '../context.ts';
import { defaultService } from './defaults-service.ts';
import { defaultWorkload } from './defaults-workloads.ts';
import { newUid } from './uid.ts';
import { defaultJob, prepareJobForCreate } from './job-strategy.ts';

/** Kinds whose strategy sets metadata.generation (built-in ones with a spec the controllers observe; all custom resources). */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'Ingress', 'IngressClass', 'ValidatingWebhookConfiguration', 'CustomResourceDefinition']);

/** Does the registry track metadata.generation for this resource? */
export function tracksGeneration(rt: ResourceType, builtIn: boolean): boolean {
  return GENERATION_KINDS.has(rt.kind) || !builtIn;
}

/** Namespace placement: namespaced objects default to "default"; cluster-scoped ones carry none. */
export function placeObject(obj: KubeObject, rt: ResourceType): void {
  if (rt.namespaced) obj.metadata.namespace ||= 'default';
  else delete obj.metadata.namespace;
}

/** SetDefaults_* for the kinds we model, in place. */
export function applyDefaults(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Service':
      defaultService(obj as Service);
      break;
    case 'Secret': {
      // SRC: pkg/apis/core/v1/conversion.go: stringData entries overwrite data (base64-encoded); type defaults to Opaque.
      obj.type ||= 'Opaque';
      const stringData = obj.stringData as Record<string, string> | undefined;
      if (stringData) {
        const data = { ...((obj.data as Record<string, string>) ?? {}) };
        for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      break;
    }
    case 'Namespace': {
      // SRC: pkg/apis/core/v1/defaults.go SetDefaults_Namespace (metadata.name label), SetDefaults_NamespaceStatus; strategy finalizer.
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'], ...((obj.spec as object) ?? {}) };
      obj.status = { phase: 'Active' };
      break;
    }
    case 'Job':
      defaultJob(obj);
      break;
    default:
      defaultWorkload(obj);
  }
}

/** generateName → name with five random characters (SRC: apiserver pkg/storage/names SimpleNameGenerator). */
export function generateName(sim: Simulation, obj: KubeObject): void {
  if (!obj.metadata.name && obj.metadata.generateName) {
    obj.metadata.name = obj.metadata.generateName + sim.rng.string(5, NAME_SUFFIX_ALPHABET);
  }
}

/** uid, creationTimestamp and generation of a new object (FillObjectMetaSystemFields + PrepareForCreate). */
export function stampNewObject(sim: Simulation, obj: KubeObject, generation: boolean): void {
  obj.metadata.uid = newUid(sim.rng);
  obj.metadata.creationTimestamp = sim.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  delete obj.metadata.resourceVersion;
  delete obj.metadata.deletionTimestamp;
  if (generation) obj.metadata.generation = 1;
  else delete obj.metadata.generation;
  // PrepareForCreate of workloads clears status; pods start Pending.
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'Ingress', 'Job'].includes(obj.kind)) obj.status = {};
  if (obj.kind === 'Pod') obj.status = { phase: 'Pending' };
  if (obj.kind === 'Job') prepareJobForCreate(obj);
}

/** Keeps the system fields of the stored object on update. */
export function keepSystemFields(obj: KubeObject, current: KubeObject): void {
  for (const key of ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp'] as const) {
    if (current.metadata[key] === undefined) delete obj.metadata[key];
    else (obj.metadata as unknown as Record<string, unknown>)[key] = current.metadata[key];
  }
  if (obj.kind !== 'Service' && 'status' in current && !['ConfigMap', 'Secret'].includes(obj.kind)) obj.status = structuredClone(current.status);
}
