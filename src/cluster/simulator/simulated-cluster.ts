/**
 * The simulator backend: a Cluster over an in-process Simulation. Deterministic for a seed; reset()
 * starts a fresh lab with a seed derived from the base seed and the number of resets.
 */
import type { Cluster, ClusterInfo, ClusterSetup, CommandResult, Where } from '../cluster.ts';
import type { KubeObject } from '../../model/meta.ts';
import { Simulation } from '../../sim/simulation.ts';
import { runCommandLine } from '../../sim/commands/shell.ts';
import { resolveWhere } from '../../sim/commands/where.ts';
import { validateSetup } from './validate-setup.ts';
import { applySetup } from './apply-setup.ts';

/** The modelled component versions (reported in every run). */
export const SIMULATED_VERSIONS = { kubernetes: 'v1.31', metallb: 'v0.14.8', 'ingress-nginx': 'v1.11.x' } as const;

/** A simulated lab cluster. */
export class SimulatedCluster implements Cluster {
  readonly #baseSeed: number;
  #resets = 0;
  #sim: Simulation;
  /** The client host's /etc/hosts entries (name → IPv4), shared with the host Source. */
  readonly #hosts = new Map<string, string>();
  /** Setups applied since the last reset, replayed when a later configure fails half-way. */
  #applied: ClusterSetup[] = [];

  constructor(opts: { seed: number }) {
    this.#baseSeed = opts.seed >>> 0;
    this.#sim = new Simulation({ seed: this.#baseSeed });
  }

  get info(): ClusterInfo {
    return {
      backend: 'simulator',
      name: 'kubelab-simulator',
      seed: this.#baseSeed,
      versions: { ...SIMULATED_VERSIONS },
      nodes: this.#sim.topology.nodes.map((n) => ({ name: n.name, ip: n.ip, role: n.role })),
    };
  }

  /** The running Simulation (for in-process tools and tests; steps use the Cluster methods). */
  get simulation(): Simulation {
    return this.#sim;
  }

  async configure(setup: ClusterSetup): Promise<void> {
    validateSetup(setup, this.#sim.config);
    try {
      await applySetup(this.#sim, setup, this.#hosts);
    } catch (err) {
      // All-or-nothing: rebuild the lab as it was before this call, then report the failure.
      await this.#rebuild();
      throw err;
    }
    this.#applied.push(setup);
  }

  async run(command: string, where: Where, workdir: string): Promise<CommandResult> {
    const source = resolveWhere(this.#sim, where, this.#hosts);
    return runCommandLine(this.#sim, command, source, workdir);
  }

  async get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined> {
    return this.#sim.store.get(kind, name, namespace);
  }

  async list(kind: string, namespace?: string): Promise<KubeObject[]> {
    return this.#sim.store.list(kind, namespace);
  }

  async reset(): Promise<void> {
    this.#resets++;
    this.#applied = [];
    this.#hosts.clear();
    this.#sim = new Simulation({ seed: this.#currentSeed() });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.#applied = [];
    this.#hosts.clear();
  }

  // Reset n uses base seed + n·golden-ratio constant, so scenarios after a reset differ but replay identically.
  #currentSeed(): number {
    return (this.#baseSeed + Math.imul(this.#resets, 0x9e3779b9)) >>> 0;
  }

  async #rebuild(): Promise<void> {
    this.#hosts.clear();
    this.#sim = new Simulation({ seed: this.#currentSeed() });
    for (const setup of this.#applied) await applySetup(this.#sim, setup, this.#hosts);
  }
}

/** Starts a simulated cluster for a seed. */
export function createSimulatedCluster(opts: { seed: number }): SimulatedCluster {
  return new SimulatedCluster(opts);
}
