import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../simulation.ts';
import { runCommandLine } from './shell.ts';
import { resolveWhere } from './where.ts';

// End to end through kube-proxy to a CoreDNS pod: the tutorial's 4.1 command on k8s-master, and busybox nslookup in the client pod.
test('dig on a node reaches CoreDNS through the kube-dns ClusterIP', async () => {
  const sim = new Simulation({ seed: 5 });
  const r = await runCommandLine(sim, 'dig kubernetes.default.svc.cluster.local. @10.96.0.10', resolveWhere(sim, { kind: 'node', node: 'k8s-master' }, new Map()), '/tmp');
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout, /\nkubernetes\.default\.svc\.cluster\.local\. 30 IN A\t10\.96\.0\.1\n/);
  assert.match(r.stdout, /;; MSG SIZE {2}rcvd: 129\n/);
  assert.equal(r.dns.length, 1);
});

test('nslookup in the busyboxplus pod uses the search list and names the server', async () => {
  const sim = new Simulation({ seed: 5 });
  const r = await runCommandLine(sim, 'nslookup kubernetes', resolveWhere(sim, { kind: 'pod' }, new Map()), '/tmp');
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout, 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
});
