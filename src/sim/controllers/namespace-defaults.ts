/**
 * The two kube-controller-manager loops that give every active namespace its standard objects: the serviceaccount
 * controller's `default` ServiceAccount and the root-ca-cert-publisher's `kube-root-ca.crt` ConfigMap (the cluster
 * CA that pods' kube-api-access volumes project as ca.crt; an edited copy is put back).
 * SRC: kubernetes pkg/controller/serviceaccount/serviceaccounts_controller.go syncNamespace,
 * pkg/controller/certificates/rootcacertpublisher/publisher.go syncNamespace (v1.31).
 */
import type { ConfigMap, Namespace } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { Change, Controller, ControllerContext } from './controller.ts';
import { randomUid, rfc3339 } from './workload-meta.ts';

/** The ConfigMap every namespace gets. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
/** The publisher's kubernetes.io/description annotation. */
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** Creates the `default` ServiceAccount in each Active namespace that lacks one. */
export const serviceAccountController: Controller = {
  name: 'serviceaccount',
  reconcile(ctx: ControllerContext): Change[] {
    return activeNamespaces(ctx)
      .filter((ns) => !ctx.store.get('ServiceAccount', 'default', ns))
      .map((ns) => ({ op: 'put', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: newMeta(ctx, 'default', ns) } }));
  },
};

/** The root-ca-cert-publisher for a cluster CA (PEM): creates kube-root-ca.crt, and restores its data and description. */
export function createRootCaPublisher(caPem: string): Controller {
  return {
    name: 'root-ca-cert-publisher',
    reconcile(ctx: ControllerContext): Change[] {
      const changes: Change[] = [];
      for (const ns of activeNamespaces(ctx)) {
        const current = ctx.store.get<ConfigMap>('ConfigMap', ROOT_CA_CONFIGMAP, ns);
        if (!current) {
          const meta = { ...newMeta(ctx, ROOT_CA_CONFIGMAP, ns), annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } };
          changes.push({ op: 'put', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { 'ca.crt': caPem } } });
          continue;
        }
        const sameData = Object.keys(current.data ?? {}).length === 1 && current.data?.['ca.crt'] === caPem;
        if (sameData && current.metadata.annotations?.['kubernetes.io/description']) continue;
        const fixed = structuredClone(current);
        fixed.data = { 'ca.crt': caPem };
        fixed.metadata.annotations = { ...(fixed.metadata.annotations ?? {}), 'kubernetes.io/description': ROOT_CA_DESCRIPTION };
        changes.push({ op: 'put', object: fixed });
      }
      return changes;
    },
  };
}

// Both controllers skip namespaces that are not Active (being deleted).
function activeNamespaces(ctx: ControllerContext): string[] {
  return ctx.store.list<Namespace>('Namespace').filter((ns) => (ns.status?.phase ?? 'Active') === 'Active' && !ns.metadata.deletionTimestamp).map((ns) => ns.metadata.name);
}

// What the API server stamps on a create (the controllers' writes skip the request path).
function newMeta(ctx: ControllerContext, name: string, namespace: string): KubeObject['metadata'] {
  return { name, namespace, uid: randomUid(ctx.rng), creationTimestamp: rfc3339(ctx.clock.now()) };
}
