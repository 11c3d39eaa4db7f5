import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, chmod } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KindCluster } from './kind-cluster.ts';
import { createFakeTools } from './testing/fake-tools.ts';
import { fakeTimer } from './testing/fake-timer.ts';
import type { ClientHostSpec } from './client-host.ts';
import type { KindRunState } from './run-state.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIG_OUTPUT = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', 'dig-9.18-clusterip.txt'), 'utf8');
// A stand-in curl for the client host: dumps a header block to its -D file and prints the body, as curl does.
const FAKE_CURL = `#!/bin/sh\n[ "$1" = -D ] || { echo "fake curl: expected -D first, got $1" >&2; exit 2; }\nprintf 'HTTP/1.1 200 OK\\r\\nServer: nginx\\r\\nX-Real: 172.18.255.205\\r\\n\\r\\n' > "$2"\necho 'served by 172.18.255.205'\n`;

const STATE: KindRunState = {
  clusterName: 'kubelab-42', kubeconfig: '/tmp/kubelab-42.kubeconfig', ownerPid: 42, reuse: false, network: 'kind', subnet: '172.18.0.0/16',
  pool: { first: '172.18.255.205', last: '172.18.255.254' },
  nodes: [{ name: 'kubelab-42-control-plane', ip: '172.18.0.2', role: 'control-plane' }, { name: 'kubelab-42-worker', ip: '172.18.0.3', role: 'worker' }, { name: 'kubelab-42-worker2', ip: '172.18.0.4', role: 'worker' }],
  versions: { kind: 'v0.25.0' }, missingImages: [],
};
const KUBE_PROXY_CM = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nipvs:\n  strictARP: false\nkind: KubeProxyConfiguration\nmode: ""\n' } });

async function setup(state: KindRunState = STATE) {
  const fakes = await createFakeTools([
    { match: 'kubectl get namespaces*', stdout: JSON.stringify({ items: [{ metadata: { name: 'default' } }, { metadata: { name: 'kube-system' } }] }) },
    { match: 'kubectl get ConfigMap kube-proxy*', stdout: KUBE_PROXY_CM },
    { match: 'kubectl get svc*', stdout: 'NAME    TYPE           CLUSTER-IP    EXTERNAL-IP      PORT(S)\nlb      LoadBalancer   10.96.5.5     172.18.255.205   80:31000/TCP\n' },
    { match: 'docker exec -e KUBECONFIG=/etc/kubernetes/admin.conf kubelab-42-worker *', stdout: 'inet 172.18.0.3/16 scope global eth0\n' },
    { match: 'docker exec -e KUBECONFIG=/etc/kubernetes/admin.conf kubelab-42-control-plane sh -c dig*', stdout: DIG_OUTPUT },
    { match: 'kubectl get Pod howe-1 -n default*', stdout: JSON.stringify({ kind: 'Pod', metadata: { name: 'howe-1' }, spec: { nodeName: 'kubelab-42-worker2' }, status: { hostIP: '172.18.0.4' } }) },
  ]);
  const started: ClientHostSpec[] = [];
  const lines: string[] = [];
  const cluster = await KindCluster.open({
    state, exec: fakes.exec(), timer: fakeTimer(), pid: 42, clientHostImage: 'curl:test', clientPodImage: 'busyboxplus:latest',
    clientHosts: async (spec) => {
      started.push(spec);
      return { ip: '172.18.0.9', exec: async (line) => { lines.push(line); return runSh(line, fakes.dir); }, stop: async () => undefined };
    },
  });
  return { fakes, cluster, started, lines, workdir: await mkdtemp(path.join(tmpdir(), 'kubelab-work-')) };
}

/** Runs a line with sh, the fake curl first on PATH; a non-zero exit is a value, as in a container. */
async function runSh(line: string, dir: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  await writeFile(path.join(dir, 'curl'), FAKE_CURL);
  await chmod(path.join(dir, 'curl'), 0o755);
  return promisify(execFile)('sh', ['-c', line], { env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}` } })
    .then((r) => ({ exitCode: 0, stdout: r.stdout, stderr: r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ exitCode: e.code, stdout: e.stdout, stderr: e.stderr }));
}

test('the scenario sees the lab: node names and addresses are mapped both ways', async () => {
  const { fakes, cluster, started, lines, workdir } = await setup();
  try {
    assert.deepEqual(cluster.info.nodes.map((n) => `${n.name} ${n.ip}`), ['k8s-master 172.25.250.100', 'k8s-node1 172.25.250.10', 'k8s-node2 172.25.250.20']);
    const node = await cluster.run('ip addr show eth0 | grep 172.25.250.10', { kind: 'node', node: 'k8s-node1' }, workdir);
    assert.equal(node.stdout, 'inet 172.25.250.10/16 scope global eth0\n');
    assert.ok((await fakes.calls()).includes('docker exec -e KUBECONFIG=/etc/kubernetes/admin.conf kubelab-42-worker sh -c ip addr show eth0 | grep 172.18.0.3'));
    const svc = await cluster.run('kubectl get svc', { kind: 'node', node: 'k8s-master' }, workdir);
    assert.match(svc.stdout, /LoadBalancer\s+10\.96\.5\.5\s+172\.25\.250\.50\s+80:31000\/TCP/);
    const pod = await cluster.get('Pod', 'howe-1', 'default');
    assert.deepEqual([pod?.['spec' as keyof typeof pod], pod?.['status' as keyof typeof pod]], [{ nodeName: 'k8s-node2' }, { hostIP: '172.25.250.20' }]);

    await cluster.configure({ hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] });
    const curl = await cluster.run('curl www.exam.com 172.25.250.7', { kind: 'host' }, workdir);
    assert.deepEqual(started.map((s) => [s.network, s.extraHosts, s.workdir]), [['kind', [{ name: 'www.exam.com', ip: '172.18.255.205' }], workdir]]);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^curl -D \/tmp\/kubelab-curl-42-\d+-0\.h www\.exam\.com 172\.25\.250\.7$/m, 'curl dumps its headers');
    assert.equal(curl.stdout, 'served by 172.25.250.50\n', 'stdout is what curl printed');
    assert.equal(curl.stderr, '', 'the header dump does not reach stderr');
    assert.deepEqual(curl.http.map((e) => [e.request.ip, e.request.path, e.response?.status, e.response?.headers['x-real'], e.response?.body]),
      [['172.25.250.50', '/', 200, '172.25.250.50', 'served by 172.25.250.50\n']]);
    assert.match(curl.warnings[0] ?? '', /172\.25\.250\.7 is a lab address with no counterpart/);
  } finally {
    await fakes.cleanup();
  }
});

test('dig on a node yields DNS records; yum install ipvsadm is a no-op; a run that skipped the node tools says why', async () => {
  const { fakes, cluster, workdir } = await setup();
  try {
    const dig = await cluster.run('dig howe.default.svc.cluster.local. @10.96.0.10', { kind: 'node', node: 'k8s-master' }, workdir);
    assert.equal(dig.stdout, DIG_OUTPUT);
    assert.deepEqual(dig.dns.map((e) => [e.rcode, e.answers.map((a) => a.data)]), [['NOERROR', ['10.96.123.45']]]);
    const before = (await fakes.calls()).length;
    const yum = await cluster.run('yum install ipvsadm -y', { kind: 'node', node: 'k8s-node1' }, workdir);
    assert.equal(yum.exitCode, 0);
    assert.match(yum.warnings.join('\n'), /install-node-tools/);
    assert.equal((await fakes.calls()).length, before, 'nothing runs for the no-op');
  } finally {
    await fakes.cleanup();
  }
  const skipped = await setup({ ...STATE, nodeTools: 'skipped' });
  try {
    await assert.rejects(skipped.cluster.run('ipvsadm -Ln', { kind: 'node', node: 'k8s-master' }, skipped.workdir), /`ipvsadm` is not installed on k8s-master: this run set KUBELAB_NODE_TOOLS=skip/);
    await assert.rejects(skipped.cluster.run('yum install ipvsadm -y', { kind: 'node', node: 'k8s-master' }, skipped.workdir), /KUBELAB_NODE_TOOLS=skip/);
  } finally {
    await skipped.fakes.cleanup();
  }
});

test('configure maps the lab pool onto the real one and restores the lab on dispose', async () => {
  const { fakes, cluster } = await setup();
  try {
    await cluster.configure({ kubeProxyMode: 'ipvs', metallbPool: '172.25.250.50-172.25.250.99' });
    const stdin = await fakes.stdin();
    assert.match(stdin, /mode: \\"ipvs\\"/, 'kubeadm\'s quoted style is kept (the ConfigMap is sent as JSON)');
    assert.match(stdin, /strictARP: true/, 'ipvs + MetalLB turns strictARP on, as the tutorial does');
    assert.match(stdin, /addresses:\n  - 172\.18\.255\.205-172\.18\.255\.254/);
    await assert.rejects(cluster.configure({ metallbPool: '172.25.250.120-172.25.250.130' }), /172\.25\.250\.120 in the MetalLB pool has no counterpart/);
    await cluster[Symbol.asyncDispose]();
    const calls = await fakes.calls();
    const order = [/^kubectl delete -n default deployments,/, /^kubectl delete -n default services --field-selector metadata.name!=kubernetes/, /^kubectl delete -n metallb-system ipaddresspools/,
      /^kubectl -n ingress-nginx patch service ingress-nginx-controller -p \{"spec":\{"type":"NodePort"\}\}/, /^docker exec kubelab-42-control-plane sh -c if test -f/];
    const at = order.map((re) => calls.findIndex((c) => re.test(c)));
    assert.ok(at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), calls.join('\n'));
  } finally {
    await fakes.cleanup();
  }
});

test('k8s-master lines of work-folder tools run in the work folder (bash); a missing optional tool names its package; mixed lines warn', async () => {
  const { fakes, cluster, workdir } = await setup({ ...STATE, missingTools: ['htpasswd'] });
  try {
    // The tutorial's `echo -e` (05.3.4) under bash: two lines, no "-e", written where kubectl runs.
    const echo = await cluster.run(`echo -e 'redhat\\nredhat' > pw.txt && wc -l < pw.txt`, { kind: 'node', node: 'k8s-master' }, workdir);
    assert.deepEqual([echo.exitCode, echo.stdout.trim()], [0, '2']);
    assert.equal(readFileSync(path.join(workdir, 'pw.txt'), 'utf8'), 'redhat\nredhat\n');
    const before = (await fakes.calls()).length;
    await assert.rejects(cluster.run('htpasswd -cbm auth howe redhat', { kind: 'node', node: 'k8s-master' }, workdir),
      /`htpasswd -cbm auth howe redhat` needs htpasswd, which is not installed on this machine.*apache2-utils.*httpd-tools/);
    assert.equal((await fakes.calls()).length, before, 'the line is not run');
    const mixed = await cluster.run('ipvsadm -Ln > ipvs.txt', { kind: 'node', node: 'k8s-master' }, workdir);
    assert.ok((await fakes.calls()).includes('docker exec -e KUBECONFIG=/etc/kubernetes/admin.conf kubelab-42-control-plane sh -c ipvsadm -Ln > ipvs.txt'));
    assert.match(mixed.warnings.join('\n'), /runs in the k8s-master node container because of ipvsadm: .* not shared with the scenario's work folder/);
  } finally {
    await fakes.cleanup();
  }
});
