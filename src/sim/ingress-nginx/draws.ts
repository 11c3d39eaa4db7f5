/**
 * The simulation's implementation of the random choices a request needs, through sim.rng and sim.nextCount.
 * SRC: ingress-nginx rootfs/etc/nginx/lua/balancer/round_robin.lua + lua-resty-balancer roundrobin.lua
 * (controller-v1.11.2): weight 1 per endpoint, a random start when the endpoint set is (re)built, then cycling
 * per request; canary weight draws are math.random(total) per request.
 */
import type { Simulation } from '../simulation.ts';
import type { RouteDraws } from './route.ts';
import type { Endpoint } from './types.ts';

/** Draws backed by the simulation (no module state: counters live in sim.counters). */
export function simulationDraws(sim: Pick<Simulation, 'rng' | 'counters' | 'nextCount'>): RouteDraws {
  return {
    canary: (total) => sim.rng.intBetween(1, total),
    endpoint: (backend: string, endpoints: readonly Endpoint[]) => {
      // The balancer instance is rebuilt (new random start) whenever the endpoint set changes.
      const key = `ingress-nginx/round_robin/${backend}/${endpoints.map((e) => `${e.ip}:${e.port}`).join(',')}`;
      const startKey = `${key}#start`;
      let start = sim.counters.get(startKey);
      if (start === undefined) {
        start = sim.rng.below(endpoints.length);
        sim.counters.set(startKey, start);
      }
      return (start + sim.nextCount(key)) % endpoints.length;
    },
    requestId: () => sim.rng.string(32, '0123456789abcdef'),
  };
}
