/** Core v1 objects kubelab models: Namespace, Node, Pod, Service, Endpoints, ConfigMap, Secret, Event. */
import type { KubeObject, ObjectMeta } from './meta.ts';

/** A namespace. */
export interface Namespace extends KubeObject { kind: 'Namespace'; status?: { phase: 'Active' | 'Terminating' } }

/** A node of the lab: control plane or worker, with its InternalIP and pod CIDR. */
export interface Node extends KubeObject {
  kind: 'Node';
  spec: { podCIDR: string; podCIDRs?: string[]; taints?: { key: string; effect: string }[] };
  status: {
    addresses: { type: 'InternalIP' | 'Hostname' | 'ExternalIP'; address: string }[];
    conditions?: NodeCondition[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: NodeSystemInfo;
    daemonEndpoints?: { kubeletEndpoint: { Port: number } };
    images?: { names: string[]; sizeBytes: number }[];
  };
}

/** A node condition: the kubelet stamps when it last posted it and when its status last changed. */
export interface NodeCondition extends Condition { lastHeartbeatTime?: string; lastTransitionTime?: string }

/** status.nodeInfo, as the kubelet reports it (core/v1 NodeSystemInfo). */
export interface NodeSystemInfo {
  machineID: string; systemUUID: string; bootID: string; kernelVersion: string; osImage: string; containerRuntimeVersion: string;
  kubeletVersion: string; kubeProxyVersion: string; operatingSystem: string; architecture: string;
}

/** A status condition (Ready, Available…). */
export interface Condition { type: string; status: 'True' | 'False' | 'Unknown'; reason?: string; message?: string }

/** A container port. */
export interface ContainerPort { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }

/** A container of a pod template. */
export interface Container { name: string; image: string; ports?: ContainerPort[]; args?: string[]; command?: string[]; env?: { name: string; value?: string }[] }

/** Pod spec fields kubelab uses. */
export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'None' | 'ClusterFirstWithHostNet';
  restartPolicy?: string;
}

/** Container state as kubectl shows it in STATUS (Running, ErrImagePull, ImagePullBackOff…). */
export interface ContainerStatus { name: string; image: string; ready: boolean; restartCount: number; state: { running?: { startedAt: string }; waiting?: { reason: string; message?: string } } }

/** A pod. */
export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status?: { phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'; podIP?: string; podIPs?: { ip: string }[]; hostIP?: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[]; startTime?: string };
}

/** One port of a Service. targetPort may be a number or a container port name. */
export interface ServicePort { name?: string; protocol?: 'TCP' | 'UDP' | 'SCTP' | string; port: number; targetPort?: number | string; nodePort?: number; appProtocol?: string }

/** Service spec (core/v1). */
export interface ServiceSpec {
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | string;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity?: 'None' | 'ClientIP' | string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  externalTrafficPolicy?: 'Cluster' | 'Local' | string;
  internalTrafficPolicy?: 'Cluster' | 'Local' | string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  loadBalancerIP?: string;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: string[];
  allocateLoadBalancerNodePorts?: boolean;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
}

/** LoadBalancer ingress point written by MetalLB (or any LB controller). */
export interface LoadBalancerIngress { ip?: string; hostname?: string; ipMode?: 'VIP' | 'Proxy' }

/** A Service. */
export interface Service extends KubeObject {
  kind: 'Service';
  spec: ServiceSpec;
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

/** An address inside an Endpoints subset. */
export interface EndpointAddress { ip: string; nodeName?: string; hostname?: string; targetRef?: { kind: 'Pod'; name: string; namespace: string; uid?: string } }

/** Legacy Endpoints object (still printed by `kubectl get endpoints`). */
export interface Endpoints extends KubeObject {
  kind: 'Endpoints';
  subsets?: { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: { name?: string; port: number; protocol?: string }[] }[];
}

/** discovery.k8s.io/v1 EndpointSlice (what kube-proxy, CoreDNS and ingress-nginx read). */
export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: { addresses: string[]; conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean }; hostname?: string; nodeName?: string; targetRef?: { kind: 'Pod'; name: string; namespace: string; uid?: string } }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

/** A ConfigMap. */
export interface ConfigMap extends KubeObject { kind: 'ConfigMap'; data?: Record<string, string> }

/** A Secret; data values are base64 as in the API. */
export interface Secret extends KubeObject { kind: 'Secret'; type?: string; data?: Record<string, string>; stringData?: Record<string, string> }

/** An Event, as `kubectl describe` lists them. */
export interface KubeEvent extends KubeObject {
  kind: 'Event';
  involvedObject: { kind: string; name: string; namespace?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: { component: string };
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

/** Convenience: metadata of a freshly made object. */
export type NewMeta = Pick<ObjectMeta, 'name' | 'namespace' | 'labels' | 'annotations'>;
