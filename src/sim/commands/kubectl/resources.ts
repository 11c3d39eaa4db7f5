/** Resource arguments (`pods`, `svc/howe`, `pods,svc`, `all`) resolved against the API server's resource list. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { Simulation } from '../../simulation.ts';

/** `deployment.apps` / `service`: how kubectl names a resource type in its output. */
export function typeLabel(type: ResourceType): string {
  return type.group === '' ? type.singular : `${type.singular}.${type.group}`;
}

/** `deployment.apps/howe`: kubectl's `-o name` and success-line form. */
export function objectLabel(type: ResourceType, name: string): string {
  return `${typeLabel(type)}/${name}`;
}

/** `deployments.apps "howe"`: how NotFound and delete lines name an object. */
export function quotedObject(type: ResourceType, name: string): string {
  return `${type.group === '' ? type.plural : `${type.plural}.${type.group}`} "${name}"`;
}

// SRC: kubectl `get all` expands the "all" category; these are the v1.31 built-ins in discovery order
// (replicationcontrollers, statefulsets, hpa, cronjobs are not modelled).
const ALL_CATEGORY = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'Job'];

/** The type a kubectl argument names, or kubectl's error for an unknown one. */
export function resolveType(sim: Simulation, name: string): { ok: true; type: ResourceType } | { ok: false; message: string } {
  const type = sim.resources.byName(name);
  if (type) return { ok: true, type };
  // SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/builder.go mappingFor (v1.31).
  return { ok: false, message: `error: the server doesn't have a resource type "${name}"` };
}

/** What the positional arguments of get/describe/delete name. */
export interface ResourceRequest {
  type: ResourceType;
  /** Specific names, or undefined for "every object of the type". */
  names?: string[];
}

/** Parses `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` into requests, in argument order. */
export function parseResourceArgs(sim: Simulation, args: string[]): { ok: true; requests: ResourceRequest[] } | { ok: false; message: string } {
  // SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/builder.go ResourceTypeOrNameArgs (v1.31).
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) return { ok: false, message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const resolved = resolveType(sim, arg.slice(0, slash));
      if (!resolved.ok) return resolved;
      const name = arg.slice(slash + 1);
      if (name === '') return { ok: false, message: `error: arguments in resource/name form must have a single resource and name` };
      const last = requests.at(-1);
      if (last && last.type.kind === resolved.type.kind) last.names!.push(name);
      else requests.push({ type: resolved.type, names: [name] });
    }
    return { ok: true, requests };
  }
  const [typeArg, ...names] = args;
  if (typeArg === undefined) return { ok: true, requests: [] };
  const requests: ResourceRequest[] = [];
  for (const part of typeArg.split(',').filter((p) => p !== '')) {
    if (part === 'all') {
      for (const kind of ALL_CATEGORY) {
        const t = sim.resources.all().find((r) => r.kind === kind);
        if (t) requests.push({ type: t });
      }
      continue;
    }
    const resolved = resolveType(sim, part);
    if (!resolved.ok) return resolved;
    requests.push(names.length > 0 ? { type: resolved.type, names } : { type: resolved.type });
  }
  if (names.length > 0 && requests.length > 1) return { ok: false, message: `error: you may only specify a single resource type` };
  return { ok: true, requests };
}

/** Objects of a type in a namespace (all namespaces when undefined; cluster-scoped types ignore it). */
export function listObjects(sim: Simulation, type: ResourceType, namespace: string | undefined): KubeObject[] {
  // SRC: kubernetes staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go GetList: etcd returns keys
  // (/<resource>/<namespace>/<name>) in byte order, so lists are sorted by namespace then name, bytewise.
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return sim.store
    .list(type.kind, type.namespaced ? namespace : undefined)
    .sort((a, b) => byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name, b.metadata.name));
}

/** One object by name. */
export function getObject(sim: Simulation, type: ResourceType, name: string, namespace: string): KubeObject | undefined {
  return sim.store.get(type.kind, name, type.namespaced ? namespace : undefined);
}

/** `Error from server (NotFound): pods "x" not found` (kubectl's text for a missing object). */
export function notFoundText(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${quotedObject(type, name)} not found`;
}
