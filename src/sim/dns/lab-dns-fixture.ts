/** Test fixture: a stand-in simulation (store + topology + clock + rng) and a DNS transport answered by answerQuery. */
import type { Simulation } from '../simulation.ts';
import type { DnsTransport } from './name-lookup.ts';
import type { KubeObject } from '../../model/meta.ts';
import { defaultTopology } from '../topology.ts';
import { ManualClock, Random } from '../context.ts';
import { answerQuery } from './coredns.ts';
import { dnsFixtureStore } from './dns-fixture.ts';

/** The parts of a Simulation the resolvers read, over the DNS fixture store plus `extra` objects. */
export function fakeSimulation(extra: KubeObject[] = [], seed = 1): Simulation {
  const topology = defaultTopology();
  const store = dnsFixtureStore(extra);
  return { store, view: store.frozenView(), topology, clock: new ManualClock(topology.start), rng: new Random(seed) } as unknown as Simulation;
}

/** UDP to 10.96.0.10:53 reaches CoreDNS; any other server times out (as the lab's missing upstream does). */
export const fakeTransport: DnsTransport = async (sim, _source, server, port, query) => {
  if (server !== '10.96.0.10' || port !== 53) return { failure: 'timeout' };
  const answer = answerQuery(sim.store, sim.topology, query, { rng: sim.rng });
  return { server, ...answer };
};

/** A busyboxplus client pod object in `default` (what `kubectl run test --image busyboxplus` makes). */
export function clientPod(name = 'test', ip = '10.244.1.9', spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name, image: 'busyboxplus' }], nodeName: 'k8s-node1', ...spec }, status: { phase: 'Running', podIP: ip } };
}
