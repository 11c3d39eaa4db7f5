/**
 * The run's cluster, as bring-up left it: written to .kubelab-cache/kind/run.json so that every scenario
 * (a new World, a new Cluster object) finds the one cluster of the run, and a later run can reuse it.
 * The file is the only thing shared between scenarios; everything else is read from the cluster itself.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../../errors.ts';
import type { AddressRange } from './network.ts';

/** A real node, in lab order (control plane, then workers by name). */
export interface RealNode { name: string; ip: string; role: 'control-plane' | 'worker' }

/** What scenarios need to talk to the run's cluster. */
export interface KindRunState {
  clusterName: string;
  kubeconfig: string;
  /** The process that brought it up (the start-up sweep removes clusters of processes that are gone). */
  ownerPid: number;
  /** Kept after the run (KUBELAB_KIND_REUSE=1). */
  reuse: boolean;
  network: string;
  subnet: string;
  pool: AddressRange;
  nodes: RealNode[];
  versions: Record<string, string>;
  registryMirror?: string;
  /** Scenario images that were not in the local Docker engine (pods using them must pull them). */
  missingImages: string[];
  /** Whether install-node-tools put ipvsadm and dig on the nodes (absent: an older state file, treated as installed). */
  nodeTools?: 'installed' | 'skipped';
  /** Optional work-folder tools preflight did not find on this machine (openssl, htpasswd; absent: none missing). */
  missingTools?: string[];
}

/** Where the state and the kubeconfig of the kind backend live under the project root. */
export function kindCacheDir(root: string): string {
  return path.join(root, '.kubelab-cache', 'kind');
}

/** The run state file. */
export function runStateFile(root: string): string {
  return path.join(kindCacheDir(root), 'run.json');
}

/** Writes the run state. */
export async function writeRunState(root: string, state: KindRunState): Promise<void> {
  await mkdir(kindCacheDir(root), { recursive: true });
  await writeFile(runStateFile(root), JSON.stringify(state, null, 2) + '\n');
}

/** Reads the run state; undefined when no run has brought a cluster up. */
export async function readRunState(root: string): Promise<KindRunState | undefined> {
  const text = await readFile(runStateFile(root), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as KindRunState;
  } catch {
    throw new HarnessError('INVALID_INPUT', `${runStateFile(root)} is not valid JSON: delete it (kubelab recreates it when it brings a cluster up)`);
  }
}

/** The run state, or a clear error saying how the kind backend must be started. */
export async function requireRunState(root: string): Promise<KindRunState> {
  const state = await readRunState(root);
  if (!state) {
    throw new HarnessError('PREFLIGHT', 'no kind cluster is up for this run: the kind backend brings one up in its BeforeAll hook, which cucumber loads with ' +
      '`--profile kind` (npx cucumber-js --profile kind, or kubelab lab --backend kind)');
  }
  return state;
}

/** Removes the run state (teardown). */
export async function removeRunState(root: string): Promise<void> {
  await rm(runStateFile(root), { force: true });
}
