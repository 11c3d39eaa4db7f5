/** The API resources the simulated API server serves: how kubectl names them and whether they are namespaced. */

/** One API resource (what `kubectl api-resources` lists). */
export interface ResourceType {
  kind: string;
  /** group/version, e.g. "v1", "apps/v1", "metallb.io/v1beta1". */
  apiVersion: string;
  /** Plural resource name, e.g. "services". */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** `kubectl apply` prints `<plural>.<group>/<name>`; core group prints just `<singular>/<name>`. */
  group: string;
}

/** The resources every Kubernetes v1.31 API server serves (that kubelab models). */
export const BUILT_IN_RESOURCES: readonly ResourceType[] = [
  r('Namespace', 'v1', 'namespaces', ['ns'], false),
  r('Node', 'v1', 'nodes', ['no'], false),
  r('Pod', 'v1', 'pods', ['po'], true),
  r('Service', 'v1', 'services', ['svc'], true),
  r('Endpoints', 'v1', 'endpoints', ['ep'], true),
  r('ConfigMap', 'v1', 'configmaps', ['cm'], true),
  r('Secret', 'v1', 'secrets', [], true),
  r('ServiceAccount', 'v1', 'serviceaccounts', ['sa'], true),
  r('Event', 'v1', 'events', ['ev'], true),
  r('Deployment', 'apps/v1', 'deployments', ['deploy'], true),
  r('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], true),
  r('DaemonSet', 'apps/v1', 'daemonsets', ['ds'], true),
  r('Job', 'batch/v1', 'jobs', [], true),
  r('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', [], true),
  r('Lease', 'coordination.k8s.io/v1', 'leases', [], true),
  r('Ingress', 'networking.k8s.io/v1', 'ingresses', ['ing'], true),
  r('IngressClass', 'networking.k8s.io/v1', 'ingressclasses', [], false),
  r('Role', 'rbac.authorization.k8s.io/v1', 'roles', [], true),
  r('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', [], true),
  r('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', [], false),
  r('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', [], false),
  r('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', [], false),
  r('CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'customresourcedefinitions', ['crd', 'crds'], false),
];

/** MetalLB's CRDs (metallb.io), served only once MetalLB is installed (metallb config/crd, v0.14.8). */
export const METALLB_RESOURCES: readonly ResourceType[] = [
  r('IPAddressPool', 'metallb.io/v1beta1', 'ipaddresspools', [], true),
  r('L2Advertisement', 'metallb.io/v1beta1', 'l2advertisements', [], true),
  r('BGPAdvertisement', 'metallb.io/v1beta1', 'bgpadvertisements', [], true),
  r('BGPPeer', 'metallb.io/v1beta2', 'bgppeers', [], true),
];

/** Which resources a cluster serves; grows when CRDs are installed. */
export class ResourceRegistry {
  #types: ResourceType[];
  constructor(initial: readonly ResourceType[] = BUILT_IN_RESOURCES) {
    this.#types = [...initial];
  }
  /** Adds resources (installing CRDs). */
  add(types: readonly ResourceType[]): void {
    for (const t of types) if (!this.#types.some((x) => x.kind === t.kind)) this.#types.push(t);
  }
  /** The resource for an apiVersion+kind as written in a manifest, or undefined ("no matches for kind"). */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.#types.find((t) => t.kind === kind && t.apiVersion === apiVersion);
  }
  /** The resource a kubectl argument names: plural, singular, short name or kind, optionally `.group`. */
  byName(name: string): ResourceType | undefined {
    const [base, ...groupParts] = name.toLowerCase().split('.');
    const group = groupParts.join('.');
    return this.#types.find(
      (t) =>
        (t.plural === base || t.singular === base || t.shortNames.includes(base ?? '') || t.kind.toLowerCase() === base) &&
        (group === '' || t.group === group || t.group.startsWith(group)),
    );
  }
  /** Every served resource. */
  all(): readonly ResourceType[] {
    return this.#types;
  }
}

function r(kind: string, apiVersion: string, plural: string, shortNames: string[], namespaced: boolean): ResourceType {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
  return { kind, apiVersion, plural, singular: kind.toLowerCase(), shortNames, namespaced, group };
}
