/** apps/v1 workloads: Deployment, ReplicaSet, DaemonSet. */
import type { KubeObject, LabelSelector, ObjectMeta } from './meta.ts';
import type { PodSpec } from './core.ts';

/** A pod template. */
export interface PodTemplate { metadata?: Partial<ObjectMeta>; spec: PodSpec }

/** A Deployment. */
export interface Deployment extends KubeObject {
  kind: 'Deployment';
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplate; strategy?: unknown };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number; observedGeneration?: number };
}

/** A ReplicaSet (made by the deployment controller, named `<deployment>-<pod-template-hash>`). */
export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet';
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplate };
  status?: { replicas?: number; readyReplicas?: number };
}

/** A DaemonSet (kube-proxy, MetalLB speaker). */
export interface DaemonSet extends KubeObject {
  kind: 'DaemonSet';
  spec: { selector: LabelSelector; template: PodTemplate };
}
