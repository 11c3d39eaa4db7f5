/** The inspectable model of what one node's kube-proxy programs: service ports, their virtual IPs and endpoints. */
import type { ServiceChains } from './chain-names.ts';

/** One endpoint (ip:port) of a service port, as kube-proxy's EndpointSlice cache sees it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** `ip:port`, the string kube-proxy sorts and hashes endpoints by. */
  address: string;
  nodeName?: string;
  /** Runs on the node these rules are for. */
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** KUBE-SEP-… chain of this endpoint for this service port. */
  chain: string;
  targetRef?: { kind: string; name: string; namespace: string; uid?: string };
}

/** One port of one Service with everything kube-proxy derived for it. */
export interface ServicePortRules {
  namespace: string;
  service: string;
  portName?: string;
  /** `<ns>/<svc>[:<port name>]`, the name used in comments and hashes. */
  name: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  clusterIP: string;
  externalIPs: string[];
  loadBalancerIPs: string[];
  nodePort?: number;
  healthCheckNodePort?: number;
  loadBalancerSourceRanges: string[];
  /** ClientIP affinity (timeout in seconds, default 10800), or undefined for None. */
  sessionAffinity?: { timeoutSeconds: number };
  internalTrafficPolicy: 'Cluster' | 'Local';
  /** `Local` only when the service is externally accessible (NodePort, external IPs, LB IPs). */
  externalTrafficPolicy: 'Cluster' | 'Local';
  chains: ServiceChains;
  /** Every endpoint from the slices, sorted by `ip:port`. */
  endpoints: ProxyEndpoint[];
  /** Endpoints used with Cluster policy (ready ones, else serving+terminating ones). */
  clusterEndpoints: ProxyEndpoint[];
  /** Endpoints used with Local policy (this node's ready ones, else its serving+terminating ones). */
  localEndpoints: ProxyEndpoint[];
  /** Endpoints any chain of this node jumps to (cluster ∪ local): they get KUBE-SEP chains. */
  reachableEndpoints: ProxyEndpoint[];
  /** Any usable endpoint anywhere in the cluster. */
  hasEndpoints: boolean;
}

/** Everything one node's kube-proxy programs. */
export interface ProxyRules {
  node: string;
  nodeIP: string;
  mode: 'iptables' | 'ipvs';
  /** IPVS scheduler (`ipvs.scheduler`, empty = rr). */
  scheduler: string;
  strictARP: boolean;
  /** Pod CIDR used for local-traffic detection (`clusterCIDR`). */
  clusterCIDR: string;
  /** Local IPv4 addresses NodePorts answer on (nodePortAddresses unset = every local address). */
  nodeAddresses: string[];
  /** Service ports in store order (namespace, name) then port order. */
  servicePorts: ServicePortRules[];
}
