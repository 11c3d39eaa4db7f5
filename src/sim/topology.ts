/** The tutorial's lab: one control plane and two workers on 172.25.250.0/24 (seed/README.md). */

/** A node of the lab topology. */
export interface LabNode { name: string; ip: string; role: 'control-plane' | 'worker'; podCIDR: string }

/** Addresses and ranges of a simulated cluster. */
export interface Topology {
  nodes: LabNode[];
  podCIDR: string;
  serviceCIDR: string;
  /** The client host outside the cluster (the tutorial's test machine). */
  clientHostIP: string;
  /** kube-apiserver secure port on the control plane (kubeadm: 6443). */
  apiServerPort: number;
  clusterDomain: string;
  /** The instant the lab is "now" when a scenario starts (the tutorial's own date). */
  start: Date;
}

/** The default lab: k8s-master 172.25.250.100, k8s-node1 .10, k8s-node2 .20; pods 10.244.0.0/16 (/24 per node); services 10.96.0.0/12. */
export function defaultTopology(): Topology {
  return {
    nodes: [
      { name: 'k8s-master', ip: '172.25.250.100', role: 'control-plane', podCIDR: '10.244.0.0/24' },
      { name: 'k8s-node1', ip: '172.25.250.10', role: 'worker', podCIDR: '10.244.1.0/24' },
      { name: 'k8s-node2', ip: '172.25.250.20', role: 'worker', podCIDR: '10.244.2.0/24' },
    ],
    podCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/12',
    clientHostIP: '172.25.250.200',
    apiServerPort: 6443,
    clusterDomain: 'cluster.local',
    start: new Date('2024-09-06T06:24:57Z'),
  };
}
