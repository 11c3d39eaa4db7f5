/**
 * The objects a fresh kubeadm lab has, created the way kubeadm did three days before the
 * scenario starts: the control plane first (CoreDNS lands on k8s-master, the only node then,
 * taking 10.244.0.2 and 10.244.0.3), then the workers join and kube-proxy runs on every node.
 */
import type { KubeObject } from '../model/meta.ts';
import type { Simulation } from './simulation.ts';
import { coreDnsObjects, kubeApiServerPod, kubernetesEndpoints, kubernetesService } from './bootstrap-system.ts';
import { KUBERNETES_VERSION, nodeObject } from './bootstrap-node.ts';
import { kubeProxyObjects } from './bootstrap-kube-proxy.ts';
import { randomUid } from './controllers/workload-meta.ts';

/** How long before the scenario's start the lab was installed (AGE columns read like the tutorial's 2d22h/3d2h). */
export const LAB_AGE_MS = 3 * 24 * 3600 * 1000;

/** Creates nodes, system namespaces, the kubernetes and kube-dns Services, CoreDNS, kube-proxy and the kube-apiserver pod. */
export function bootstrapCluster(sim: Simulation): void {
  const t = sim.topology;
  const master = t.nodes.find((n) => n.role === 'control-plane');
  if (!master) throw new Error('topology has no control-plane node');
  // Their `default` ServiceAccount and kube-root-ca.crt ConfigMap come from the controllers (namespace-defaults.ts).
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    create(sim, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  }
  for (const sa of ['coredns', 'kube-proxy']) create(sim, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
  create(sim, nodeObject(master, sim.clock.now()));
  create(sim, kubernetesService(t));
  // The apiserver writes its own endpoints (no selector on the kubernetes Service).
  for (const obj of kubernetesEndpoints(master.ip, t.apiServerPort)) {
    sim.store.put({ ...obj, metadata: { ...obj.metadata, uid: randomUid(sim.rng), creationTimestamp: timestamp(sim.clock.now()) } });
  }
  create(sim, kubeApiServerPod(t, master, sim.clock.now()));
  for (const obj of coreDnsObjects(t)) create(sim, obj);
  sim.settle();
  for (const node of t.nodes) if (node !== master) create(sim, nodeObject(node, sim.clock.now()));
  for (const obj of kubeProxyObjects({ clusterCIDR: t.podCIDR, server: `https://${master.ip}:${t.apiServerPort}`, image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}` })) create(sim, obj);
  sim.settle();
  backdate(sim, LAB_AGE_MS);
}

function create(sim: Simulation, obj: KubeObject): void {
  const result = sim.api.create(obj);
  if (!result.ok) throw new Error(`bootstrap: creating ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name} failed: ${result.status.message}`);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Moves every timestamp written during bootstrap (the clock does not advance while it runs) back
 * by `ms`, so system objects and their pods look as old as in the tutorial.
 */
export function backdate(sim: Simulation, ms: number): void {
  const nowSecond = Math.floor(sim.clock.now().getTime() / 1000);
  const shifted = timestamp(new Date(nowSecond * 1000 - ms));
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) && Math.floor(Date.parse(value) / 1000) === nowSecond) return shifted;
    if (Array.isArray(value)) return value.map(shift);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  for (const kind of sim.resources.all().map((r) => r.kind)) {
    for (const obj of sim.store.list(kind)) sim.store.put(shift(obj) as KubeObject);
  }
}
