/** Test fixture: a store holding the objects of the tutorial's DNS sections, built directly (no controllers). */
import { ObjectStore } from '../store.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { Service, EndpointSlice } from '../../model/core.ts';

/** A Service object with the given spec. */
export function service(name: string, namespace: string, spec: Service['spec'], created = '2024-09-06T06:00:00Z'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, creationTimestamp: created }, spec };
}

/** An EndpointSlice for `svc` with endpoints `[ip, ready, hostname?]` and ports. */
export function slice(svc: string, namespace: string, endpoints: [string, boolean, string?][], ports: EndpointSlice['ports'] = [{ name: '', port: 80, protocol: 'TCP' }]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${svc}-abcde`, namespace, labels: { 'kubernetes.io/service-name': svc }, creationTimestamp: '2024-09-06T06:00:00Z' },
    endpoints: endpoints.map(([ip, ready, hostname]) => ({ addresses: [ip], conditions: { ready }, ...(hostname ? { hostname } : {}) })),
    ports,
  };
}

/** The tutorial's DNS world: howe (ClusterIP), superhowe (headless, 2 ready + 1 not ready), kube-dns, kubernetes, ExternalName… */
export function dnsFixtureStore(extra: KubeObject[] = []): ObjectStore {
  const store = new ObjectStore();
  const objects: KubeObject[] = [
    ...['default', 'kube-system'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: '2024-09-03T04:00:00Z' } })),
    service('kubernetes', 'default', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
    service('kube-dns', 'kube-system', {
      type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'],
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
    }),
    slice('kube-dns', 'kube-system', [['10.244.0.2', true], ['10.244.0.3', true]], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }]),
    service('howe', 'default', { type: 'ClusterIP', clusterIP: '10.99.13.95', clusterIPs: ['10.99.13.95'], selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }),
    service('superhowe', 'default', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'howe' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }),
    slice('superhowe', 'default', [['10.244.57.226', true], ['10.244.57.227', true], ['10.244.57.228', false]]),
    service('web', 'default', { type: 'ClusterIP', clusterIP: '10.96.100.7', clusterIPs: ['10.96.100.7'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    slice('web', 'default', [['10.244.1.5', true], ['10.244.2.6', true], ['10.244.1.7', true]], [{ name: 'http', port: 80, protocol: 'TCP' }]),
    service('empty-hl', 'default', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'none' }, ports: [{ port: 80, protocol: 'TCP' }] }),
    slice('empty-hl', 'default', [['10.244.2.9', false]]),
    service('sub', 'default', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'sub' }, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    slice('sub', 'default', [['10.244.2.10', true, 'web-0']], [{ name: 'http', port: 80, protocol: 'TCP' }]),
    service('baidu', 'default', { type: 'ExternalName', externalName: 'www.baidu.com' }),
    service('ipname', 'default', { type: 'ExternalName', externalName: '1.2.3.4' }),
    service('alias', 'default', { type: 'ExternalName', externalName: 'howe.default.svc.cluster.local' }),
    ...extra,
  ];
  for (const obj of objects) store.put(obj);
  return store;
}
