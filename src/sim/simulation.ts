/**
 * One simulated cluster: the object store behind a simulated API server, the controllers that
 * run in one visible order after every write, and the processes (apps) of the running pods.
 */
import { ObjectStore } from './store.ts';
import { ManualClock, Random } from './context.ts';
import { ResourceRegistry } from './kinds.ts';
import { defaultTopology, type Topology } from './topology.ts';
import { defaultClusterConfig, type ClusterConfig } from './cluster-config.ts';
import { CONTROLLERS } from './controllers/index.ts';
import type { Controller, ControllerContext, NodeLocalState } from './controllers/controller.ts';
import { createApiServer } from './apiserver/api-server.ts';
import type { ApiServer } from './apiserver/types.ts';
import { admitControllerCreate } from './apiserver/pod-admission.ts';
import { imageCatalogue } from './apps/catalogue.ts';
import type { AppImage, AppProcess } from './apps/app.ts';
import type { Pod } from '../model/core.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { sameObject } from './controllers/workload-meta.ts';
import { sendHttp } from './network/http.ts';
import { sendDns } from './network/dns-transport.ts';
import type { DnsTransport } from './dns/name-lookup.ts';

/** Options of a new simulation. */
export interface SimulationOptions {
  seed: number;
  topology?: Topology;
  controllers?: readonly Controller[];
  images?: AppImage[];
}

/** A whole simulated cluster. Nothing here is module-level: each scenario gets its own. */
export class Simulation {
  readonly topology: Topology;
  readonly clock: ManualClock;
  readonly rng: Random;
  readonly store = new ObjectStore();
  /** The stored objects without copies, for code that only reads (data plane, DNS, renderers). */
  readonly view = this.store.frozenView();
  readonly resources = new ResourceRegistry();
  readonly config: ClusterConfig;
  readonly api: ApiServer;
  readonly images: AppImage[];
  /** Running processes by pod uid, started when the kubelet reports a pod Running. */
  readonly processes = new Map<string, AppProcess>();
  /** Data-plane counters (ipvs rr position, ingress round robin…), keyed by component-chosen names. */
  readonly counters = new Map<string, number>();
  /** Node-local state outside the API (host-local IPAM's last reserved IP per node). */
  readonly nodeState: NodeLocalState = { lastReservedIP: new Map() };
  /** Warnings components logged while handling the current command (drained by the command runner). */
  readonly warnings: string[] = [];
  /**
   * How commands send HTTP and DNS (both asynchronous): the in-process simulated network by default; the
   * wire backend (src/serve/wire-transport.ts) swaps in real loopback sockets for what a socket can carry.
   */
  transport: { http: typeof sendHttp; dns: DnsTransport } = { http: sendHttp, dns: sendDns };
  readonly #controllers: readonly Controller[];

  constructor(options: SimulationOptions) {
    this.topology = options.topology ?? defaultTopology();
    this.clock = new ManualClock(this.topology.start);
    this.rng = new Random(options.seed);
    this.config = defaultClusterConfig(this.topology.serviceCIDR);
    this.images = options.images ?? imageCatalogue();
    this.#controllers = options.controllers ?? CONTROLLERS;
    this.api = createApiServer(this);
    bootstrapCluster(this);
    this.settle();
  }

  /** The image entry that runs `image`, or undefined (the pod then fails with ErrImagePull). */
  imageFor(image: string): AppImage | undefined {
    return this.images.find((entry) => entry.matches(image));
  }

  /** Next value of a named counter (starting at 0). */
  nextCount(key: string): number {
    const value = this.counters.get(key) ?? 0;
    this.counters.set(key, value + 1);
    return value;
  }

  /** Runs the controllers in order until none wants a change, then starts/stops pod processes. */
  settle(): void {
    for (let round = 0; round < 50; round++) {
      let changed = false;
      for (const controller of this.#controllers) {
        for (const change of controller.reconcile(this.controllerContext())) {
          if (change.op === 'put') {
            const current = this.view.get(change.object.kind, change.object.metadata.name, change.object.metadata.namespace);
            if (sameObject(current, change.object)) continue;
            // A controller's create is a POST like any other: Pods pass mutating admission (or are refused).
            const object = current ? change.object : admitControllerCreate(change.object, this);
            if (!object) continue;
            this.store.put(object);
          } else if (!this.store.delete(change.ref)) {
            continue;
          }
          changed = true;
        }
      }
      this.#syncProcesses();
      if (!changed) return;
    }
    throw new Error('simulation did not settle after 50 rounds: two controllers keep undoing each other');
  }

  /** What controllers may read. */
  controllerContext(): ControllerContext {
    return { store: this.view, clock: this.clock, rng: this.rng, topology: this.topology, config: this.config, nodeState: this.nodeState };
  }

  // A pod's process starts when the kubelet has marked it Running and stops when the pod is gone.
  #syncProcesses(): void {
    const live = new Set<string>();
    for (const pod of this.store.list<Pod>('Pod')) {
      const uid = pod.metadata.uid;
      if (!uid || pod.status?.phase !== 'Running') continue;
      live.add(uid);
      if (this.processes.has(uid)) continue;
      const image = pod.spec.containers[0]?.image;
      const entry = image === undefined ? undefined : this.imageFor(image);
      if (entry) this.processes.set(uid, entry.start(pod, this));
    }
    for (const uid of [...this.processes.keys()]) if (!live.has(uid)) this.processes.delete(uid);
  }
}
