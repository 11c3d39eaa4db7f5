/** MetalLB's IP allocator: keep a valid IP, honour requested IPs and the pool annotation, else lowest free address. */
// SRC: metallb internal/allocator/allocator.go Allocate/AllocateFromPool/checkSharing/sharingOK; controller/service.go (v0.14.8)
import type { Service } from '../../model/core.ts';
import { type Pool, poolOwning, numberToIp, cidrSize } from './pools.ts';
import { isIPv4 } from '../dns/names.ts';

/** v0.14.8 reads and writes only the `metallb.universe.tf/` annotations (`metallb.io/` arrived in v0.14.9). */
export const METALLB_ANNOTATIONS = {
  loadBalancerIPs: 'metallb.universe.tf/loadBalancerIPs',
  addressPool: 'metallb.universe.tf/address-pool',
  allowSharedIP: 'metallb.universe.tf/allow-shared-ip',
  allocatedFromPool: 'metallb.universe.tf/ip-allocated-from-pool',
} as const;

/** Who holds an address: service key, sharing key, backend key and its ports (`TCP/80`). */
interface Holder { svc: string; sharing: string; backend: string; ports: string[] }

/** The addresses in use, rebuilt from the services' status on every reconcile (the controller keeps no other state). */
export class Allocations {
  readonly #byIP = new Map<string, Holder[]>();
  /** Records `svc` as a user of `ip`. */
  assign(svc: Service, ip: string): void {
    const holders = this.#byIP.get(ip) ?? [];
    this.#byIP.set(ip, [...holders.filter((h) => h.svc !== keyOf(svc)), holderOf(svc)]);
  }
  /** Why `svc` may not use `ip`, or undefined when it may. */
  conflict(svc: Service, ip: string): string | undefined {
    const others = (this.#byIP.get(ip) ?? []).filter((h) => h.svc !== keyOf(svc));
    if (others.length === 0) return undefined;
    const me = holderOf(svc);
    const first = others[0]!;
    if (first.sharing === '' || me.sharing === '' || first.sharing !== me.sharing || first.backend !== me.backend) {
      return `can't change sharing key for ${JSON.stringify(me.svc)}, address also in use by ${others.map((h) => h.svc).join(',')}`;
    }
    for (const port of me.ports) if (others.some((h) => h.ports.includes(port))) return `port ${port} is already in use on ${JSON.stringify(ip)}`;
    return undefined;
  }
}

/** `namespace/name`, MetalLB's service key. */
export function keyOf(svc: Service): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}

function holderOf(svc: Service): Holder {
  // SRC: controller/service.go — the backend key is the selector only for externalTrafficPolicy Local.
  const backend = svc.spec.externalTrafficPolicy === 'Local' ? JSON.stringify(svc.spec.selector ?? {}) : '';
  return { svc: keyOf(svc), sharing: svc.metadata.annotations?.[METALLB_ANNOTATIONS.allowSharedIP] ?? '', backend, ports: (svc.spec.ports ?? []).map((p) => `${p.protocol ?? 'TCP'}/${p.port}`) };
}

/** IPs the service asks for: the loadBalancerIPs annotation or spec.loadBalancerIP (not both). */
// SRC: controller/service.go getDesiredLbIPs (v0.14.8)
export function requestedIPs(svc: Service): { ok: true; ips: string[] } | { ok: false; message: string } {
  const annotated = svc.metadata.annotations?.[METALLB_ANNOTATIONS.loadBalancerIPs] ?? '';
  const field = svc.spec.loadBalancerIP ?? '';
  if (annotated && field) return { ok: false, message: 'service can not have both metallb.universe.tf/loadBalancerIPs and svc.Spec.LoadBalancerIP' };
  if (annotated) {
    const ips = annotated.split(',').map((s) => s.trim());
    if (ips.some((ip) => !isIPv4(ip))) return { ok: false, message: `invalid ${METALLB_ANNOTATIONS.loadBalancerIPs}: ${JSON.stringify(annotated)}` };
    return { ok: true, ips };
  }
  if (field && !isIPv4(field)) return { ok: false, message: `invalid spec.loadBalancerIP ${JSON.stringify(field)}` };
  return { ok: true, ips: field ? [field] : [] };
}

/** Result of one allocation. */
export type Allocation = { ok: true; ip: string; pool: string } | { ok: false; message: string };

/**
 * What convergeBalancer does with a service's current IP: keep it; clear it (with the ClearAssignment
 * message when the allocator refuses it, silently when the user asked for another pool or IP) and
 * allocate again; or stop with a LoadBalancerFailed message (unparsable requested IPs).
 */
// SRC: controller/service.go convergeBalancer (v0.14.8)
export type CurrentIPVerdict = { kind: 'keep' } | { kind: 'clear'; clearMessage?: string } | { kind: 'fail'; message: string };

/** Judges the current IP of a service as convergeBalancer does (see CurrentIPVerdict). */
export function judgeCurrentIP(svc: Service, ip: string, pools: Pool[], state: Allocations): CurrentIPVerdict {
  const pool = poolOwning(pools, ip);
  const refused = pool ? state.conflict(svc, ip) : `${JSON.stringify([ip])} is not allowed in config`;
  if (refused) return { kind: 'clear', clearMessage: refused };
  const wanted = svc.metadata.annotations?.[METALLB_ANNOTATIONS.addressPool];
  if (wanted && wanted !== pool!.name) return { kind: 'clear' };
  const requested = requestedIPs(svc);
  if (!requested.ok) return { kind: 'fail', message: `invalid requested loadbalancer IPs: ${requested.message}` };
  if (requested.ips.length > 0 && (requested.ips.length !== 1 || requested.ips[0] !== ip)) return { kind: 'clear' };
  return { kind: 'keep' };
}

/** Picks an address for a service that has none. `pools` in the order tried (MetalLB iterates a Go map; kubelab uses name order). */
export function allocate(svc: Service, pools: Pool[], state: Allocations): Allocation {
  const requested = requestedIPs(svc);
  if (!requested.ok) return requested;
  const poolName = svc.metadata.annotations?.[METALLB_ANNOTATIONS.addressPool];
  if (poolName !== undefined && !pools.some((p) => p.name === poolName)) return { ok: false, message: `unknown pool ${JSON.stringify(poolName)}` };
  if (requested.ips.length > 0) {
    const ip = requested.ips[0]!;
    const pool = poolOwning(pools, ip);
    if (!pool) return { ok: false, message: `${JSON.stringify(requested.ips)} is not allowed in config` };
    if (poolName !== undefined && pool.name !== poolName) return { ok: false, message: `requested loadBalancer IP(s) ${JSON.stringify(requested.ips)} is not compatible with requested address pool ${poolName}` };
    const conflict = state.conflict(svc, ip);
    return conflict ? { ok: false, message: conflict } : { ok: true, ip, pool: pool.name };
  }
  if (poolName !== undefined) {
    const ip = firstFree(svc, pools.find((p) => p.name === poolName)!, state);
    return ip ? { ok: true, ip, pool: poolName } : { ok: false, message: `no available IPs in pool ${JSON.stringify(poolName)} for IPv4 IPFamily` };
  }
  for (const pool of pools) {
    if (!pool.autoAssign) continue;
    const ip = firstFree(svc, pool, state);
    if (ip) return { ok: true, ip, pool: pool.name };
  }
  return { ok: false, message: 'no available IPs' };
}

// SRC: allocator.go AllocateFromPool — CIDRs in order, lowest address first; avoidBuggyIPs skips .0 and .255.
function firstFree(svc: Service, pool: Pool, state: Allocations): string | undefined {
  for (const cidr of pool.cidrs) {
    for (let i = 0; i < cidrSize(cidr); i++) {
      const n = cidr.base + i;
      if (pool.avoidBuggyIPs && ((n & 255) === 0 || (n & 255) === 255)) continue;
      const ip = numberToIp(n);
      if (state.conflict(svc, ip) === undefined) return ip;
    }
  }
  return undefined;
}
