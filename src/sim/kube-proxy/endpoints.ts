/** Endpoints of a service port from EndpointSlices, categorised as kube-proxy does. */
import type { EndpointSlice, ServicePort } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';
import { endpointChain } from './chain-names.ts';
import type { ProxyEndpoint } from './types.ts';

/**
 * Endpoints of one service port, read from the slices labelled with the service name.
 * SRC: kubernetes pkg/proxy/endpointslicecache.go addEndpoints (v1.31): slice ports match by name and
 * protocol; ready nil = ready, serving nil = serving, terminating nil = false; deduplicated and sorted by "ip:port".
 */
export function sliceEndpoints(store: ReadonlyStore, namespace: string, service: string, port: ServicePort, spn: string, node: string): ProxyEndpoint[] {
  const protocol = port.protocol ?? 'TCP';
  const byAddress = new Map<string, ProxyEndpoint>();
  for (const slice of store.list<EndpointSlice>('EndpointSlice', namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service || slice.addressType !== 'IPv4') continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === protocol);
    if (slicePort?.port === undefined) continue;
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      const address = `${ip}:${slicePort.port}`;
      if (byAddress.has(address)) continue;
      const ready = ep.conditions?.ready ?? true;
      byAddress.set(address, {
        ip,
        port: slicePort.port,
        address,
        ...(ep.nodeName === undefined ? {} : { nodeName: ep.nodeName }),
        isLocal: ep.nodeName === node,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        chain: endpointChain(spn, protocol, address),
        ...(ep.targetRef === undefined ? {} : { targetRef: ep.targetRef }),
      });
    }
  }
  return [...byAddress.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** Which endpoints each traffic policy uses. */
export interface CategorizedEndpoints {
  clusterEndpoints: ProxyEndpoint[];
  localEndpoints: ProxyEndpoint[];
  reachableEndpoints: ProxyEndpoint[];
  hasEndpoints: boolean;
}

/**
 * SRC: kubernetes pkg/proxy/topology.go CategorizeEndpoints (v1.31), without topology hints:
 * ready endpoints, falling back to serving+terminating ones when none is ready (ProxyTerminatingEndpoints, GA 1.28).
 */
export function categorizeEndpoints(all: ProxyEndpoint[], usesCluster: boolean, usesLocal: boolean): CategorizedEndpoints {
  const servingTerminating = (ep: ProxyEndpoint) => ep.serving && ep.terminating;
  let clusterEndpoints: ProxyEndpoint[] = [];
  let hasEndpoints = false;
  if (usesCluster) {
    clusterEndpoints = all.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = all.filter(servingTerminating);
    hasEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocal) return { clusterEndpoints, localEndpoints: [], reachableEndpoints: clusterEndpoints, hasEndpoints };
  if (all.some((ep) => ep.ready || servingTerminating(ep))) hasEndpoints = true;
  let localEndpoints = all.filter((ep) => ep.isLocal && ep.ready);
  if (localEndpoints.length === 0) localEndpoints = all.filter((ep) => ep.isLocal && servingTerminating(ep));
  if (!usesCluster) return { clusterEndpoints, localEndpoints, reachableEndpoints: localEndpoints, hasEndpoints };
  const reachable = [...clusterEndpoints, ...localEndpoints.filter((ep) => !clusterEndpoints.includes(ep))];
  return { clusterEndpoints, localEndpoints, reachableEndpoints: reachable, hasEndpoints };
}
