/**
 * Helpers the workload controllers share: object metadata (uids, timestamps, controller
 * references), the pod-template hash, generated name suffixes and pod readiness.
 */
import type { KubeObject, OwnerReference } from '../../model/meta.ts';
import type { Pod } from '../../model/core.ts';
import type { PodTemplate } from '../../model/apps.ts';
import { NAME_SUFFIX_ALPHABET, type Random } from '../context.ts';

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A random RFC 4122 version-4 uid drawn from the simulation's generator (apimachinery uuid.NewUUID). */
export function randomUid(rng: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.below(16).toString(16)).join('');
  const variant = (8 + rng.below(4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** The owner reference a controller writes on what it creates (metav1.NewControllerRef). */
export function controllerRefTo(owner: KubeObject): OwnerReference {
  // SRC: apimachinery pkg/apis/meta/v1/controller_ref.go NewControllerRef sets controller and blockOwnerDeletion.
  const ref = { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
  return ref as OwnerReference;
}

/** The controlling owner reference of an object, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** True when `obj` is controlled by `owner` (same kind and uid). */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && ref.kind === owner.kind && ref.uid === owner.metadata.uid;
}

/** `<prefix><5 chars>` not yet taken, as the API server's generateName does (apimachinery names.SimpleNameGenerator). */
export function generateName(prefix: string, taken: ReadonlySet<string>, rng: Random): string {
  // SRC: apiserver pkg/storage/names/generate.go — maxGeneratedNameLength 58, randomLength 5.
  const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
  for (;;) {
    const name = base + rng.string(5, NAME_SUFFIX_ALPHABET);
    if (!taken.has(name)) return name;
  }
}

/**
 * The pod-template-hash label value: FNV-32a over the template, the decimal sum encoded with
 * SafeEncodeString. SRC: kubernetes pkg/controller/controller_utils.go ComputeHash and apimachinery
 * pkg/util/rand/rand.go SafeEncodeString. The real hash runs over a Go struct dump
 * (hashutil.DeepHashObject); kubelab hashes a canonical JSON serialisation instead, so values differ
 * from a real cluster but have the same form (up to 10 characters from "4-9bcdf").
 */
export function templateHash(template: PodTemplate | unknown, collisionCount?: number): string {
  let text = canonicalJson(template);
  if (collisionCount !== undefined) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

/** Maps each character to the name alphabet by code point modulo 27 (apimachinery rand.SafeEncodeString). */
export function safeEncodeString(s: string): string {
  return [...s].map((ch) => NAME_SUFFIX_ALPHABET[ch.codePointAt(0)! % NAME_SUFFIX_ALPHABET.length]).join('');
}

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (Go hash/fnv New32a). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** JSON with object keys sorted, so equal values serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Pod Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Not terminal and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}

/** Labels of `template` plus extra ones, copied. */
export function templateLabels(template: PodTemplate, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(template.metadata?.labels ?? {}), ...extra };
}

/** JSON round trip: drops undefined fields so comparisons match what the store would hold. */
export function normalized<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Content equality ignoring resourceVersion and undefined fields: what the simulation and the controllers count as "no change". */
export function sameObject(a: KubeObject | undefined, b: KubeObject): boolean {
  if (!a) return false;
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return sameJsonContent(strip(a), strip(b));
}

// Structural equality where a field set to undefined equals a missing one (as after a JSON round trip);
// key order does not matter. Runs on every controller pass, so it avoids serialising.
function sameJsonContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJsonContent(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(left)) if (!sameJsonContent(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!(key in left) && right[key] !== undefined) return false;
  return true;
}

/** Keeps a condition's timestamps when nothing about it changed (so status converges). */
export function carryConditionTimes<C extends { type: string; status: string; reason?: string; message?: string }>(
  previous: readonly C[] | undefined,
  next: C[],
): C[] {
  return next.map((cond) => {
    const old = previous?.find((p) => p.type === cond.type) as (C & Record<string, unknown>) | undefined;
    if (!old) return cond;
    const out: Record<string, unknown> = { ...cond };
    if (old.status === cond.status && 'lastTransitionTime' in old) out['lastTransitionTime'] = old['lastTransitionTime'];
    if (old.status === cond.status && old.reason === cond.reason && old.message === cond.message) {
      if ('lastUpdateTime' in old) out['lastUpdateTime'] = old['lastUpdateTime'];
      if ('lastProbeTime' in old) out['lastProbeTime'] = old['lastProbeTime'];
    }
    return out as C;
  });
}
