import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bringUp } from './bring-up.ts';
import { HarnessError } from '../../errors.ts';
import { createFakeTools, type FakeRule } from './testing/fake-tools.ts';
import { fakeTimer } from './testing/fake-timer.ts';
import { healthyRules, MANIFESTS, testContext } from './testing/fixtures.ts';
import type { ActionRecord } from './actions.ts';
import type { NodeToolsSource } from './node-tools.ts';

let server: Server;
let baseUrl = '';
const served: Record<string, string> = {
  '/metallb.yaml': MANIFESTS.metallb, '/ingress.yaml': MANIFESTS.ingress,
  '/tampered/metallb.yaml': MANIFESTS.metallb + '# tampered\n', '/tampered/ingress.yaml': MANIFESTS.ingress,
};
before(async () => {
  server = createServer((req, res) => {
    const body = served[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Index of the first call matching `re` (−1 when none). */
function at(calls: string[], re: RegExp): number {
  return calls.findIndex((c) => re.test(c));
}

interface Case {
  name: string;
  rules?: FakeRule[];
  fail?: string;
  retain?: boolean;
  registryMirror?: string;
  tamper?: boolean;
  /** Node tools source; 'debs' and 'empty' make a temp folder with two .deb files, or none. */
  nodeTools?: NodeToolsSource | 'debs' | 'empty';
  /** Expected error (regex on the message), or undefined for success. */
  error?: RegExp;
  check: (calls: string[], ctx: { stdin: string; records: ActionRecord[]; root: string }) => Promise<void> | void;
}

const CASES: Case[] = [
  {
    name: 'healthy machine: actions run in order, stale runs are swept, local images loaded, add-ons applied',
    check: async (calls, { records, root, stdin }) => {
      assert.deepEqual(records.map((r) => r.name), ['preflight', 'sweep-stale', 'create-cluster', 'export-kubeconfig', 'read-nodes', 'install-node-tools', 'carve-pool', 'load-images', 'install-metallb', 'install-ingress-nginx', 'write-run-state']);
      const order = [/^docker info/, /^kind version/, /^kubectl version/, /^kind delete cluster --name kubelab-999999$/, /^docker rm -f c0ffee$/,
        /^kind create cluster --name kubelab-42 --image kindest\/node:v1\.31\.2@sha256:18fbef/, /^kind export kubeconfig --name kubelab-42/, /^kubectl get nodes/,
        /^docker exec kubelab-42-control-plane sh -c .*apt-get update && .*apt-get install -y --no-install-recommends ipvsadm dnsutils/,
        /^docker exec kubelab-42-worker sh -c .*apt-get install/, /^docker exec kubelab-42-worker2 sh -c .*apt-get install/,
        /^kind load docker-image myapp:v1 --name kubelab-42$/, /^kubectl apply -f -/, /^kubectl get pods -n metallb-system/, /^kubectl get pods -n ingress-nginx -l app.kubernetes.io\/component=controller/];
      const positions = order.map((re) => at(calls, re));
      assert.ok(positions.every((p) => p >= 0), `missing calls: ${order.filter((_, i) => positions[i]! < 0).join(', ')}\n${calls.join('\n')}`);
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, `calls out of order:\n${calls.join('\n')}`);
      assert.equal(at(calls, /kind delete cluster --name kubelab-7$/), -1, 'a live run\'s cluster must not be swept');
      assert.equal(at(calls, /docker rm -f beef/), -1, 'a live run\'s container must not be swept');
      assert.equal(at(calls, /kind load docker-image myapp:v2/), -1, 'an image missing locally is not loaded');
      assert.ok(stdin.includes('quay.io/metallb/controller:v0.14.8'));
      const state = JSON.parse(await readFile(path.join(root, '.kubelab-cache', 'kind', 'run.json'), 'utf8'));
      assert.deepEqual(state.pool, { first: '172.18.255.205', last: '172.18.255.254' });
      assert.deepEqual(state.nodes.map((n: { name: string }) => n.name), ['kubelab-42-control-plane', 'kubelab-42-worker', 'kubelab-42-worker2']);
      assert.ok(state.missingImages.includes('myapp:v2'));
      assert.equal(state.nodeTools, 'installed');
    },
  },
  {
    name: 'registry mirror: add-on images are rewritten before they are applied',
    registryMirror: 'reg.exam.com',
    check: (_calls, { stdin }) => {
      assert.ok(stdin.includes('image: reg.exam.com/metallb/controller:v0.14.8'), stdin);
      assert.ok(stdin.includes('image: reg.exam.com/ingress-nginx/controller:v1.11.2@sha256:d5f8'), stdin);
      assert.ok(!stdin.includes('quay.io/'), stdin);
    },
  },
  {
    name: 'Docker not running: a preflight error naming the fix, nothing created or deleted',
    fail: 'docker info*', error: /preflight.*Docker is not running.*start it/s,
    check: (calls) => {
      assert.equal(at(calls, /^kind (create|delete)/), -1, calls.join('\n'));
    },
  },
  {
    name: 'kind too old: names the version to install, before anything is created',
    rules: [{ match: 'kind version*', stdout: 'kind v0.20.0 go1.20 linux/amd64\n' }], error: /kind v0\.20\.0 is older than v0\.25\.0: install kind v0\.25\.0/,
    check: (calls) => assert.equal(at(calls, /^kind create/), -1),
  },
  {
    name: 'too little memory for three nodes',
    rules: [{ match: 'docker info*', stdout: JSON.stringify({ ServerVersion: '20.10', MemTotal: 2 * 2 ** 30 }) }], error: /Docker has 2\.0 GiB of memory.*at least 4\.0 GiB/,
    check: (calls) => assert.equal(at(calls, /^kind create/), -1),
  },
  {
    name: 'a failing add-on install deletes the partial cluster',
    fail: 'kubectl apply*', error: /bring-up action "install-metallb" failed: could not install metallb/,
    check: (calls) => assert.ok(at(calls, /^kind delete cluster --name kubelab-42$/) > at(calls, /^kubectl apply/), calls.join('\n')),
  },
  {
    name: 'retain keeps the partial cluster for inspection',
    fail: 'kubectl apply*', retain: true, error: /install-metallb" failed.*kept for inspection/s,
    check: (calls) => assert.equal(at(calls, /^kind delete cluster --name kubelab-42$/), -1),
  },
  {
    name: 'checksum mismatch: expected and actual digest and the URL, and the cluster is deleted',
    tamper: true, error: /checksum mismatch for the metallb v0\.14\.8 manifest from http:\/\/127\.0\.0\.1:\d+\/tampered\/metallb\.yaml: expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}/,
    check: (calls) => {
      assert.equal(at(calls, /^kubectl apply/), -1, 'a manifest that fails its checksum is never applied');
      assert.ok(at(calls, /^kind delete cluster --name kubelab-42$/) >= 0);
    },
  },
  {
    name: 'node tools: apt-get failing on a node names the node and the air-gapped options, and deletes the cluster',
    fail: 'docker exec kubelab-42-worker sh -c *apt-get*',
    error: /install-node-tools" failed: could not install ipvsadm and dnsutils on kubelab-42-worker with apt-get.*KUBELAB_NODE_TOOLS_DIR=<folder>.*dpkg -i.*KUBELAB_NODE_TOOLS=skip/s,
    check: (calls) => {
      assert.ok(at(calls, /^kind delete cluster --name kubelab-42$/) > at(calls, /^docker exec kubelab-42-worker sh -c/), calls.join('\n'));
      assert.equal(at(calls, /^docker exec kubelab-42-worker2 /), -1, 'bring-up stops at the first node that fails');
      assert.equal(at(calls, /^kind load/), -1, 'later actions do not run');
    },
  },
  {
    name: 'node tools: KUBELAB_NODE_TOOLS=skip installs nothing and records it in the run state',
    nodeTools: { kind: 'skip' },
    check: async (calls, { root }) => {
      assert.equal(at(calls, /apt-get|dpkg|docker cp/), -1, calls.join('\n'));
      const state = JSON.parse(await readFile(path.join(root, '.kubelab-cache', 'kind', 'run.json'), 'utf8'));
      assert.equal(state.nodeTools, 'skipped');
    },
  },
  {
    name: 'node tools: a folder of .deb files is copied into each node and installed with dpkg -i, without apt-get',
    nodeTools: 'debs',
    check: (calls) => {
      assert.equal(at(calls, /apt-get/), -1, calls.join('\n'));
      for (const node of ['kubelab-42-control-plane', 'kubelab-42-worker', 'kubelab-42-worker2']) {
        const cp = at(calls, new RegExp(`^docker cp \\S+/\\. ${node}:/tmp/kubelab-node-tools$`));
        const dpkg = at(calls, new RegExp(`^docker exec ${node} sh -c .*dpkg -i /tmp/kubelab-node-tools/dnsutils_1_amd64\\.deb /tmp/kubelab-node-tools/ipvsadm_1_amd64\\.deb$`));
        assert.ok(cp >= 0 && dpkg > cp, `${node}: copy then dpkg -i\n${calls.join('\n')}`);
      }
    },
  },
  {
    name: 'node tools: a folder without .deb files is an error naming the folder, before any node is touched',
    nodeTools: 'empty', error: /install-node-tools" failed: KUBELAB_NODE_TOOLS_DIR=\S+ holds no \.deb files/,
    check: (calls) => assert.equal(at(calls, /^docker (cp|exec)/), -1, calls.join('\n')),
  },
];

/** The node tools option of a case, making the temp folder it names. */
async function nodeToolsOf(c: Case): Promise<NodeToolsSource | undefined> {
  if (c.nodeTools !== 'debs' && c.nodeTools !== 'empty') return c.nodeTools;
  const dir = await mkdtemp(path.join(tmpdir(), 'kubelab-debs-'));
  await writeFile(path.join(dir, 'README'), 'not a package\n');
  if (c.nodeTools === 'debs') for (const p of ['ipvsadm', 'dnsutils']) await writeFile(path.join(dir, `${p}_1_amd64.deb`), '');
  return { kind: 'dir', dir };
}

// Each fake tool call starts a node process: the cases run side by side, each with its own fakes folder.
test('bring-up with fake kind, kubectl and docker', { concurrency: true }, async (t) => {
  await Promise.all(CASES.map((c) => t.test(c.name, () => runCase(c))));
});

async function runCase(c: Case): Promise<void> {
  {
    const fakes = await createFakeTools(healthyRules(c.rules));
    try {
      const ctx = await testContext({ exec: fakes.exec(c.fail ? { fail: c.fail } : {}), timer: fakeTimer(), baseUrl: c.tamper ? `${baseUrl}/tampered` : baseUrl,
        run: { retain: c.retain ?? false, nodeTools: await nodeToolsOf(c) ?? { kind: 'apt' }, ...(c.registryMirror ? { registryMirror: c.registryMirror } : {}) } });
      const records: ActionRecord[] = [];
      const outcome = await bringUp(ctx, { log: (r) => records.push(r) }).then(() => undefined, (e: unknown) => e);
      if (c.error) {
        assert.ok(outcome instanceof HarnessError, `expected an error, got ${String(outcome)}`);
        assert.match(outcome.message, c.error);
      } else {
        assert.equal(outcome, undefined, String(outcome));
      }
      await c.check(await fakes.calls(), { stdin: await fakes.stdin(), records, root: ctx.opts.root });
    } finally {
      await fakes.cleanup();
    }
  }
}
