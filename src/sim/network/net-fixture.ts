/** A plain-object simulation for network tests: the tutorial store plus pods, processes and a fixed env. */
import type { Pod } from '../../model/core.ts';
import type { AppProcess } from '../apps/app.ts';
import type { KubeProxyConfig } from '../kube-proxy-config.ts';
import type { ObjectStore } from '../store.ts';
import { Random } from '../context.ts';
import { defaultTopology } from '../topology.ts';
import { proxyConfig, service, slice, tutorialStore } from '../kube-proxy/test-fixtures.ts';
import type { DataplaneEnv, NetSim } from './dataplane-env.ts';

/** A process listening on fixed ports. */
export function listener(ports: string[], extra: Partial<AppProcess> = {}): AppProcess {
  return { listens: (port, protocol) => ports.includes(`${port}/${protocol}`), ...extra };
}

/** A running pod object. */
export function pod(namespace: string, name: string, node: string, ip: string, opts: { hostNetwork?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: `uid-${name}` },
    spec: { containers: [{ name: 'c', image: 'x' }], nodeName: node, ...(opts.hostNetwork ? { hostNetwork: true } : {}) },
    status: { phase: 'Running', podIP: ip, hostIP: ip },
  };
}

/** The lab with howe (2 pods), CoreDNS, kube-apiserver, a client pod, and NodePort/LoadBalancer/empty services. */
export function netLab(seed = 1, processes: Record<string, AppProcess> = {}): NetSim & { store: ObjectStore } {
  const store = tutorialStore();
  const sim: NetSim & { store: ObjectStore } = {
    store, view: store.frozenView(), topology: defaultTopology(), rng: new Random(seed), counters: new Map(), processes: new Map(),
    nextCount(key: string) { const v = this.counters.get(key) ?? 0; this.counters.set(key, v + 1); return v; },
  };
  const pods: [Pod, AppProcess | undefined][] = [
    [pod('default', 'howe-1', 'k8s-node1', '10.244.1.8'), listener(['80/TCP'])],
    [pod('default', 'howe-2', 'k8s-node2', '10.244.2.11'), listener(['80/TCP'])],
    [pod('kube-system', 'coredns-a', 'k8s-master', '10.244.0.2'), listener(['53/UDP', '53/TCP', '9153/TCP'])],
    [pod('kube-system', 'coredns-b', 'k8s-master', '10.244.0.3'), listener(['53/UDP', '53/TCP', '9153/TCP'])],
    [pod('kube-system', 'kube-apiserver-k8s-master', 'k8s-master', '172.25.250.100', { hostNetwork: true }), listener(['6443/TCP'])],
    [pod('default', 'client', 'k8s-node1', '10.244.1.20'), listener([])],
    [pod('default', 'broken', 'k8s-node2', '10.244.2.30'), undefined],
  ];
  for (const [p, proc] of pods) {
    store.put(p);
    if (proc) sim.processes.set(p.metadata.uid!, processes[p.metadata.name] ?? proc);
  }
  const howe = [{ ip: '10.244.1.8', node: 'k8s-node1', pod: 'howe-1' }, { ip: '10.244.2.11', node: 'k8s-node2', pod: 'howe-2' }];
  store.put(service('default', 'np', { type: 'NodePort', clusterIP: '10.100.0.10', ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] }));
  store.put(slice('default', 'np', [{ port: 80 }], howe));
  store.put(service('default', 'lb', { type: 'LoadBalancer', clusterIP: '10.100.0.11', ports: [{ port: 80, protocol: 'TCP', nodePort: 31000 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.50' }] } }));
  store.put(slice('default', 'lb', [{ port: 80 }], howe));
  store.put(service('default', 'lb2', { type: 'LoadBalancer', clusterIP: '10.100.0.12', ports: [{ port: 80, protocol: 'TCP', nodePort: 31001 }] }, { loadBalancer: { ingress: [{ ip: '172.25.250.51' }] } }));
  store.put(slice('default', 'lb2', [{ port: 80 }], howe));
  store.put(service('default', 'empty', { type: 'ClusterIP', clusterIP: '10.100.0.13', selector: { app: 'none' }, ports: [{ port: 80, protocol: 'TCP' }] }));
  return sim;
}

/** An env where every node runs kube-proxy with `config` (or the nodes in `without` run none) and MetalLB announces 172.25.250.50 from k8s-node2. */
export function labEnv(config: KubeProxyConfig = proxyConfig('iptables'), without: string[] = [], announced: Record<string, string> = { '172.25.250.50': 'k8s-node2' }): DataplaneEnv {
  return { proxyConfig: (node) => (without.includes(node) ? undefined : config), announcingNode: (ip) => announced[ip] };
}
