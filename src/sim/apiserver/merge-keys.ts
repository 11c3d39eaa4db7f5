/**
 * patchMergeKey of the lists strategic merge patch merges for the kinds we model
 * (SRC: kubernetes staging/src/k8s.io/api/core/v1/types.go `patchStrategy:"merge" patchMergeKey:"…"` tags, v1.31).
 * Lists not named here are atomic: a patch replaces them whole.
 */

/** The merge key of the list at `path` (field names from the object root), or undefined for an atomic list. */
export function mergeKeyFor(kind: string, path: readonly string[]): string | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'hostAliases':
      return 'ip';
    case 'ports':
      // ServiceSpec.Ports merge on `port`; Container.Ports on `containerPort`; other ports lists are atomic.
      if (kind === 'Service' && parent === 'spec' && path.length === 2) return 'port';
      if (path.includes('containers') || path.includes('initContainers')) return 'containerPort';
      return undefined;
    default:
      return undefined;
  }
}

/** Built-in kinds take strategic merge patches; custom resources only JSON merge/JSON patches. */
export const STRATEGIC_KINDS = new Set([
  'Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'ServiceAccount', 'Event', 'Deployment', 'ReplicaSet',
  'DaemonSet', 'Job', 'EndpointSlice', 'Ingress', 'IngressClass', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  'ValidatingWebhookConfiguration', 'CustomResourceDefinition',
]);
