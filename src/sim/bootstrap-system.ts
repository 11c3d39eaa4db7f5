/** The control-plane objects `kubeadm init` leaves: the kubernetes Service, kube-apiserver, CoreDNS (nodes: bootstrap-node.ts). */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../model/meta.ts';
import type { EndpointSlice, Endpoints } from '../model/core.ts';
import type { LabNode, Topology } from './topology.ts';
import { COREDNS_IMAGE, KUBERNETES_VERSION } from './bootstrap-node.ts';

/** default/kubernetes as the apiserver's controller creates it (SRC: pkg/controlplane/controller/kubernetesservice). */
export function kubernetesService(t: Topology): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', sessionAffinity: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: t.apiServerPort }] },
  };
}

/**
 * The kubernetes Endpoints and EndpointSlice the apiserver's lease reconciler writes itself.
 * SRC: pkg/controlplane/reconcilers/endpointsadapter.go (Endpoints skip-mirror label; slice named "kubernetes").
 */
export function kubernetesEndpoints(masterIP: string, port: number): [Endpoints, EndpointSlice] {
  const ports = [{ name: 'https', port, protocol: 'TCP' }];
  return [
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: masterIP }], ports }] },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4', endpoints: [{ addresses: [masterIP], conditions: { ready: true } }], ports,
    },
  ];
}

/**
 * The kube-apiserver mirror pod of the static manifest /etc/kubernetes/manifests/kube-apiserver.yaml, with the
 * annotations the kubelet adds (SRC: pkg/kubelet/config/common.go applyDefaults, config.go recordFirstSeenTime,
 * pod/mirror_client.go CreateMirrorPod). The hash is the kubelet's form (MD5, hex) over kubelab's manifest JSON,
 * not over Go's object dump, so its value differs from a real node's. Being a mirror pod, it gets no ServiceAccount.
 */
export function kubeApiServerPod(t: Topology, master: LabNode, seen: Date): KubeObject {
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `kube-apiserver-${master.name}`, namespace: 'kube-system',
      labels: { component: 'kube-apiserver', tier: 'control-plane' },
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${master.ip}:${t.apiServerPort}`, 'kubernetes.io/config.source': 'file' } as Record<string, string>,
    },
    spec: {
      nodeName: master.name, hostNetwork: true, priorityClassName: 'system-node-critical', priority: 2000001000,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [{
        name: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
        command: ['kube-apiserver', `--advertise-address=${master.ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC',
          '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true',
          '--etcd-servers=https://127.0.0.1:2379', `--secure-port=${t.apiServerPort}`, `--service-cluster-ip-range=${t.serviceCIDR}`,
          '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
      }],
    },
  };
  const hash = createHash('md5').update(JSON.stringify(pod)).digest('hex');
  Object.assign(pod.metadata.annotations, {
    'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': seen.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  return pod;
}

/** kube-dns Service, CoreDNS Deployment and its Corefile (SRC: cmd/kubeadm/app/phases/addons/dns/manifests.go, v1.31). */
export function coreDnsObjects(t: Topology): KubeObject[] {
  const labels = { 'k8s-app': 'kube-dns' };
  return [
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' },
      data: { Corefile: `.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes ${t.clusterDomain} in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n` },
    },
    {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { ...labels, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
      spec: {
        clusterIP: '10.96.0.10', selector: labels,
        ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }],
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels },
      spec: {
        replicas: 2, selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: 'coredns', image: COREDNS_IMAGE, args: ['-conf', '/etc/coredns/Corefile'],
              ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
            }],
            dnsPolicy: 'Default', nodeSelector: { 'kubernetes.io/os': 'linux' }, priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns',
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
          },
        },
      },
    },
  ];
}
