/** PLACEHOLDER (to be replaced by the workloads work): the objects a fresh kubeadm lab has. */
import type { Simulation } from './simulation.ts';

/** Creates nodes, system namespaces, the kubernetes and kube-dns Services, CoreDNS and kube-proxy. */
export function bootstrapCluster(_sim: Simulation): void {}
