/**
 * The run's cluster: preflight, sweep, create (or reuse), kubeconfig, nodes, pool, images, add-ons, state.
 * Teardown removes the client containers and the cluster (unless reused) and the state file.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { mustRun, type Exec } from './exec.ts';
import { Kubectl } from './kubectl.ts';
import { preflight, inspectPool } from './preflight.ts';
import { sweepStale, OWNER_LABEL } from './sweep.ts';
import { installAddon } from './addons.ts';
import { installNodeTools, type NodeToolsSource } from './node-tools.ts';
import { runActions, type Action, type ActionRecord } from './actions.ts';
import { kindCacheDir, removeRunState, writeRunState, type KindRunState, type RealNode } from './run-state.ts';
import type { ManifestSource } from './manifests.ts';
import type { Timer } from './retry.ts';
import type { PinnedVersions } from './versions.ts';
import type { AddressRange } from './network.ts';

/** Options of one run on kind. */
export interface KindRunOptions {
  /** Project root: clusters/ and .kubelab-cache/ live there. */
  root: string;
  clusterName: string;
  pid: number;
  reuse: boolean;
  /** Keep a partially created cluster when bring-up fails (for inspection). */
  retain: boolean;
  registryMirror?: string;
  network: string;
  poolSize: number;
  minMemoryBytes: number;
  /** Where ipvsadm and dig come from on the nodes (default: apt-get in each node). */
  nodeTools?: NodeToolsSource;
}

/** What bring-up actions share. */
export interface BringUpContext {
  opts: KindRunOptions;
  pins: PinnedVersions;
  exec: Exec;
  timer: Timer;
  manifests: ManifestSource;
  isAlive: (pid: number) => boolean;
  kubeconfig: string;
  kubectl: Kubectl;
  // Filled in by the actions, in order:
  existed?: boolean;
  /** Set just before `kind create cluster` runs: from then on a failure deletes the partial cluster. */
  creating?: boolean;
  nodes?: RealNode[];
  subnet?: string;
  pool?: AddressRange;
  versions: Record<string, string>;
  missingImages: string[];
  /** Optional tools preflight did not find (a scenario line needing one fails naming its package). */
  missingTools?: string[];
}

/** The ordered bring-up actions. */
export function bringUpActions(): Action<BringUpContext>[] {
  return [
    { name: 'preflight', timeoutMs: 90_000, run: async (c) => {
      const r = await preflight(c.exec, { kindMinVersion: c.pins.kindVersion, kubectlMinVersion: c.pins.kubectlMinVersion, minMemoryBytes: c.opts.minMemoryBytes, poolSize: c.opts.poolSize, network: c.opts.network });
      Object.assign(c.versions, { kind: r.kindVersion, kubectl: r.kubectlVersion, docker: r.dockerVersion });
      c.missingTools = r.missingTools;
    } },
    { name: 'sweep-stale', timeoutMs: 180_000, run: async (c) => {
      await sweepStale(c.exec, { isAlive: c.isAlive, keep: c.opts.clusterName });
    } },
    { name: 'create-cluster', timeoutMs: 420_000, run: async (c) => {
      const listed = await mustRun(c.exec, { file: 'kind', args: ['get', 'clusters'], what: 'list kind clusters', timeoutMs: 20_000 });
      c.existed = listed.stdout.split('\n').some((l) => l.trim() === c.opts.clusterName);
      if (c.existed && c.opts.reuse) return;
      if (c.existed) await mustRun(c.exec, { file: 'kind', args: ['delete', 'cluster', '--name', c.opts.clusterName], what: `delete the old cluster ${c.opts.clusterName}`, timeoutMs: 120_000 });
      const config = await renderKindConfig(c.opts.root);
      c.creating = true;
      await mustRun(c.exec, { file: 'kind', args: ['create', 'cluster', '--name', c.opts.clusterName, '--image', c.pins.nodeImage, '--config', config, '--kubeconfig', c.kubeconfig, '--wait', '240s'],
        what: `create the kind cluster ${c.opts.clusterName}`, timeoutMs: 400_000 });
    } },
    { name: 'export-kubeconfig', timeoutMs: 30_000, run: async (c) => {
      await mustRun(c.exec, { file: 'kind', args: ['export', 'kubeconfig', '--name', c.opts.clusterName, '--kubeconfig', c.kubeconfig], what: 'write the cluster kubeconfig', timeoutMs: 30_000 });
    } },
    { name: 'read-nodes', timeoutMs: 30_000, run: async (c) => {
      c.nodes = realNodes((await c.kubectl.list('nodes')) as unknown as NodeView[]);
      c.versions['kubernetes'] = c.pins.nodeImage.split(':')[1]?.split('@')[0] ?? 'unknown';
    } },
    { name: 'install-node-tools', timeoutMs: 600_000, run: async (c) => {
      // Per node: apt-get update + install takes 20-60 s on a good line; the action bounds the whole.
      await installNodeTools(c.exec, (c.nodes ?? []).map((n) => n.name), c.opts.nodeTools ?? { kind: 'apt' }, 180_000);
    } },
    { name: 'carve-pool', timeoutMs: 30_000, run: async (c) => {
      const { subnet, pool } = await inspectPool(c.exec, c.opts.network, c.opts.poolSize);
      Object.assign(c, { subnet, pool });
    } },
    { name: 'load-images', timeoutMs: 600_000, run: async (c) => {
      for (const image of [...new Set([...c.pins.scenarioImages, c.pins.clientPodImage])]) {
        const local = await c.exec({ file: 'docker', args: ['image', 'inspect', image], what: `look for ${image} locally`, timeoutMs: 20_000 });
        if (local.exitCode !== 0) { c.missingImages.push(image); continue; }
        await mustRun(c.exec, { file: 'kind', args: ['load', 'docker-image', image, '--name', c.opts.clusterName], what: `load ${image} into the nodes`, timeoutMs: 300_000 });
      }
    } },
    { name: 'install-metallb', timeoutMs: 300_000, run: async (c) => {
      await installAddon(addonCtx(c), c.pins.addons.metallb, { readyTimeoutMs: 240_000 });
      c.versions['metallb'] = c.pins.addons.metallb.version;
    } },
    { name: 'install-ingress-nginx', timeoutMs: 360_000, run: async (c) => {
      await installAddon(addonCtx(c), c.pins.addons.ingressNginx, { readyTimeoutMs: 300_000, selector: 'app.kubernetes.io/component=controller' });
      c.versions['ingress-nginx'] = c.pins.addons.ingressNginx.version;
    } },
    { name: 'write-run-state', timeoutMs: 10_000, run: async (c) => {
      await writeRunState(c.opts.root, stateOf(c));
    } },
  ];
}

/** Brings the run's cluster up; on failure the partial cluster is deleted unless `retain`. */
export async function bringUp(c: BringUpContext, opts: { signal?: AbortSignal; log?: (r: ActionRecord) => void } = {}): Promise<KindRunState> {
  await runActions(bringUpActions(), c, {
    timer: c.timer, retain: c.opts.retain, ...opts,
    // Only a cluster this run started creating is deleted: a reused one, or one never created, is left alone.
    cleanup: async () => { await tearDown(c.exec, { root: c.opts.root, clusterName: c.opts.clusterName, pid: c.opts.pid, keepCluster: c.creating !== true }); },
  });
  return stateOf(c);
}

/** Removes the run's containers and (unless kept) its cluster and state. Every step runs even if one fails; the failures are reported together. */
export async function tearDown(exec: Exec, opts: { root: string; clusterName: string; pid: number; keepCluster: boolean }): Promise<void> {
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) => { try { await fn(); } catch (err) { problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`); } };
  await attempt('remove client containers', async () => {
    const ids = await mustRun(exec, { file: 'docker', args: ['ps', '-aq', '--filter', `label=${OWNER_LABEL}=${opts.pid}`], what: "list the run's containers", timeoutMs: 20_000 });
    const list = ids.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    if (list.length > 0) await mustRun(exec, { file: 'docker', args: ['rm', '-f', ...list], what: "remove the run's containers", timeoutMs: 60_000 });
  });
  if (!opts.keepCluster) {
    await attempt('delete the cluster', () => mustRun(exec, { file: 'kind', args: ['delete', 'cluster', '--name', opts.clusterName], what: `delete the kind cluster ${opts.clusterName}`, timeoutMs: 180_000 }));
    await attempt('remove the run state', () => removeRunState(opts.root));
  }
  if (problems.length > 0) throw new Error(`teardown left things behind: ${problems.join('; ')}`);
}

/** Writes clusters/kind-cluster.yaml to the cache (kind reads it from a file) and returns its path. */
export async function renderKindConfig(root: string): Promise<string> {
  const config = parse(await readFile(path.join(root, 'clusters', 'kind-cluster.yaml'), 'utf8')) as Record<string, unknown>;
  const out = path.join(kindCacheDir(root), 'kind-cluster.yaml');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, stringify(config));
  return out;
}

interface NodeView { metadata: { name: string; labels?: Record<string, string> }; status?: { addresses?: { type: string; address: string }[] } }

/** Nodes in lab order: the control plane, then the workers by name (worker, worker2 ↔ k8s-node1, k8s-node2). */
export function realNodes(items: NodeView[]): RealNode[] {
  const nodes = items.map((n): RealNode => ({
    name: n.metadata.name,
    ip: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    role: n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? 'control-plane' : 'worker',
  }));
  return nodes.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'control-plane' ? -1 : 1));
}

function addonCtx(c: BringUpContext) {
  return { kubectl: c.kubectl, timer: c.timer, manifests: c.manifests, ...(c.opts.registryMirror ? { registryMirror: c.opts.registryMirror } : {}) };
}

function stateOf(c: BringUpContext): KindRunState {
  return {
    clusterName: c.opts.clusterName, kubeconfig: c.kubeconfig, ownerPid: c.opts.pid, reuse: c.opts.reuse,
    network: c.opts.network, subnet: c.subnet ?? '', pool: c.pool ?? { first: '', last: '' }, nodes: c.nodes ?? [],
    versions: { ...c.versions }, ...(c.opts.registryMirror ? { registryMirror: c.opts.registryMirror } : {}), missingImages: c.missingImages,
    nodeTools: c.opts.nodeTools?.kind === 'skip' ? 'skipped' : 'installed',
    ...(c.missingTools?.length ? { missingTools: c.missingTools } : {}),
  };
}
