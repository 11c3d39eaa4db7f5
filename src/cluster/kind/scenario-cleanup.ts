/**
 * Between scenarios the run's cluster goes back to the plain lab: what the scenario created is deleted
 * (the features name the `default` namespace — dig howe.default.svc… — so scenarios share it, and it is
 * emptied instead of using a namespace per scenario; namespaces a scenario created are deleted), and the
 * lab settings return to kubeadm's: kube-proxy iptables without strictARP, kube-apiserver's own flags,
 * no MetalLB pool, the ingress-nginx Service NodePort.
 */
import type { Exec } from './exec.ts';
import type { Kubectl } from './kubectl.ts';
import type { Timer } from './retry.ts';
import { removeMetallbPool, setIngressServiceType, waitPodsReady } from './addons.ts';
import { restoreApiServer, setKubeProxySettings } from './lab-settings.ts';

/** What existed when the scenario started. */
export interface ScenarioBaseline { namespaces: string[] }

// Objects a scenario makes in `default`; `kubernetes` and kube-root-ca.crt belong to the cluster.
const DEFAULT_KINDS = 'deployments,replicasets,daemonsets,statefulsets,jobs,pods,ingresses,networkpolicies,secrets';

/** Deletes the scenario's objects and restores the lab settings; every step runs, failures are reported together. */
export async function restoreLab(deps: { exec: Exec; kubectl: Kubectl; timer: Timer }, controlPlane: string, baseline: ScenarioBaseline): Promise<void> {
  const { kubectl } = deps;
  const problems: string[] = [];
  const step = async (what: string, fn: () => Promise<unknown>) => {
    try { await fn(); } catch (err) { problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`); }
  };
  await step('empty the default namespace', async () => {
    await kubectl.must(['delete', '-n', 'default', DEFAULT_KINDS, '--all', '--now', '--ignore-not-found', '--timeout=120s'], 'delete the scenario objects in default', { timeoutMs: 130_000 });
    await kubectl.must(['delete', '-n', 'default', 'services', '--field-selector', 'metadata.name!=kubernetes', '--ignore-not-found'], 'delete the scenario services in default');
    await kubectl.must(['delete', '-n', 'default', 'configmaps', '--field-selector', 'metadata.name!=kube-root-ca.crt', '--ignore-not-found'], 'delete the scenario configmaps in default');
  });
  await step('delete the scenario namespaces', async () => {
    const now = (await kubectl.list('namespaces')).map((n) => n.metadata.name);
    const created = now.filter((n) => !baseline.namespaces.includes(n));
    if (created.length > 0) await kubectl.must(['delete', 'namespaces', ...created, '--timeout=120s'], `delete namespaces ${created.join(', ')}`, { timeoutMs: 130_000 });
  });
  await step('remove the MetalLB pool', () => removeMetallbPool(kubectl));
  await step('make the ingress-nginx Service NodePort again', () => setIngressServiceType(kubectl, 'NodePort'));
  await step('put kube-proxy back to iptables mode', () => setKubeProxySettings(kubectl, { mode: 'iptables', strictARP: false }));
  await step("restore kube-apiserver's flags", () => restoreApiServer(deps, controlPlane));
  if (problems.length > 0) throw new Error(`could not restore the lab after the scenario: ${problems.join('; ')}`);
}

/** Creates the tutorial's client pod `test` (kubectl run test --image busyboxplus) when absent, and waits until it is Ready. */
export async function clientPodReady(kubectl: Kubectl, timer: Timer, image: string): Promise<void> {
  const existing = await kubectl.get('Pod', 'test', 'default');
  if (!existing) {
    await kubectl.must(['run', 'test', '-n', 'default', `--image=${image}`, '--image-pull-policy=IfNotPresent', '--restart=Always', '--command', '--', 'sh', '-c', 'sleep 86400'],
      'start the client pod test');
  }
  await waitPodsReady({ kubectl, timer }, 'default', 'run=test', 'the client pod default/test to be Ready', 120_000);
}
