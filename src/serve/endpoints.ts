/**
 * Which simulated addresses the client host can reach, read from the store: node IPs × NodePorts,
 * LoadBalancer ingress IPs × service ports, and host-network pods' ports on their node's IP
 * (kube-apiserver 6443). Serve mode opens one loopback listener for each.
 */
import type { Pod, Service, EndpointSlice } from '../model/core.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { TlsServer } from '../sim/apps/app.ts';

/** One simulated (ip, port) the client host can connect to, and what it belongs to. */
export interface SimEndpoint {
  ip: string;
  port: number;
  protocol: 'TCP' | 'UDP';
  /** For the table: `NodePort default/howe-service`, `LoadBalancer ingress-nginx/ingress-nginx-controller`, `hostNetwork kube-system/kube-apiserver-k8s-master`. */
  owner: string;
  /** The Service behind a NodePort/LoadBalancer address (namespace/name, port name or number). */
  service?: { namespace: string; name: string; port: number };
  /** The host-network pod listening directly on a node address. */
  pod?: { namespace: string; name: string };
}

/** The key of an endpoint in maps: `TCP 172.25.250.10:30080`. */
export function endpointKey(e: Pick<SimEndpoint, 'ip' | 'port' | 'protocol'>): string {
  return `${e.protocol} ${e.ip}:${e.port}`;
}

/** Every endpoint reachable from the client host, sorted by address then port (stable table order). */
export function reachableEndpoints(sim: Simulation): SimEndpoint[] {
  const found = new Map<string, SimEndpoint>();
  const add = (e: SimEndpoint) => { if (!found.has(endpointKey(e))) found.set(endpointKey(e), e); };
  const nodeIPs = sim.topology.nodes.map((n) => n.ip);
  for (const svc of sim.store.list<Service>('Service')) {
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name;
    for (const p of svc.spec.ports ?? []) {
      const protocol = p.protocol === 'UDP' ? 'UDP' : p.protocol === 'TCP' || p.protocol === undefined ? 'TCP' : undefined;
      if (!protocol) continue; // SCTP has no loopback counterpart worth serving
      const service = { namespace: ns, name, port: p.port };
      // SRC: kubernetes pkg/proxy/iptables/proxier.go — KUBE-NODEPORTS matches every local address of every node.
      if (p.nodePort && (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer')) {
        for (const ip of nodeIPs) add({ ip, port: p.nodePort, protocol, owner: `NodePort ${ns}/${name}`, service: { ...service } });
      }
      if (svc.spec.type === 'LoadBalancer') {
        for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
          if (ingress.ip) add({ ip: ingress.ip, port: p.port, protocol, owner: `LoadBalancer ${ns}/${name}`, service: { ...service } });
        }
      }
    }
  }
  for (const pod of sim.store.list<Pod>('Pod')) {
    if (!pod.spec.hostNetwork || pod.status?.phase !== 'Running' || !pod.status.hostIP) continue;
    const proc = pod.metadata.uid ? sim.processes.get(pod.metadata.uid) : undefined;
    // Static pods such as kube-apiserver declare no ports (kubeadm's manifest), so the API port is probed too.
    const declared = pod.spec.containers.flatMap((c) => (c.ports ?? []).map((cp) => ({ port: cp.containerPort, protocol: cp.protocol === 'UDP' ? 'UDP' as const : 'TCP' as const })));
    for (const { port, protocol } of [...declared, { port: sim.topology.apiServerPort, protocol: 'TCP' as const }]) {
      if (!proc?.listens(port, protocol)) continue;
      add({ ip: pod.status.hostIP, port, protocol, owner: `hostNetwork ${pod.metadata.namespace}/${pod.metadata.name}`,
        pod: { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name } });
    }
  }
  return [...found.values()].sort(compareEndpoints);
}

function compareEndpoints(a: SimEndpoint, b: SimEndpoint): number {
  const ipNum = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  return ipNum(a.ip) - ipNum(b.ip) || a.port - b.port || a.protocol.localeCompare(b.protocol);
}

/**
 * The TLS side of the process behind an endpoint, found without connecting: a real connect picks an
 * endpoint with the simulation's random generator, and the handshake must not shift later picks.
 * Every replica of a workload runs the same image, so the first ready one answers for all.
 */
export function tlsBehind(sim: Simulation, e: SimEndpoint): TlsServer | undefined {
  if (e.pod) {
    const pod = sim.store.get<Pod>('Pod', e.pod.name, e.pod.namespace);
    const proc = pod?.metadata.uid ? sim.processes.get(pod.metadata.uid) : undefined;
    return proc?.tls?.(e.port);
  }
  if (!e.service) return undefined;
  const svc = sim.store.get<Service>('Service', e.service.name, e.service.namespace);
  const svcPort = svc?.spec.ports?.find((p) => p.port === e.service!.port);
  if (!svc || !svcPort) return undefined;
  for (const slice of sim.store.list<EndpointSlice>('EndpointSlice', e.service.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    const port = slice.ports?.find((p) => (p.name ?? '') === (svcPort.name ?? ''))?.port;
    for (const ep of slice.endpoints) {
      if (ep.conditions?.ready === false || !ep.targetRef || port === undefined) continue;
      const pod = sim.store.get<Pod>('Pod', ep.targetRef.name, ep.targetRef.namespace);
      const proc = pod?.metadata.uid ? sim.processes.get(pod.metadata.uid) : undefined;
      if (proc) return proc.tls?.(port);
    }
  }
  return undefined;
}
