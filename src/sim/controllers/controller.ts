/** What a controller is: a pure function from the stored objects to the changes it wants. */
import type { KubeObject, ObjectRef } from '../../model/meta.ts';
import type { ReadonlyStore } from '../store.ts';
import type { Clock, Random } from '../context.ts';
import type { Topology } from '../topology.ts';
import type { ClusterConfig } from '../cluster-config.ts';

/** Everything a controller may read. It must not keep state between calls. */
export interface ControllerContext {
  store: ReadonlyStore;
  clock: Clock;
  rng: Random;
  topology: Topology;
  config: ClusterConfig;
  /** State nodes keep on their own disks, outside the API server; absent = nodes remember nothing (fresh disks). */
  nodeState?: NodeLocalState;
}

/**
 * What nodes remember outside the API (no object kubectl can list): host-local IPAM's last reserved
 * pod IP per node, kept by the CNI in /var/lib/cni/networks/<network>/last_reserved_ip.0. It survives
 * the pod that took the IP, so it cannot be derived from the pods still stored. The Simulation owns
 * one and passes it in; the kubelet controller is the only writer.
 */
export interface NodeLocalState {
  lastReservedIP: Map<string, string>;
}

/** One change a controller asks for; the simulation applies them in order. */
export type Change =
  | { op: 'put'; object: KubeObject }
  | { op: 'delete'; ref: ObjectRef };

/** A named reconciler. `reconcile` returns no changes once the world matches what it wants. */
export interface Controller {
  name: string;
  reconcile(ctx: ControllerContext): Change[];
}
