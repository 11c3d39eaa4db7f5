/** Kubernetes object metadata and the generic object shape, as the v1 API serialises them. */

/** metadata of any object (apimachinery ObjectMeta, the fields kubelab models). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

/** A link from a dependent object (Pod) to its owner (ReplicaSet). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/** Any Kubernetes object: apiVersion + kind + metadata, the rest kind-specific. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Identifies one object. Cluster-scoped objects have no namespace. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** `kind/namespace/name` (or `kind//name` when cluster-scoped): the store key. */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** The ObjectRef of an object. */
export function refOf(obj: KubeObject): ObjectRef {
  return obj.metadata.namespace === undefined
    ? { kind: obj.kind, name: obj.metadata.name }
    : { kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

/** Label selector as in Deployment.spec.selector (matchExpressions are not modelled). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** True when every selector pair is among the labels (an empty selector selects nothing, as Services do). */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}
