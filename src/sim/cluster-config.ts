/** Settings of the simulated control plane that scenarios change (flags, installed add-ons). */

/** The kube-apiserver flags and add-ons of a simulated cluster. */
export interface ClusterConfig {
  /** --service-cluster-ip-range (kubeadm default 10.96.0.0/12). */
  serviceClusterIPRange: string;
  /** --service-node-port-range, inclusive (default 30000-32767; SRC: pkg/kubeapiserver/options ServiceNodePortRange). */
  serviceNodePortRange: { min: number; max: number };
  /** Add-ons installed in the lab. */
  addons: { metallb: boolean; ingressNginx: boolean };
}

/** The defaults of a kubeadm v1.31 cluster. */
export function defaultClusterConfig(serviceCIDR: string): ClusterConfig {
  return {
    serviceClusterIPRange: serviceCIDR,
    serviceNodePortRange: { min: 30000, max: 32767 },
    addons: { metallb: false, ingressNginx: false },
  };
}
