/**
 * kube-proxy's configuration as kubeadm stores it (ConfigMap kube-system/kube-proxy, key config.conf),
 * reading it and switching the proxy mode the way the tutorial does (edit the ConfigMap, delete the pods).
 * SRC: kubernetes cmd/kube-proxy/app/server.go (v1.31) — the file is read at start; ConfigMap edits take
 * effect only when the kube-proxy pods restart.
 */
import { parse } from 'yaml';
import type { ConfigMap, Pod } from '../model/core.ts';
import { HarnessError } from '../errors.ts';
import type { Simulation } from './simulation.ts';

/** The settings of a kube-proxy process that the data plane follows. */
export type KubeProxyConfig = { mode: 'iptables' | 'ipvs'; strictARP: boolean; scheduler: string; clusterCIDR: string };

/** kubeadm's defaults when no ConfigMap (or no key) is there: mode "" is iptables on Linux. */
export const DEFAULT_KUBE_PROXY_CONFIG: KubeProxyConfig = { mode: 'iptables', strictARP: false, scheduler: '', clusterCIDR: '' };

/**
 * The KubeProxyConfiguration in a kube-proxy ConfigMap. mode "" → iptables
 * (SRC: pkg/proxy/apis/config/v1alpha1/defaults.go; cmd/kube-proxy/app/server_linux.go platformApplyDefaults).
 * An unparsable file or a mode kubelab does not model is an error naming the key to fix.
 */
export function readKubeProxyConfig(cm: ConfigMap | undefined): KubeProxyConfig {
  const text = cm?.data?.['config.conf'];
  if (text === undefined) return { ...DEFAULT_KUBE_PROXY_CONFIG };
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new HarnessError('INVALID_INPUT', `kube-proxy ConfigMap config.conf is not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  const rawMode = String(doc['mode'] ?? '');
  if (rawMode !== '' && rawMode !== 'iptables' && rawMode !== 'ipvs') {
    throw new HarnessError('UNSUPPORTED', `kube-proxy mode "${rawMode}" in ConfigMap kube-system/kube-proxy is not modelled by kubelab; use "", "iptables" or "ipvs"`);
  }
  const ipvs = (doc['ipvs'] ?? {}) as Record<string, unknown>;
  return {
    mode: rawMode === 'ipvs' ? 'ipvs' : 'iptables',
    strictARP: ipvs['strictARP'] === true,
    scheduler: typeof ipvs['scheduler'] === 'string' ? ipvs['scheduler'] : '',
    clusterCIDR: typeof doc['clusterCIDR'] === 'string' ? doc['clusterCIDR'] : '',
  };
}

/**
 * Rewrites `mode:` (and `strictARP:` under `ipvs:` when asked) in config.conf, keeping every other
 * line, as `kubectl -n kube-system edit cm kube-proxy` would.
 */
export function editKubeProxyConfText(text: string, mode: 'iptables' | 'ipvs', opts: { strictARP?: boolean } = {}): string {
  const lines = text.split('\n');
  let section = '';
  let sawMode = false;
  const out = lines.map((line) => {
    const top = /^([A-Za-z][\w]*):/.exec(line);
    if (top) section = top[1]!;
    if (/^mode:/.test(line)) { sawMode = true; return `mode: "${mode}"`; }
    if (section === 'ipvs' && opts.strictARP !== undefined && /^\s+strictARP:/.test(line)) {
      return line.replace(/strictARP:.*$/, `strictARP: ${opts.strictARP}`);
    }
    return line;
  });
  if (!sawMode) throw new HarnessError('INVALID_INPUT', 'kube-proxy config.conf has no top-level "mode:" line to edit');
  return out.join('\n');
}

/**
 * Switches kube-proxy's mode the tutorial's way: edit the ConfigMap through the API server,
 * delete the kube-proxy pods (the DaemonSet recreates them and they read the new file), settle.
 */
export function setKubeProxyMode(sim: Simulation, mode: 'iptables' | 'ipvs', opts: { strictARP?: boolean } = {}): void {
  const cm = sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system');
  const text = cm?.data?.['config.conf'];
  if (!cm || text === undefined) throw new HarnessError('NOT_FOUND', 'ConfigMap kube-system/kube-proxy with key config.conf not found; was the cluster bootstrapped?');
  const edited = editKubeProxyConfText(text, mode, opts);
  if (edited !== text) {
    const result = sim.api.update({ ...cm, data: { ...cm.data, 'config.conf': edited } });
    if (!result.ok) throw new HarnessError('COMMAND_FAILED', `updating ConfigMap kube-system/kube-proxy failed: ${result.status.message}`);
  }
  for (const pod of sim.store.list<Pod>('Pod', 'kube-system')) {
    if (pod.metadata.labels?.['k8s-app'] !== 'kube-proxy') continue;
    const result = sim.api.delete({ kind: 'Pod', name: pod.metadata.name, namespace: 'kube-system' });
    if (!result.ok) throw new HarnessError('COMMAND_FAILED', `deleting pod kube-system/${pod.metadata.name} failed: ${result.status.message}`);
  }
  sim.settle();
}
