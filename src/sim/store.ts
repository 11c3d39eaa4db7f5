/** The simulated API server's storage: objects by kind, namespace and name, with snapshots for all-or-nothing changes. */
import { refKey, refOf, type KubeObject, type ObjectRef } from '../model/meta.ts';

/** Read-only view of the store, what controllers and renderers receive. */
export interface ReadonlyStore {
  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): T | undefined;
  /** Objects of a kind, sorted by namespace then name (the API's list order). */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[];
}

/**
 * A mutable object store. Stored objects are deep-frozen copies: `get`/`list` hand out fresh copies callers
 * may edit, while `frozenView()` hands out the stored objects themselves (no copying) to pure readers such
 * as controllers — a reader that tries to mutate one fails loudly instead of corrupting the store.
 */
export class ObjectStore implements ReadonlyStore {
  #byKind = new Map<string, Map<string, KubeObject>>();
  #sorted = new Map<string, KubeObject[]>();
  #resourceVersion = 1000;
  readonly #view: ReadonlyStore = {
    get: <T extends KubeObject>(kind: string, name: string, namespace?: string) => this.#find(kind, name, namespace) as T | undefined,
    list: <T extends KubeObject>(kind: string, namespace?: string) => this.#list(kind, namespace) as T[],
  };

  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): T | undefined {
    const found = this.#find(kind, name, namespace);
    return found ? (structuredClone(found) as T) : undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    return this.#list(kind, namespace).map((obj) => structuredClone(obj) as T);
  }

  /** The stored (frozen) objects without copies, for readers that never mutate what they read. */
  frozenView(): ReadonlyStore {
    return this.#view;
  }

  /** Stores an object (replacing one with the same ref) and stamps a new resourceVersion. */
  put(obj: KubeObject): KubeObject {
    const copy = structuredClone(obj);
    copy.metadata.resourceVersion = String(++this.#resourceVersion);
    this.#kindMap(copy.kind).set(refKey(refOf(copy)), deepFreeze(copy));
    this.#sorted.delete(copy.kind);
    return structuredClone(copy);
  }

  /** Removes an object; returns whether it existed. */
  delete(ref: ObjectRef): boolean {
    this.#sorted.delete(ref.kind);
    return this.#byKind.get(ref.kind)?.delete(refKey(ref)) ?? false;
  }

  /** The state of the whole store, to restore if a multi-object change fails half-way (frozen objects are shared). */
  snapshot(): StoreSnapshot {
    const objects = new Map<string, KubeObject>();
    for (const kindMap of this.#byKind.values()) for (const [key, obj] of kindMap) objects.set(key, obj);
    return { objects, resourceVersion: this.#resourceVersion };
  }

  /** Puts the store back as it was when `snapshot` was taken. */
  restore(snapshot: StoreSnapshot): void {
    this.#byKind = new Map();
    this.#sorted = new Map();
    for (const [key, obj] of snapshot.objects) this.#kindMap(obj.kind).set(key, obj);
    this.#resourceVersion = snapshot.resourceVersion;
  }

  #find(kind: string, name: string, namespace?: string): KubeObject | undefined {
    return this.#byKind.get(kind)?.get(refKey(namespace === undefined ? { kind, name } : { kind, name, namespace }));
  }

  #list(kind: string, namespace?: string): KubeObject[] {
    let sorted = this.#sorted.get(kind);
    if (!sorted) {
      // etcd returns keys in byte order (/registry/<resource>/<namespace>/<name>), not locale order.
      sorted = [...(this.#byKind.get(kind)?.values() ?? [])].sort(
        (a, b) => byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name, b.metadata.name),
      );
      this.#sorted.set(kind, sorted);
    }
    return namespace === undefined ? [...sorted] : sorted.filter((obj) => obj.metadata.namespace === namespace);
  }

  #kindMap(kind: string): Map<string, KubeObject> {
    let kindMap = this.#byKind.get(kind);
    if (!kindMap) this.#byKind.set(kind, (kindMap = new Map()));
    return kindMap;
  }
}

/** Opaque saved state of an ObjectStore. */
export interface StoreSnapshot {
  readonly objects: ReadonlyMap<string, KubeObject>;
  readonly resourceVersion: number;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
