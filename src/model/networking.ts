/** networking.k8s.io/v1 Ingress and IngressClass, and MetalLB's metallb.io/v1beta1 CRDs. */
import type { KubeObject } from './meta.ts';
import type { LoadBalancerIngress } from './core.ts';

/** The backend of an Ingress path or default backend. */
export interface IngressBackend { service?: { name: string; port: { number?: number; name?: string } }; resource?: { apiGroup?: string; kind: string; name: string } }

/** One HTTP path of an Ingress rule. */
export interface HTTPIngressPath { path?: string; pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | string; backend: IngressBackend }

/** An Ingress rule. */
export interface IngressRule { host?: string; http?: { paths: HTTPIngressPath[] } }

/** An Ingress. */
export interface Ingress extends KubeObject {
  kind: 'Ingress';
  spec: { ingressClassName?: string; defaultBackend?: IngressBackend; tls?: { hosts?: string[]; secretName?: string }[]; rules?: IngressRule[] };
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

/** An IngressClass. */
export interface IngressClass extends KubeObject { kind: 'IngressClass'; spec: { controller: string } }

/** MetalLB address pool. */
export interface IPAddressPool extends KubeObject {
  kind: 'IPAddressPool';
  spec: { addresses: string[]; autoAssign?: boolean; avoidBuggyIPs?: boolean; serviceAllocation?: unknown };
}

/** MetalLB layer-2 advertisement. */
export interface L2Advertisement extends KubeObject {
  kind: 'L2Advertisement';
  spec?: { ipAddressPools?: string[]; ipAddressPoolSelectors?: unknown[]; nodeSelectors?: unknown[]; interfaces?: string[] };
}
