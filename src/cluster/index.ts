/**
 * The one place that knows every backend: picks the Cluster implementation a run asked for.
 * Steps and the CLI reach it through src/index.ts.
 */
import type { Cluster } from './cluster.ts';
import { HarnessError } from '../errors.ts';

/** The backends kubelab knows. */
export type Backend = 'simulator' | 'kind' | 'wire';

/** Every backend name, for argument checking in the CLI and the World. */
export const BACKENDS: readonly Backend[] = ['simulator', 'kind', 'wire'];

/** Options of a new cluster: which backend, and the seed of its random choices. */
export interface CreateClusterOptions {
  backend: Backend;
  seed: number;
}

/** Starts a cluster on the named backend. The simulator is in-process and cheap: one per scenario. */
export async function createCluster(opts: CreateClusterOptions): Promise<Cluster> {
  switch (opts.backend) {
    case 'simulator': {
      // Loaded on demand: a kind run never loads the simulator, and the simulator never loads kind.
      const { createSimulatedCluster } = await import('./simulator/simulated-cluster.ts');
      return createSimulatedCluster({ seed: opts.seed });
    }
    case 'kind': {
      // The run's cluster is brought up by the kind profile's BeforeAll (src/cli/kind-run.ts).
      const { createKindCluster } = await import('./kind/host.ts');
      return createKindCluster({ seed: opts.seed });
    }
    case 'wire': {
      // The simulator served on loopback sockets (src/serve/); the client host's HTTP goes over them.
      const { createWireCluster } = await import('../serve/wire-cluster.ts');
      return createWireCluster({ seed: opts.seed });
    }
    default:
      throw new HarnessError('INVALID_INPUT', `unknown backend "${String(opts.backend)}": use one of ${BACKENDS.join(', ')}`);
  }
}

/** Parses a backend name given by a user (CLI flag, world parameter), with a clear error. */
export function parseBackend(value: unknown): Backend {
  if (typeof value === 'string' && (BACKENDS as readonly string[]).includes(value)) return value as Backend;
  throw new HarnessError('INVALID_INPUT', `unknown backend ${JSON.stringify(value)}: use one of ${BACKENDS.join(', ')}`);
}
