/**
 * NodePort and healthCheckNodePort allocation, derived from the Services in the store
 * (SRC: kubernetes pkg/registry/core/service/storage/alloc.go initNodePorts/updateNodePorts/allocHealthCheckNodePort,
 * portallocator/allocator.go, v1.31). The allocator is protocol-agnostic: a number is taken cluster-wide.
 */
import type { Service } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { ApiStatus } from './types.ts';
import { internalErrorStatus, invalidNumber, invalidStatus } from './field-errors.ts';
import { calculatePortRangeOffset, portRangeSize, portRangeString } from './port-range.ts';
import { randomScanWithOffset } from './bitmap-scan.ts';

/** NodePorts and healthCheckNodePorts held by every Service except `self`. */
export function usedNodePorts(sim: Simulation, self?: Service): Set<number> {
  const used = new Set<number>();
  for (const svc of sim.store.list<Service>('Service')) {
    if (self && svc.metadata.name === self.metadata.name && svc.metadata.namespace === self.metadata.namespace) continue;
    for (const p of svc.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (svc.spec.healthCheckNodePort) used.add(svc.spec.healthCheckNodePort);
  }
  return used;
}

/** One allocation transaction: ports taken so far in this request count as used. */
class NodePortOperation {
  readonly #used: Set<number>;
  constructor(private readonly sim: Simulation, exclude: Service | undefined) {
    this.#used = usedNodePorts(sim, exclude);
  }
  /** Reserves a requested port, or returns the allocator's error text. */
  allocate(port: number): string | undefined {
    const range = this.sim.config.serviceNodePortRange;
    if (port < range.min || port > range.max) {
      return `provided port is not in the valid range. The range of valid ports is ${portRangeString(range)}`;
    }
    if (this.#used.has(port)) return 'provided port is already allocated';
    this.#used.add(port);
    return undefined;
  }
  /** A random free port (dynamic band first), or undefined when the range is full. */
  allocateNext(): number | undefined {
    const range = this.sim.config.serviceNodePortRange;
    const size = portRangeSize(range);
    const at = randomScanWithOffset(this.sim.rng, size, calculatePortRangeOffset(size), (i) => this.#used.has(range.min + i));
    if (at === undefined) return undefined;
    this.#used.add(range.min + at);
    return range.min + at;
  }
}

const needsNodePort = (svc: Service): boolean => svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
const shouldAllocateNodePorts = (svc: Service): boolean =>
  svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
/** LoadBalancer with externalTrafficPolicy Local (SRC: pkg/api/service/util.go NeedsHealthCheck). */
export const needsHealthCheck = (svc: Service): boolean => svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';

const fullError = (): ApiStatus => internalErrorStatus('failed to allocate a nodePort: range is full');
const portError = (svc: Service, i: number, port: number, message: string): ApiStatus =>
  invalidStatus('Service', '', svc.metadata.name, [invalidNumber(`spec.ports[${i}].nodePort`, port, message)]);

/** Create: ports with the same port number (other protocol) share one nodePort; requests are honoured. */
export function allocateNodePortsCreate(sim: Simulation, svc: Service): ApiStatus | undefined {
  // On create nothing is excluded: a stored Service of the same name still holds its ports (the error pre-empts AlreadyExists).
  const op = new NodePortOperation(sim, undefined);
  if (needsNodePort(svc)) {
    const ports = svc.spec.ports ?? [];
    const byServicePort = new Map<number, number>();
    for (const [i, p] of ports.entries()) {
      if (!p.nodePort && !shouldAllocateNodePorts(svc)) continue;
      const shared = byServicePort.get(p.port);
      if (shared === undefined) {
        const requested = p.nodePort || ports.slice(i).find((q) => q.port === p.port && q.nodePort)?.nodePort || 0;
        if (requested) {
          const err = op.allocate(requested);
          if (err) return portError(svc, i, requested, err);
          p.nodePort = requested;
        } else {
          const next = op.allocateNext();
          if (next === undefined) return fullError();
          p.nodePort = next;
        }
        byServicePort.set(p.port, p.nodePort);
      } else if (p.nodePort !== shared) {
        if (!p.nodePort) p.nodePort = shared;
        else {
          const err = op.allocate(p.nodePort);
          if (err) return portError(svc, i, p.nodePort, err);
        }
      }
    }
  }
  return needsHealthCheck(svc) ? allocateHealthCheck(op, svc) : undefined;
}

/** Update: numbers the old object held stay; new requests are checked; unset ports get fresh ones. */
export function allocateNodePortsUpdate(sim: Simulation, svc: Service, old: Service): ApiStatus | undefined {
  const op = new NodePortOperation(sim, svc);
  if (needsNodePort(svc)) {
    const oldNumbers = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
    const takenHere = new Set<number>();
    const seen = new Set<string>();
    for (const [i, p] of (svc.spec.ports ?? []).entries()) {
      if (!p.nodePort && !shouldAllocateNodePorts(svc)) continue;
      if (p.nodePort) {
        if (!oldNumbers.has(p.nodePort) && !takenHere.has(p.nodePort)) {
          const err = op.allocate(p.nodePort);
          if (err) return portError(svc, i, p.nodePort, err);
          takenHere.add(p.nodePort);
        }
      } else {
        const next = op.allocateNext();
        if (next === undefined) return fullError();
        p.nodePort = next;
      }
      // SRC: alloc.go updateNodePorts returns a plain error (HTTP 500, reason Unknown) for a repeated (protocol, nodePort).
      const key = `${p.protocol ?? 'TCP'} ${p.nodePort}`;
      if (seen.has(key)) return { code: 500, reason: 'Unknown', message: `duplicate nodePort: {${key}}` };
      seen.add(key);
    }
  }
  if (!needsHealthCheck(old) && needsHealthCheck(svc)) return allocateHealthCheck(op, svc);
  return undefined;
}

function allocateHealthCheck(op: NodePortOperation, svc: Service): ApiStatus | undefined {
  const requested = svc.spec.healthCheckNodePort ?? 0;
  if (requested) {
    const err = op.allocate(requested);
    return err ? internalErrorStatus(`failed to allocate requested HealthCheck NodePort ${requested}: ${err}`) : undefined;
  }
  const next = op.allocateNext();
  if (next === undefined) return internalErrorStatus('failed to allocate a HealthCheck NodePort 0: range is full');
  svc.spec.healthCheckNodePort = next;
  return undefined;
}
