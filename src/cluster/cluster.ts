/**
 * The driver boundary: what steps (through src/index.ts) may ask of a cluster. Both the
 * simulator and the kind backend implement it; no backend type leaks through it.
 */
import type { KubeObject } from '../model/meta.ts';
import type { HttpExchange, DnsExchange } from './exchanges.ts';

/** Where a command runs: the client host outside the cluster, a node, or a client pod. */
export type Where =
  | { kind: 'host' }
  | { kind: 'node'; node: string }
  | { kind: 'pod'; pod?: string; namespace?: string };

/** What one command printed and did. Network outcomes are values here, never exceptions. */
export interface CommandResult {
  command: string;
  where: Where;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** HTTP exchanges the command made (curl), in order, each with what served it. */
  http: HttpExchange[];
  /** DNS exchanges the command made (dig, nslookup, curl's name lookup). */
  dns: DnsExchange[];
  /** Warnings the modelled components logged while handling the command (e.g. an invalid annotation). */
  warnings: string[];
}

/** Lab settings a scenario asks for before it runs commands (the Given steps). */
export interface ClusterSetup {
  kubeProxyMode?: 'iptables' | 'ipvs';
  /** Extra kube-apiserver flags, e.g. --service-node-port-range=30000-40000. */
  apiServerFlags?: string[];
  /** Install MetalLB with one IPAddressPool + L2Advertisement over these addresses. */
  metallbPool?: string;
  /** Install ingress-nginx (bare-metal manifest); `LoadBalancer` switches its Service type. */
  ingressNginx?: { serviceType: 'NodePort' | 'LoadBalancer' };
  /** /etc/hosts entries of the client host. */
  hostsEntries?: { name: string; ip: string }[];
}

/** Facts about the running backend, printed in every report. */
export interface ClusterInfo {
  backend: 'simulator' | 'kind' | 'wire';
  name: string;
  /** The seed of the run's random generator (simulator); replay with KUBELAB_SEED. */
  seed?: number;
  versions: Record<string, string>;
  /** Address of a node by name (the tutorial's lab addresses on the simulator). */
  nodes: { name: string; ip: string; role: 'control-plane' | 'worker' }[];
}

/** A started cluster. Disposal tears down what the backend created. */
export interface Cluster extends AsyncDisposable {
  readonly info: ClusterInfo;
  /** Apply lab settings (idempotent; called by Given steps before any command). */
  configure(setup: ClusterSetup): Promise<void>;
  /** Run one command line as the tutorial types it, in the scenario's work folder. */
  run(command: string, where: Where, workdir: string): Promise<CommandResult>;
  /** Read one object (kind, namespace/name); undefined when absent. */
  get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined>;
  /** List objects of a kind, in one namespace or all. */
  list(kind: string, namespace?: string): Promise<KubeObject[]>;
  /** Reset to the state of a fresh lab (between scenarios); keeps the backend running. */
  reset(): Promise<void>;
}
