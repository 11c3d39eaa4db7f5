/**
 * What one node's kube-proxy programs, as an inspectable value: per service port its virtual IPs
 * (cluster IP, external IPs, load-balancer IPs, node port), its endpoints by traffic policy, and
 * the iptables chain names. Renderers (iptables, ipvsadm, ip addr) and the endpoint pick read it.
 * SRC: kubernetes pkg/proxy/serviceport.go newBaseServiceInfo, pkg/proxy/iptables/proxier.go syncProxyRules (v1.31)
 */
import type { Service, ServicePort } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import type { Topology } from '../topology.ts';
import type { KubeProxyConfig } from '../kube-proxy-config.ts';
import { serviceChains, servicePortName } from './chain-names.ts';
import { categorizeEndpoints, sliceEndpoints } from './endpoints.ts';
import type { ProxyRules, ServicePortRules } from './types.ts';
import { labNode, nodePortAddresses } from '../network/node-interfaces.ts';

/** Default ClientIP affinity timeout (3 hours). SRC: kubernetes pkg/apis/core/v1/defaults.go DefaultClientIPServiceAffinitySeconds */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** Builds the rules `node`'s kube-proxy, running with `config`, derives from Services and EndpointSlices. */
export function buildProxyRules(store: ReadonlyStore, node: string, config: KubeProxyConfig, topology: Topology): ProxyRules {
  const lab = labNode(topology, node);
  if (!lab) throw new Error(`buildProxyRules: unknown node "${node}" (lab nodes: ${topology.nodes.map((n) => n.name).join(', ')})`);
  const servicePorts: ServicePortRules[] = [];
  for (const svc of store.list<Service>('Service')) {
    if (!isProxied(svc)) continue;
    for (const port of svc.spec.ports ?? []) servicePorts.push(servicePortRules(store, svc, port, node));
  }
  return {
    node,
    nodeIP: lab.ip,
    mode: config.mode,
    scheduler: config.scheduler === '' ? 'rr' : config.scheduler,
    strictARP: config.strictARP,
    clusterCIDR: config.clusterCIDR || topology.podCIDR,
    nodeAddresses: nodePortAddresses(topology, node),
    servicePorts,
  };
}

// Headless (clusterIP None) and ExternalName services get no rules.
// SRC: kubernetes pkg/proxy/servicechangetracker.go serviceToServiceMap (ShouldSkipService) (v1.31)
function isProxied(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return svc.spec.type !== 'ExternalName' && ip !== undefined && ip !== '' && ip !== 'None';
}

function servicePortRules(store: ReadonlyStore, svc: Service, port: ServicePort, node: string): ServicePortRules {
  const namespace = svc.metadata.namespace ?? 'default';
  const spn = servicePortName(namespace, svc.metadata.name, port.name);
  const protocol = (port.protocol ?? 'TCP') as ServicePortRules['protocol'];
  const externalIPs = svc.spec.externalIPs ?? [];
  const loadBalancerIPs =
    svc.spec.type === 'LoadBalancer' ? (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])) : [];
  const nodePort = port.nodePort && port.nodePort > 0 ? port.nodePort : undefined;
  // SRC: kubernetes pkg/api/v1/service/util.go ExternallyAccessible, ExternalPolicyLocal, InternalPolicyLocal (v1.31)
  const externallyAccessible = nodePort !== undefined || externalIPs.length > 0 || loadBalancerIPs.length > 0;
  const externalLocal = externallyAccessible && svc.spec.externalTrafficPolicy === 'Local';
  const internalLocal = svc.spec.internalTrafficPolicy === 'Local';
  const usesCluster = !internalLocal || (externallyAccessible && !externalLocal);
  const endpoints = sliceEndpoints(store, namespace, svc.metadata.name, port, spn, node);
  const categorized = categorizeEndpoints(endpoints, usesCluster, internalLocal || externalLocal);
  const affinitySeconds = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
  return {
    namespace,
    service: svc.metadata.name,
    ...(port.name ? { portName: port.name } : {}),
    name: spn,
    protocol,
    port: port.port,
    clusterIP: svc.spec.clusterIP!,
    externalIPs,
    loadBalancerIPs,
    ...(nodePort === undefined ? {} : { nodePort }),
    ...(externalLocal && svc.spec.healthCheckNodePort ? { healthCheckNodePort: svc.spec.healthCheckNodePort } : {}),
    loadBalancerSourceRanges: svc.spec.type === 'LoadBalancer' ? (svc.spec.loadBalancerSourceRanges ?? []) : [],
    ...(svc.spec.sessionAffinity === 'ClientIP' ? { sessionAffinity: { timeoutSeconds: affinitySeconds } } : {}),
    internalTrafficPolicy: internalLocal ? 'Local' : 'Cluster',
    externalTrafficPolicy: externalLocal ? 'Local' : 'Cluster',
    chains: serviceChains(spn, protocol),
    endpoints,
    ...categorized,
  };
}

/** Is this service port reachable from outside the cluster (node port, external IPs or LB IPs)? */
export function externallyAccessible(sp: ServicePortRules): boolean {
  return sp.nodePort !== undefined || sp.externalIPs.length > 0 || sp.loadBalancerIPs.length > 0;
}
