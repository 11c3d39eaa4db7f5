/**
 * The kube-proxy process: it reads config.conf once when it starts and keeps that configuration
 * until the pod restarts. SRC: kubernetes cmd/kube-proxy/app/server.go (v1.31) — options.Complete loads
 * the file; a ConfigMap edit (a symlink swap in the projected volume) does not reload it.
 */
import type { ConfigMap, Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { AppImage, AppProcess } from './app.ts';
import { readKubeProxyConfig, type KubeProxyConfig } from '../kube-proxy-config.ts';
import { shortImageName } from './catalogue.ts';

/** A running kube-proxy: the configuration it loaded at start. */
export class KubeProxyProcess implements AppProcess {
  readonly config: KubeProxyConfig;
  constructor(config: KubeProxyConfig) {
    this.config = config;
  }
  /** healthz on 0.0.0.0:10256 (metrics on 127.0.0.1:10249 are not reachable from elsewhere). */
  listens(port: number, protocol: 'TCP' | 'UDP'): boolean {
    return protocol === 'TCP' && port === 10256;
  }
}

/** registry.k8s.io/kube-proxy:v1.31.x (any registry prefix). */
export const kubeProxyImage: AppImage = {
  name: 'kube-proxy',
  matches: (image) => /^(k8s\.gcr\.io\/|registry\.k8s\.io\/)?kube-proxy:v1\.31\.\d+$/.test(image) || /^kube-proxy:v1\.31\.\d+$/.test(shortImageName(image)),
  start: (_pod: Pod, sim: Simulation) => new KubeProxyProcess(readKubeProxyConfig(sim.view.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system'))),
};

/** The configuration the node's running kube-proxy loaded when it started; undefined when none runs there. */
export function activeKubeProxyConfig(sim: Simulation, node: string): KubeProxyConfig | undefined {
  for (const pod of sim.view.list<Pod>('Pod', 'kube-system')) {
    if (pod.spec.nodeName !== node || pod.metadata.labels?.['k8s-app'] !== 'kube-proxy' || !pod.metadata.uid) continue;
    const process = sim.processes.get(pod.metadata.uid);
    if (process instanceof KubeProxyProcess) return process.config;
  }
  return undefined;
}
