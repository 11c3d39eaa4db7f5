/** A bare simulation for API-server tests: store, clock, seeded random, config and resources, without controllers or bootstrap. */
import { ObjectStore } from '../store.ts';
import { ManualClock, Random } from '../context.ts';
import { ResourceRegistry } from '../kinds.ts';
import { defaultClusterConfig } from '../cluster-config.ts';
import { defaultTopology } from '../topology.ts';
import type { Simulation } from '../simulation.ts';
import type { ApiServer } from './types.ts';
import { createApiServer } from './api-server.ts';

/** A simulation-shaped object with an API server and the default, kube-system namespaces (with their default ServiceAccounts). */
export function testSimulation(seed = 1): { sim: Simulation; api: ApiServer } {
  const topology = defaultTopology();
  const partial = {
    topology,
    clock: new ManualClock(topology.start),
    rng: new Random(seed),
    store: new ObjectStore(),
    resources: new ResourceRegistry(),
    config: defaultClusterConfig(topology.serviceCIDR),
    warnings: [] as string[],
  };
  const sim = partial as unknown as Simulation;
  const api = createApiServer(sim);
  // Each with the `default` ServiceAccount the serviceaccount controller would add (pod admission needs it).
  for (const name of ['default', 'kube-system']) {
    const result = api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    if (!result.ok) throw new Error(result.status.message);
    const account = api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
    if (!account.ok) throw new Error(account.status.message);
  }
  return { sim, api };
}
