/** PLACEHOLDER (to be replaced by the apiserver work): the simulated kube-apiserver. */
import type { ApiServer } from './types.ts';
import type { Simulation } from '../simulation.ts';

/** Creates the API server of a simulation. */
export function createApiServer(_sim: Simulation): ApiServer {
  throw new Error('api server not implemented yet');
}
