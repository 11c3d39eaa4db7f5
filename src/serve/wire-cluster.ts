/**
 * The wire backend: the simulator backend whose client-host HTTP goes over real loopback sockets
 * to an in-process ServedLab on ephemeral ports (see wire-transport.ts). The lab follows the
 * simulation: listeners are re-synced after every command and setup, and rebuilt when the
 * simulated cluster is replaced (reset, or a failed configure rebuilding the lab).
 */
import type { Cluster, ClusterInfo, ClusterSetup, CommandResult, Where } from '../cluster/cluster.ts';
import type { KubeObject } from '../model/meta.ts';
import type { Simulation } from '../sim/simulation.ts';
import { createSimulatedCluster, type SimulatedCluster } from '../cluster/simulator/simulated-cluster.ts';
import { serveLab, type ServedLab } from './served-lab.ts';
import { wireTransport } from './wire-transport.ts';

/** A simulated cluster reached over the wire. */
export class WireCluster implements Cluster {
  readonly #inner: SimulatedCluster;
  #lab: ServedLab | undefined;
  /** What serve mode could not do (bind failures, TLS listeners without keys), for reports and tests. */
  readonly notes: string[] = [];

  constructor(inner: SimulatedCluster) {
    this.#inner = inner;
  }

  get info(): ClusterInfo {
    return { ...this.#inner.info, backend: 'wire', name: 'kubelab-wire' };
  }

  /** The running Simulation (tests). */
  get simulation(): Simulation {
    return this.#inner.simulation;
  }

  /** The served lab of the current simulation (tests). */
  async served(): Promise<ServedLab> {
    return this.#attach();
  }

  async configure(setup: ClusterSetup): Promise<void> {
    try {
      await this.#inner.configure(setup);
    } finally {
      await (await this.#attach()).sync();
    }
  }

  async run(command: string, where: Where, workdir: string): Promise<CommandResult> {
    const lab = await this.#attach();
    try {
      return await this.#inner.run(command, where, workdir);
    } finally {
      // Services the command created get their listeners before the next command runs.
      await lab.sync();
    }
  }

  get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined> {
    return this.#inner.get(kind, name, namespace);
  }

  list(kind: string, namespace?: string): Promise<KubeObject[]> {
    return this.#inner.list(kind, namespace);
  }

  async reset(): Promise<void> {
    await this.#inner.reset();
    await this.#attach();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#lab?.close();
    this.#lab = undefined;
    await this.#inner[Symbol.asyncDispose]();
  }

  // Serves the current simulation, replacing the lab of a simulation that was swapped out.
  async #attach(): Promise<ServedLab> {
    const sim = this.#inner.simulation;
    if (this.#lab?.sim === sim) return this.#lab;
    await this.#lab?.close();
    this.#lab = await serveLab(sim, { mapping: { mode: 'ephemeral' }, dnsPort: 0, note: (line) => this.notes.push(line) });
    sim.transport = wireTransport(this.#lab);
    return this.#lab;
  }
}

/** Starts a wire-backend cluster for a seed (createCluster({ backend: 'wire' })). */
export async function createWireCluster(opts: { seed: number }): Promise<WireCluster> {
  const cluster = new WireCluster(createSimulatedCluster(opts));
  await cluster.served();
  return cluster;
}
