/**
 * The lab settings a scenario asks for, changed on the real cluster the way the tutorial changes them:
 * kube-proxy's mode through its ConfigMap plus a restart of its pods (section 三), kube-apiserver flags by
 * editing the static pod manifest on the control-plane node (the kubelet restarts it).
 */
import { parseDocument } from 'yaml';
import { HarnessError } from '../../errors.ts';
import { mustRun, type Exec } from './exec.ts';
import type { Kubectl } from './kubectl.ts';
import { waitFor, type Timer } from './retry.ts';

/** kube-proxy's configured mode and strictARP, as its ConfigMap says. */
export interface KubeProxySettings { mode: 'iptables' | 'ipvs'; strictARP: boolean }

interface ConfigMapView { metadata: Record<string, unknown>; data?: Record<string, string> }

/** Reads kube-system/kube-proxy's config.conf (mode "" means iptables). */
export async function readKubeProxySettings(kubectl: Kubectl): Promise<KubeProxySettings> {
  const cm = (await kubectl.get('ConfigMap', 'kube-proxy', 'kube-system')) as unknown as ConfigMapView | undefined;
  const conf = cm?.data?.['config.conf'];
  if (!conf) throw new HarnessError('NOT_FOUND', 'kube-system/kube-proxy has no config.conf: is this a kubeadm (kind) cluster?');
  const doc = parseDocument(conf);
  const mode = String(doc.get('mode') ?? '');
  return { mode: mode === 'ipvs' ? 'ipvs' : 'iptables', strictARP: doc.getIn(['ipvs', 'strictARP']) === true };
}

/** Sets mode/strictARP in the ConfigMap and restarts kube-proxy when something changed; no-op otherwise. */
export async function setKubeProxySettings(kubectl: Kubectl, wanted: KubeProxySettings): Promise<boolean> {
  const cm = (await kubectl.get('ConfigMap', 'kube-proxy', 'kube-system')) as unknown as ConfigMapView | undefined;
  const conf = cm?.data?.['config.conf'];
  if (!cm || !conf) throw new HarnessError('NOT_FOUND', 'kube-system/kube-proxy has no config.conf: is this a kubeadm (kind) cluster?');
  const doc = parseDocument(conf);
  const current = { mode: String(doc.get('mode') ?? '') === 'ipvs' ? 'ipvs' : 'iptables', strictARP: doc.getIn(['ipvs', 'strictARP']) === true };
  if (current.mode === wanted.mode && current.strictARP === wanted.strictARP) return false;
  doc.set('mode', wanted.mode);
  doc.setIn(['ipvs', 'strictARP'], wanted.strictARP);
  const updated = { ...cm, data: { ...cm.data, 'config.conf': doc.toString() } };
  await kubectl.must(['replace', '-f', '-'], 'update the kube-proxy ConfigMap', { input: JSON.stringify(updated) });
  // Running kube-proxy pods read the ConfigMap only when they start: restart them (the tutorial deletes them).
  await kubectl.must(['-n', 'kube-system', 'delete', 'pods', '-l', 'k8s-app=kube-proxy', '--wait=false'], 'restart kube-proxy');
  await kubectl.must(['-n', 'kube-system', 'rollout', 'status', 'daemonset/kube-proxy', '--timeout=120s'], 'wait for kube-proxy to restart', { timeoutMs: 130_000 });
  return true;
}

const MANIFEST = '/etc/kubernetes/manifests/kube-apiserver.yaml';
// Outside manifests/: the kubelet would otherwise run the backup as a second static pod.
const BACKUP = '/etc/kubernetes/kube-apiserver.yaml.kubelab-orig';

/** Adds (or replaces) kube-apiserver flags in the static pod manifest and waits until the restarted API server has them. */
export async function setApiServerFlags(deps: { exec: Exec; kubectl: Kubectl; timer: Timer }, node: string, flags: string[]): Promise<void> {
  const edits: string[] = [];
  for (const flag of flags) {
    const m = /^(--[a-z0-9-]+)=(\S+)$/.exec(flag);
    if (!m) throw new HarnessError('INVALID_INPUT', `"${flag}" is not a kube-apiserver flag of the form --name=value`);
    edits.push(`-e '/^ *- ${m[1]}=/d'`, `-e 's|^\\( *\\)- kube-apiserver$|&\\n\\1- ${flag.replace(/[|&\\']/g, '\\$&')}|'`);
  }
  const script = `test -f ${BACKUP} || cp ${MANIFEST} ${BACKUP}; sed ${edits.join(' ')} ${MANIFEST} > /tmp/kube-apiserver.yaml && mv /tmp/kube-apiserver.yaml ${MANIFEST}`;
  await mustRun(deps.exec, { file: 'docker', args: ['exec', node, 'sh', '-c', script], what: `edit kube-apiserver's manifest on ${node}`, timeoutMs: 20_000 });
  await waitApiServer(deps, node, { present: flags, absent: [] }, `kube-apiserver to restart with ${flags.join(' ')}`);
}

/** Puts the original manifest back (no-op when kubelab never edited it) and waits for the API server. */
export async function restoreApiServer(deps: { exec: Exec; kubectl: Kubectl; timer: Timer }, node: string): Promise<boolean> {
  // Prints the lines kubelab added (the flags that must disappear), then puts the original back.
  const script = `if test -f ${BACKUP}; then grep -vxF -f ${BACKUP} ${MANIFEST}; mv ${BACKUP} ${MANIFEST}; echo restored; fi`;
  const res = await mustRun(deps.exec, { file: 'docker', args: ['exec', node, 'sh', '-c', script], what: `restore kube-apiserver's manifest on ${node}`, timeoutMs: 20_000 });
  if (!res.stdout.includes('restored')) return false;
  const added = res.stdout.split('\n').map((l) => /^\s*- (--\S+)$/.exec(l)?.[1]).filter((f): f is string => !!f);
  await waitApiServer(deps, node, { present: [], absent: added }, 'kube-apiserver to restart with its original flags');
  return true;
}

async function waitApiServer(deps: { kubectl: Kubectl; timer: Timer }, node: string, flags: { present: string[]; absent: string[] }, what: string): Promise<void> {
  await waitFor(deps.timer, what, { timeoutMs: 180_000, intervalMs: 3_000 }, async () => {
    const res = await deps.kubectl.run(['-n', 'kube-system', 'get', 'pod', `kube-apiserver-${node}`, '-o', 'json'], 'read the kube-apiserver pod', { timeoutMs: 15_000 });
    if (res.exitCode !== 0) return { done: false, reason: res.stderr.trim().split('\n')[0] ?? 'API server not answering' };
    const pod = JSON.parse(res.stdout) as { spec: { containers: { command?: string[] }[] }; status?: { conditions?: { type: string; status: string }[] } };
    const command = pod.spec.containers[0]?.command ?? [];
    const missing = flags.present.filter((f) => !command.includes(f));
    if (missing.length > 0) return { done: false, reason: `running without ${missing.join(' ')}` };
    const stale = flags.absent.filter((f) => command.includes(f));
    if (stale.length > 0) return { done: false, reason: `still running with ${stale.join(' ')}` };
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    return ready ? { done: true, value: undefined } : { done: false, reason: 'not Ready yet' };
  });
}
