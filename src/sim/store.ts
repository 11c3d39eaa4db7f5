/** The simulated API server's storage: objects by kind, namespace and name, with snapshots for all-or-nothing changes. */
import { refKey, refOf, type KubeObject, type ObjectRef } from '../model/meta.ts';

/** Read-only view of the store, what controllers and renderers receive. */
export interface ReadonlyStore {
  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): T | undefined;
  /** Objects of a kind, sorted by namespace then name (the API's list order). */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[];
}

/** A mutable object store. Objects are stored as deep copies so callers never alias stored state. */
export class ObjectStore implements ReadonlyStore {
  #objects = new Map<string, KubeObject>();
  #resourceVersion = 1000;

  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): T | undefined {
    const found = this.#objects.get(refKey(namespace === undefined ? { kind, name } : { kind, name, namespace }));
    return found ? (structuredClone(found) as T) : undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const out: T[] = [];
    for (const obj of this.#objects.values()) {
      if (obj.kind !== kind) continue;
      if (namespace !== undefined && obj.metadata.namespace !== namespace) continue;
      out.push(structuredClone(obj) as T);
    }
    return out.sort((a, b) =>
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name),
    );
  }

  /** Stores an object (replacing one with the same ref) and stamps a new resourceVersion. */
  put(obj: KubeObject): KubeObject {
    const copy = structuredClone(obj);
    copy.metadata.resourceVersion = String(++this.#resourceVersion);
    this.#objects.set(refKey(refOf(copy)), copy);
    return structuredClone(copy);
  }

  /** Removes an object; returns whether it existed. */
  delete(ref: ObjectRef): boolean {
    return this.#objects.delete(refKey(ref));
  }

  /** A copy of the whole store, to restore if a multi-object change fails half-way. */
  snapshot(): StoreSnapshot {
    return { objects: new Map([...this.#objects].map(([k, v]) => [k, structuredClone(v)])), resourceVersion: this.#resourceVersion };
  }

  /** Puts the store back as it was when `snapshot` was taken. */
  restore(snapshot: StoreSnapshot): void {
    this.#objects = new Map([...snapshot.objects].map(([k, v]) => [k, structuredClone(v)]));
    this.#resourceVersion = snapshot.resourceVersion;
  }
}

/** Opaque saved state of an ObjectStore. */
export interface StoreSnapshot {
  readonly objects: ReadonlyMap<string, KubeObject>;
  readonly resourceVersion: number;
}

