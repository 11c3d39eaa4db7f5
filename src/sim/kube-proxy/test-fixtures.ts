/** Store contents for kube-proxy and network tests: the tutorial lab's services, built directly as objects. */
import { ObjectStore } from '../store.ts';
import type { EndpointSlice, Service, ServicePort } from '../../model/core.ts';
import type { KubeProxyConfig } from '../kube-proxy-config.ts';

/** A Service object. */
export function service(namespace: string, name: string, spec: Service['spec'], status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, uid: `uid-svc-${name}` }, spec, ...(status ? { status } : {}) };
}

/** One endpoint of a test slice. */
export interface TestEndpoint { ip: string; node: string; ready?: boolean; serving?: boolean; terminating?: boolean; pod?: string }

/** An EndpointSlice of a service. */
export function slice(namespace: string, svc: string, ports: ServicePort[] | { name?: string; port: number; protocol?: string }[], endpoints: TestEndpoint[], suffix = 'abcde'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-${suffix}`, namespace, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      nodeName: e.node,
      ...(e.ready === undefined && e.serving === undefined && e.terminating === undefined
        ? {}
        : { conditions: { ...(e.ready === undefined ? {} : { ready: e.ready }), ...(e.serving === undefined ? {} : { serving: e.serving }), ...(e.terminating === undefined ? {} : { terminating: e.terminating }) } }),
      ...(e.pod ? { targetRef: { kind: 'Pod' as const, name: e.pod, namespace, uid: `uid-${e.pod}` } } : {}),
    })),
    ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

/** kube-proxy settings of the lab (kubeadm clusterCIDR 10.244.0.0/16). */
export function proxyConfig(mode: 'iptables' | 'ipvs', extra: Partial<KubeProxyConfig> = {}): KubeProxyConfig {
  return { mode, strictARP: false, scheduler: '', clusterCIDR: '10.244.0.0/16', ...extra };
}

/** The tutorial's cluster at section 三: kubernetes, kube-dns (2 CoreDNS pods on k8s-master) and howe (one pod per worker). */
export function tutorialStore(): ObjectStore {
  const store = new ObjectStore();
  store.put(service('default', 'kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }));
  store.put(slice('default', 'kubernetes', [{ name: 'https', port: 6443 }], [{ ip: '172.25.250.100', node: 'k8s-master' }], ''));
  store.put(
    service('kube-system', 'kube-dns', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    }),
  );
  const dns = [{ ip: '10.244.0.2', node: 'k8s-master', pod: 'coredns-a' }, { ip: '10.244.0.3', node: 'k8s-master', pod: 'coredns-b' }];
  store.put(slice('kube-system', 'kube-dns', [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }], dns));
  store.put(service('default', 'howe', { type: 'ClusterIP', clusterIP: '10.98.224.15', selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }));
  store.put(slice('default', 'howe', [{ port: 80 }], [{ ip: '10.244.2.11', node: 'k8s-node2', pod: 'howe-2' }, { ip: '10.244.1.8', node: 'k8s-node1', pod: 'howe-1' }]));
  return store;
}
