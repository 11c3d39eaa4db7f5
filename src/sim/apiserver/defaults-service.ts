/** Service defaulting at decode time (SRC: kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Service, v1.31). */
import type { Service, ServicePort } from '../../model/core.ts';

/** type NodePort/LoadBalancer, or ClusterIP with externalIPs (SRC: pkg/api/v1/service/util.go ExternallyAccessible). */
export function externallyAccessible(svc: Service): boolean {
  const type = svc.spec.type;
  return type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/** Fills the v1 defaults into a Service, in place. */
export function defaultService(svc: Service): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) defaultPort(port);
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    // LoadBalancerIPMode is on by default in v1.31 (beta since 1.30).
    for (const ingress of svc.status?.loadBalancer?.ingress ?? []) if (ingress.ip && !ingress.ipMode) ingress.ipMode = 'VIP';
  }
}

function defaultPort(port: ServicePort): void {
  port.protocol ||= 'TCP';
  if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
}
