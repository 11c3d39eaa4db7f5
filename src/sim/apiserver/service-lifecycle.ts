/**
 * What the Service registry does around validation (SRC: kubernetes pkg/registry/core/service/storage/storage.go
 * beginCreate/beginUpdate, rest.go patchAllocatedValues/normalizeClusterIPs, strategy.go dropTypeDependentFields, v1.31).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Service } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { ApiStatus } from './types.ts';
import { invalidStatus } from './field-errors.ts';
import { initIPFamilies, validateClusterIPsRelated } from './validate-service-ips.ts';
import { allocateClusterIP } from './service-ip-alloc.ts';
import { allocateNodePortsCreate, allocateNodePortsUpdate, needsHealthCheck } from './service-port-alloc.ts';
import { externallyAccessible } from './defaults-service.ts';

const needsClusterIP = (svc: Service): boolean => svc.spec.type !== 'ExternalName';
const needsNodePort = (svc: Service): boolean => svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';

/** Create: clusterIP→clusterIPs, then IP families, ClusterIP, NodePorts, healthCheckNodePort. An error here pre-empts validation. */
export function beginServiceCreate(sim: Simulation, svc: Service, dryRun: boolean): ApiStatus | undefined {
  if (svc.spec.clusterIP && !svc.spec.clusterIPs?.length) svc.spec.clusterIPs = [svc.spec.clusterIP];
  delete svc.status;
  svc.status = { loadBalancer: {} };
  if (needsClusterIP(svc)) {
    const familyError = initFamilies(svc);
    if (familyError) return familyError;
    const ipError = allocateClusterIP(sim, svc, dryRun);
    if (ipError) return ipError;
  }
  return allocateNodePortsCreate(sim, svc);
}

/** Update: patch in allocated values the client left out, keep clusterIPs in sync, allocate, then drop type-dependent fields. */
export function beginServiceUpdate(sim: Simulation, svc: Service, old: Service, dryRun: boolean): ApiStatus | undefined {
  patchAllocatedValues(svc, old);
  normalizeClusterIPs(svc, old);
  if (needsClusterIP(svc)) {
    const familyError = initFamilies(svc);
    if (familyError) return familyError;
    if (!needsClusterIP(old)) {
      const ipError = allocateClusterIP(sim, svc, dryRun, svc);
      if (ipError) return ipError;
    }
  }
  const portError = allocateNodePortsUpdate(sim, svc, old);
  if (portError) return portError;
  svc.status = structuredClone(old.status ?? { loadBalancer: {} });
  dropTypeDependentFields(svc, old);
  return undefined;
}

function initFamilies(svc: Service): ApiStatus | undefined {
  const loose = validateClusterIPsRelated(svc);
  if (loose.length) return invalidStatus('Service', '', svc.metadata.name, loose);
  const errs = initIPFamilies(svc);
  return errs.length ? invalidStatus('Service', '', svc.metadata.name, errs) : undefined;
}

/** Re-applying a manifest without clusterIP/nodePort keeps what was allocated (nodePorts matched by port name). */
function patchAllocatedValues(svc: Service, old: Service): void {
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!svc.spec.clusterIP && old.spec.clusterIP) svc.spec.clusterIP = old.spec.clusterIP;
    if (!svc.spec.clusterIPs?.length && old.spec.clusterIPs?.length) svc.spec.clusterIPs = [...old.spec.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const inNew = new Set((svc.spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const used = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((n) => n && inNew.has(n)));
    const byName = new Map((old.spec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of svc.spec.ports ?? []) {
      const previous = byName.get(p.name ?? '');
      if (!p.nodePort && previous && !used.has(previous)) p.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !svc.spec.healthCheckNodePort) svc.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
}

function normalizeClusterIPs(svc: Service, old: Service): void {
  if (old.spec.clusterIP && !svc.spec.clusterIP) {
    delete svc.spec.clusterIPs;
    return;
  }
  // Changing only the singular field (an old client) rewrites the plural one, so validation sees the change.
  if (old.spec.clusterIP && svc.spec.clusterIP && svc.spec.clusterIP !== old.spec.clusterIP) {
    if (!svc.spec.clusterIPs?.length || isDeepStrictEqual(svc.spec.clusterIPs, old.spec.clusterIPs)) svc.spec.clusterIPs = [svc.spec.clusterIP];
  }
}

function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (isDeepStrictEqual(spec.clusterIPs, old.spec.clusterIPs) && spec.clusterIP === old.spec.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (isDeepStrictEqual(spec.ipFamilies, old.spec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    // sameNodePorts: the same set of numbers, or none at all, means the user did not ask for them.
    const numbers = (s: Service) => [...new Set((s.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter(Boolean))].sort();
    const now = numbers(svc);
    if (now.length === 0 || isDeepStrictEqual(now, numbers(old))) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && spec.healthCheckNodePort === old.spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (old.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === old.spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(svc) && spec.externalTrafficPolicy === old.spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  // Leaving LoadBalancer clears status.loadBalancer at once.
  if (spec.type !== 'LoadBalancer') svc.status = { loadBalancer: {} };
}
