/**
 * ClusterIP allocation, derived from the Services in the store (no allocator state of its own)
 * (SRC: kubernetes pkg/registry/core/service/storage/alloc.go allocIPs + ipallocator/bitmap.go, v1.31).
 */
import type { Service } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { ApiStatus } from './types.ts';
import { fieldError, goStringSlice, internalErrorStatus, invalidStatus } from './field-errors.ts';
import { ipAt, networkAddress, offsetOf, parseServiceIPRange, type ServiceIPRange } from './ip-range.ts';
import { randomScanWithOffset } from './bitmap-scan.ts';

/** ClusterIPs held by every Service except `self`. */
export function usedClusterIPs(sim: Simulation, self?: Service): Set<string> {
  const used = new Set<string>();
  for (const svc of sim.store.list<Service>('Service')) {
    if (self && svc.metadata.name === self.metadata.name && svc.metadata.namespace === self.metadata.namespace) continue;
    for (const ip of svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])) if (ip !== 'None') used.add(ip);
  }
  return used;
}

/** The configured range (an unparsable range is a simulator configuration error, reported by applyApiServerFlags). */
export function serviceRange(sim: Simulation): ServiceIPRange {
  const range = parseServiceIPRange(sim.config.serviceClusterIPRange);
  if ('error' in range) throw new Error(`--service-cluster-ip-range: ${range.error}`);
  return range;
}

/**
 * Gives the Service its ClusterIP: the requested one (in range and free) or a random free one.
 * `default/kubernetes` asks for the first address, as the apiserver's kubernetesservice controller does
 * (SRC: pkg/controlplane/controller/kubernetesservice, first IP of the range).
 */
export function allocateClusterIP(sim: Simulation, svc: Service, dryRun: boolean, exclude?: Service): ApiStatus | undefined {
  const spec = svc.spec;
  const range = serviceRange(sim);
  const requested = spec.clusterIPs?.[0] ?? '';
  if (requested === 'None') return undefined;
  if (requested === '' && svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') {
    return allocateStatic(sim, svc, range, ipAt(range, 0), dryRun, exclude);
  }
  if (requested !== '') return allocateStatic(sim, svc, range, requested, dryRun, exclude);
  let ip: string;
  if (dryRun) {
    // SRC: bitmap.go allocateNext(dryRun): "Don't bother finding a free value" — the network address comes back.
    ip = networkAddress(range);
  } else {
    const used = usedClusterIPs(sim, exclude);
    const offset = randomScanWithOffset(sim.rng, range.max, range.offset, (at) => used.has(ipAt(range, at)));
    if (offset === undefined) return internalErrorStatus('failed to allocate a serviceIP: range is full');
    ip = ipAt(range, offset);
  }
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  return undefined;
}

function allocateStatic(sim: Simulation, svc: Service, range: ServiceIPRange, ip: string, dryRun: boolean, exclude: Service | undefined): ApiStatus | undefined {
  let problem: string | undefined;
  // SRC: ipallocator/interfaces.go ErrNotInRange / ErrAllocated at v1.31: "the provided IP (%v) is not in the valid range.
  // The range of valid IPs is %s". The shorter "provided IP X is not in the valid range" is a much later change
  // (still the long form in kubernetes PR #141559, 2026); k8s-services.md calls it "current code".
  if (offsetOf(range, ip) === undefined) problem = `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${range.cidr}`;
  else if (!dryRun && usedClusterIPs(sim, exclude).has(ip)) problem = 'provided IP is already allocated';
  if (problem) {
    const shown = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : [ip];
    return invalidStatus('Service', '', svc.metadata.name, [fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(shown), `failed to allocate IP ${ip}: ${problem}`)]);
  }
  svc.spec.clusterIP = ip;
  svc.spec.clusterIPs = [ip];
  return undefined;
}
