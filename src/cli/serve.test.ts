import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServeArgs, runServe } from './serve.ts';

const good = [
  { name: 'nothing', argv: [], env: {}, want: { seed: undefined, apply: [] } },
  { name: 'all options', argv: ['--seed', '7', '--apply', 'a.yml', '--apply=b.yml', '--metallb-pool', '172.25.250.50-172.25.250.59', '--ingress-nginx', 'LoadBalancer', '--port-base', '18000', '--dns-port=5353'], env: {},
    want: { seed: 7, apply: ['a.yml', 'b.yml'], metallbPool: '172.25.250.50-172.25.250.59', ingressNginx: 'LoadBalancer', portBase: 18000, dnsPort: 5353 } },
  { name: '--ingress-nginx without a type is NodePort', argv: ['--ingress-nginx', '--seed', '1'], env: {}, want: { seed: 1, apply: [], ingressNginx: 'NodePort' } },
  { name: 'KUBELAB_SEED', argv: [], env: { KUBELAB_SEED: '99' }, want: { seed: 99, apply: [] } },
];
for (const c of good) test(`parseServeArgs: ${c.name}`, () => assert.deepEqual(parseServeArgs(c.argv, c.env), c.want));

const bad = [
  { name: 'unknown flag', argv: ['--backend', 'kind'], message: /unknown option "--backend" for kubelab serve/ },
  { name: 'bad ingress type', argv: ['--ingress-nginx', 'ClusterIP'], message: /--ingress-nginx takes NodePort or LoadBalancer, got "ClusterIP"/ },
  { name: 'port base out of range', argv: ['--port-base', '70000'], message: /--port-base needs a whole number from 1 to 65535, got "70000"/ },
  { name: 'apply without file', argv: ['--apply'], message: /--apply needs a manifest file/ },
];
for (const c of bad) test(`parseServeArgs rejects: ${c.name}`, () => assert.throws(() => parseServeArgs(c.argv, {}), c.message));

test('runServe: prints the seed and the mapping table, serves until stopped, then closes', async () => {
  const lines: string[] = [];
  let stop!: (signal: string) => void;
  const base = 27000 + (process.pid % 4000); // below the ephemeral range (32768+)
  const done = runServe(['--seed', '4', '--port-base', String(base), '--dns-port', String(base + 500)], {
    cwd: process.cwd(), env: {}, print: (l) => lines.push(l), randomSeed: () => 0,
    stopRequested: () => new Promise((resolve) => { stop = resolve; }),
  });
  while (!lines.includes('serving; Ctrl-C to stop')) await new Promise((r) => setTimeout(r, 20));
  const text = lines.join('\n');
  try {
    assert.match(text, /kubelab serve: seed 4 \(replay with --seed 4\); loopback only/);
    assert.match(text, /^SIMULATED +SERVED ON +WHAT$/m);
    assert.match(text, new RegExp(`^172\\.25\\.250\\.100:6443 +127\\.0\\.0\\.1:${base} +hostNetwork kube-system/kube-apiserver-k8s-master \\(http, https\\)$`, 'm'));
    assert.match(text, new RegExp(`^10\\.96\\.0\\.10:53/udp\\+tcp +127\\.96\\.0\\.10:${base + 500} +cluster DNS`, 'm'));
  } finally {
    stop('SIGTERM');
  }
  assert.equal(await done, 0);
  assert.equal(lines.at(-1), 'kubelab serve: stopped (SIGTERM)');
});
