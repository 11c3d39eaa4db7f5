/**
 * The controllers of the simulated control plane, in the one order the simulation runs them
 * (like kind's ordered list of actions). Each is pure: store in, changes out.
 */
import type { Controller } from './controller.ts';

/** Run in this order until nothing changes. */
export const CONTROLLERS: readonly Controller[] = [
  // deployment → replicaset → daemonset → scheduler/kubelet → endpoints/endpointslices → metallb → ingress status
];
