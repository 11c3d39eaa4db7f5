/** Canned tool answers and a bring-up context over the fake tools, shared by the driver's tests. */
import { mkdtemp, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kubectl } from '../kubectl.ts';
import { loadPinnedVersions } from '../versions.ts';
import { sha256Hex } from '../manifests.ts';
import type { BringUpContext, KindRunOptions } from '../bring-up.ts';
import type { Exec } from '../exec.ts';
import type { FakeRule } from './fake-tools.ts';
import type { Timer } from '../retry.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', '..');

/** Three kind nodes as `kubectl get nodes -o json` lists them (workers first, to prove the sorting). */
export const NODES_JSON = JSON.stringify({ items: [
  { metadata: { name: 'kubelab-42-worker2', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.4' }] } },
  { metadata: { name: 'kubelab-42-worker', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] } },
  { metadata: { name: 'kubelab-42-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] } },
] });

/** `docker network inspect kind` with the three nodes on 172.18.0.0/16. */
export const NETWORK_JSON = JSON.stringify([{ Name: 'kind', IPAM: { Config: [{ Subnet: 'fc00:f853:ccd:e793::/64' }, { Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
  Containers: { a: { IPv4Address: '172.18.0.2/16' }, b: { IPv4Address: '172.18.0.3/16' }, c: { IPv4Address: '172.18.0.4/16' } } }]);

const READY_PODS = JSON.stringify({ items: [{ metadata: { name: 'p' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }] });

/** Answers for a healthy machine: Docker with 8 GiB, kind v0.25.0, kubectl v1.31.2, one image present locally. */
export function healthyRules(extra: FakeRule[] = []): FakeRule[] {
  return [
    ...extra,
    { match: 'docker info*', stdout: JSON.stringify({ ServerVersion: '20.10.24', MemTotal: 8 * 2 ** 30 }) },
    { match: 'kind version*', stdout: 'kind v0.25.0 go1.22.9 linux/amd64\n' },
    { match: 'kubectl version*', stdout: JSON.stringify({ clientVersion: { gitVersion: 'v1.31.2' } }) },
    { match: 'docker network inspect kind*', stdout: NETWORK_JSON },
    { match: 'kind get clusters*', stdout: 'kubelab-999999\nkubelab-7\nsomeone-else\n' },
    { match: 'docker ps -a --filter label=kubelab.owner-pid*', stdout: 'c0ffee 999999\nbeef 7\n' },
    { match: 'kubectl get nodes*', stdout: NODES_JSON },
    { match: 'docker image inspect myapp:v1*', stdout: '[{}]' },
    { match: 'docker image inspect*', exitCode: 1, stderr: 'Error: No such image\n' },
    { match: 'kubectl get pods -n*', stdout: READY_PODS },
  ];
}

/** Two tiny manifests standing in for MetalLB's and ingress-nginx's, with their digests. */
export const MANIFESTS = {
  metallb: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: metallb-system\n---\n# controller\n        image: quay.io/metallb/controller:v0.14.8\n',
  ingress: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ingress-nginx\n---\n        image: registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5f8\n',
};

/** A bring-up context over fakes: the project's real clusters/ copied to a temp root, add-ons served from `baseUrl`. */
export async function testContext(opts: { exec: Exec; timer: Timer; baseUrl: string; run?: Partial<KindRunOptions>; fetchText?: (url: string) => Promise<Uint8Array> }): Promise<BringUpContext> {
  const root = await mkdtemp(path.join(tmpdir(), 'kubelab-kind-root-'));
  await mkdir(path.join(root, 'clusters'));
  for (const f of ['versions.yaml', 'kind-cluster.yaml']) await copyFile(path.join(ROOT, 'clusters', f), path.join(root, 'clusters', f));
  const pins = await loadPinnedVersions(root);
  pins.addons.metallb = { ...pins.addons.metallb, url: `${opts.baseUrl}/metallb.yaml`, sha256: sha256Hex(MANIFESTS.metallb) };
  pins.addons.ingressNginx = { ...pins.addons.ingressNginx, url: `${opts.baseUrl}/ingress.yaml`, sha256: sha256Hex(MANIFESTS.ingress) };
  const kubeconfig = path.join(root, '.kubelab-cache', 'kind', 'kubelab-42.kubeconfig');
  const fetchText = opts.fetchText ?? (async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer()));
  return {
    opts: { root, clusterName: 'kubelab-42', pid: 42, reuse: false, retain: false, network: 'kind', poolSize: 50, minMemoryBytes: 4 * 2 ** 30, ...opts.run },
    pins, exec: opts.exec, timer: opts.timer, isAlive: (pid) => pid === 7 || pid === 42,
    manifests: { cacheDir: path.join(root, '.kubelab-cache', 'manifests'), fetchText },
    kubeconfig, kubectl: new Kubectl(opts.exec, kubeconfig), versions: {}, missingImages: [],
  };
}
