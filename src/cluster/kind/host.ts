/**
 * The kind backend's boundary with the machine: the real clock, the environment (options), process ids,
 * the project root. Everything else in src/cluster/kind/ gets these injected. A run's environment and pid
 * come from src/cli/kind-run.ts; the real clock, the liveness probe and createKindCluster's environment
 * stay here (an exception to CONTRIBUTING rule 6): createCluster({ backend: 'kind' }) gets no host values.
 *
 * Options (environment; the lab CLI and `--world-parameters '{"kind":{…}}'` can set the same):
 *   KUBELAB_KIND_REUSE=1           keep the cluster after the run and reuse it next time (cluster kubelab-reuse)
 *   KUBELAB_KIND_RETAIN=1          keep a partially created cluster when bring-up fails (for inspection)
 *   KUBELAB_REGISTRY_MIRROR=host   pull add-on images from a mirror (see image-mirror.ts for the path mapping)
 *   KUBELAB_MANIFESTS_DIR=dir      air-gapped: read add-on manifests from dir instead of downloading them
 *   KUBELAB_NODE_TOOLS=skip        do not install ipvsadm and dig on the nodes (scenarios needing them fail saying why)
 *   KUBELAB_NODE_TOOLS_DIR=dir     air-gapped: install them from the .deb files in dir (docker cp + dpkg -i)
 *   KIND_EXPERIMENTAL_DOCKER_NETWORK  kind's own variable: the Docker network (default "kind")
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExec, type Exec } from './exec.ts';
import type { Timer } from './retry.ts';
import { Kubectl } from './kubectl.ts';
import { bringUp, tearDown, type BringUpContext, type KindRunOptions } from './bring-up.ts';
import { fetchWithTimeout } from './manifests.ts';
import { loadPinnedVersions } from './versions.ts';
import { kindCacheDir, readRunState, requireRunState, type KindRunState } from './run-state.ts';
import { runClusterName } from './sweep.ts';
import { KindCluster } from './kind-cluster.ts';
import { nodeToolsSource } from './node-tools.ts';
import { startClientHost } from './client-host.ts';
import type { ActionRecord } from './actions.ts';

/** The project root (clusters/, .kubelab-cache/), found from this file's place in src/cluster/kind/. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Run options a user may give besides the environment (world parameters `kind`). */
export interface KindUserOptions { reuse?: boolean; retain?: boolean; registryMirror?: string; manifestsDir?: string }

/** The real clock. */
export function realTimer(): Timer {
  return {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() { signal?.removeEventListener('abort', done); clearTimeout(t); resolve(); }
      signal?.addEventListener('abort', done, { once: true });
    }),
  };
}

/** Whether a process still runs (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Merges the environment with explicit options (explicit wins). */
export function kindOptions(env: Record<string, string | undefined>, user: KindUserOptions, pid: number, root = PROJECT_ROOT): KindRunOptions & { manifestsDir?: string } {
  const flag = (v: string | undefined) => v === '1' || v === 'true' || v === 'yes';
  const reuse = user.reuse ?? flag(env['KUBELAB_KIND_REUSE']);
  const registryMirror = user.registryMirror ?? env['KUBELAB_REGISTRY_MIRROR'];
  const manifestsDir = user.manifestsDir ?? env['KUBELAB_MANIFESTS_DIR'];
  return {
    root, pid, reuse,
    clusterName: runClusterName(pid, reuse),
    retain: user.retain ?? flag(env['KUBELAB_KIND_RETAIN']),
    network: env['KIND_EXPERIMENTAL_DOCKER_NETWORK'] || 'kind',
    poolSize: 50,
    minMemoryBytes: 4 * 2 ** 30,
    nodeTools: nodeToolsSource(env, root),
    ...(registryMirror ? { registryMirror } : {}),
    ...(manifestsDir ? { manifestsDir: path.resolve(root, manifestsDir) } : {}),
  };
}

/** The process a kind run belongs to: its environment (options, PATH for the tools) and pid (owner label, cluster name). */
export interface KindHost { env: Record<string, string | undefined>; pid: number }

/** Brings the run's cluster up (BeforeAll of the kind profile). */
export async function startKindRun(opts: { host: KindHost; user: KindUserOptions; signal: AbortSignal; log: (r: ActionRecord) => void; exec?: Exec }): Promise<KindRunState> {
  const run = kindOptions(opts.host.env, opts.user, opts.host.pid);
  const exec = opts.exec ?? createExec({ env: opts.host.env, signal: opts.signal });
  const kubeconfig = path.join(kindCacheDir(run.root), `${run.clusterName}.kubeconfig`);
  const ctx: BringUpContext = {
    opts: run, pins: await loadPinnedVersions(run.root), exec, timer: realTimer(), isAlive, kubeconfig,
    kubectl: new Kubectl(exec, kubeconfig), versions: {}, missingImages: [],
    manifests: { cacheDir: path.join(run.root, '.kubelab-cache', 'manifests'), fetchText: fetchWithTimeout(60_000), ...(run.manifestsDir ? { localDir: run.manifestsDir } : {}) },
  };
  return bringUp(ctx, { signal: opts.signal, log: opts.log });
}

/** Tears the run's cluster down (AfterAll, Ctrl-C); keeps a reusable cluster. */
export async function stopKindRun(host: KindHost): Promise<string> {
  const state = await readRunState(PROJECT_ROOT);
  if (!state || state.ownerPid !== host.pid) return 'no kind cluster of this run to remove';
  await tearDown(createExec({ env: host.env }), { root: PROJECT_ROOT, clusterName: state.clusterName, pid: state.ownerPid, keepCluster: state.reuse });
  return state.reuse ? `kept the kind cluster ${state.clusterName} for the next run (KUBELAB_KIND_REUSE); delete it with: kind delete cluster --name ${state.clusterName}`
    : `deleted the kind cluster ${state.clusterName}`;
}

/** One scenario's Cluster on the run's kind cluster (createCluster's 'kind' branch). */
export async function createKindCluster(_opts: { seed: number }): Promise<KindCluster> {
  const state = await requireRunState(PROJECT_ROOT);
  const pins = await loadPinnedVersions(PROJECT_ROOT);
  return KindCluster.open({
    state, exec: createExec({ env: process.env }), timer: realTimer(), clientHosts: startClientHost,
    clientHostImage: pins.clientHostImage, clientPodImage: pins.clientPodImage, pid: state.ownerPid,
  });
}
