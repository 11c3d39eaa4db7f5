import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabWorld } from './world.ts';
import type { Cluster, ClusterSetup, CommandResult, Where } from '../src/index.ts';

// A scripted cluster: each command line maps to an exit code and output.
class FakeCluster implements Cluster {
  readonly info = { backend: 'simulator' as const, name: 'fake', versions: {}, nodes: [{ name: 'k8s-master', ip: '172.25.250.100', role: 'control-plane' as const }] };
  readonly configured: ClusterSetup[] = [];
  disposed = false;
  constructor(private readonly script: Record<string, { exitCode: number; stdout?: string; stderr?: string }>) {}
  async configure(setup: ClusterSetup) { this.configured.push(setup); }
  async run(command: string, where: Where): Promise<CommandResult> {
    const r = this.script[command] ?? { exitCode: 127, stderr: `sh: ${command}: not found\n` };
    return { command, where, exitCode: r.exitCode, stdout: r.stdout ?? '', stderr: r.stderr ?? '', http: [], dns: [], warnings: [] };
  }
  async get() { return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'howe', namespace: 'default' }, spec: { clusterIP: '10.99.113.82' } }; }
  async list() { return []; }
  async reset() {}
  async [Symbol.asyncDispose]() { this.disposed = true; }
}

class TestWorld extends LabWorld {
  readonly attachments: string[] = [];
  constructor(readonly fake: FakeCluster) {
    const attachments: string[] = [];
    super({ attach: ((text: string) => { attachments.push(text); }) as never, log: () => {}, link: () => {}, parameters: { backend: 'simulator' } });
    this.attachments = attachments;
  }
  protected override async newCluster(): Promise<Cluster> { return this.fake; }
}

const HOST: Where = { kind: 'host' };

test('settings accumulate and are applied once, before the first command', async () => {
  const world = new TestWorld(new FakeCluster({ 'kubectl get svc': { exitCode: 0 } }));
  world.setup({ kubeProxyMode: 'ipvs', apiServerFlags: ['--a=1'] });
  world.setup({ apiServerFlags: ['--b=2'], hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] });
  await world.runCommand('kubectl get svc', HOST);
  await world.runCommand('kubectl get svc', HOST);
  assert.deepEqual(world.fake.configured, [{ kubeProxyMode: 'ipvs', apiServerFlags: ['--a=1', '--b=2'], hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] }]);
});

test('placeholders are expanded and the transcript is attached', async () => {
  const world = new TestWorld(new FakeCluster({ 'curl 10.99.113.82': { exitCode: 0, stdout: 'Hello\n' } }));
  await world.runCommand('curl {service howe cluster IP}', { kind: 'node', node: 'k8s-master' });
  assert.deepEqual(world.attachments, ['[root@k8s-master ~]# curl 10.99.113.82\nHello\n']);
});

test('a failing command fails the step with its output', async () => {
  const world = new TestWorld(new FakeCluster({ 'curl x': { exitCode: 7, stderr: 'curl: (7) Failed to connect\n' } }));
  await assert.rejects(world.runCommand('curl x', HOST), /`curl x` failed with exit code 7:\n\[root@client ~\]# curl x\ncurl: \(7\) Failed to connect[\s\S]*When I try to/);
});

test('a tolerated failure stays unchecked until a fails-with step checks it', async () => {
  const world = new TestWorld(new FakeCluster({ 'curl x': { exitCode: 28, stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' } }));
  world.beginStep();
  await world.runCommand('curl x', HOST, { mayFail: true });
  assert.equal(world.uncheckedFailures().length, 1);
  assert.throws(() => world.checkFailures('Connection refused', 'run'), /failed, but not with "Connection refused"/);
  world.checkFailures('Connection timed out', 'run');
  assert.equal(world.uncheckedFailures().length, 0);
});

test('fails-with on a command that succeeded says so', async () => {
  const world = new TestWorld(new FakeCluster({ 'curl ok': { exitCode: 0, stdout: 'fine\n' } }));
  world.beginStep();
  await world.runCommand('curl ok', HOST, { mayFail: true });
  assert.throws(() => world.checkFailures('timed out', 'run'), /expected `curl ok` to fail with "timed out", but it succeeded/);
});

test('apply failures are checked by the apply step only', async () => {
  const world = new TestWorld(new FakeCluster({ 'kubectl apply -f t.yaml': { exitCode: 1, stderr: 'The Service "t" is invalid\n' } }));
  world.beginStep();
  await world.runCommand('kubectl apply -f t.yaml', HOST, { mayFail: true }, 'apply');
  assert.throws(() => world.checkFailures('invalid', 'run'), /no command ran in the step before/);
  world.checkFailures('invalid', 'apply');
});

test('each step that runs commands starts a new "last"', async () => {
  const world = new TestWorld(new FakeCluster({ a: { exitCode: 0 }, b: { exitCode: 0 } }));
  world.beginStep();
  await world.runCommand('a', HOST);
  await world.runCommand('a', HOST);
  assert.equal(world.last.length, 2);
  world.beginStep(); // a Then step: no command, `last` stays
  assert.equal(world.last.length, 2);
  world.beginStep();
  await world.runCommand('b', HOST);
  assert.deepEqual(world.last.map((r) => r.command), ['b']);
});

test('dispose tears the cluster down', async () => {
  const world = new TestWorld(new FakeCluster({}));
  await world.cluster();
  await world.dispose();
  assert.equal(world.fake.disposed, true);
});
