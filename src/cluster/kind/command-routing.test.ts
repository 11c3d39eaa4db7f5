import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeCommand } from './command-routing.ts';
import type { Where } from '../cluster.ts';

const HOST: Where = { kind: 'host' };
const MASTER: Where = { kind: 'node', node: 'k8s-master' };
const CASES: { line: string; where: Where; route: ReturnType<typeof routeCommand> }[] = [
  { line: 'kubectl apply -f howe.yml', where: MASTER, route: { kind: 'local' } },
  { line: `kubectl -n kube-system get configmap kube-proxy -o yaml | sed -e 's/mode: ".*"/mode: "ipvs"/' | kubectl apply -f -`, where: MASTER, route: { kind: 'local' } },
  { line: 'kubectl get svc | grep howe', where: HOST, route: { kind: 'local' } },
  { line: 'ipvsadm -Ln', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'curl 172.25.250.100:31771', where: HOST, route: { kind: 'client-host' } },
  { line: 'kubectl get svc && curl 10.96.0.1', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: "awk '/x/ {print $1}' f | kubectl apply -f -", where: HOST, route: { kind: 'local' } },
  { line: 'curl howe-service', where: { kind: 'pod' }, route: { kind: 'pod', pod: 'test', namespace: 'default' } },
  { line: 'echo hi', where: HOST, route: { kind: 'client-host' } },
  { line: 'yum install ipvsadm -y', where: MASTER, route: { kind: 'preinstalled', packages: ['ipvsadm'] } },
  { line: 'dnf -y install ipvsadm bind-utils', where: { kind: 'node', node: 'k8s-node2' }, route: { kind: 'preinstalled', packages: ['ipvsadm', 'bind-utils'] } },
  // Only what install-node-tools provides is "already there": other packages run (and fail) as typed.
  { line: 'dnf install httpd-tools -y', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'yum install ipvsadm -y && ipvsadm -Ln', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'yum install ipvsadm -y', where: HOST, route: { kind: 'client-host' } },
];
for (const c of CASES) test(`${c.where.kind}: ${c.line}`, () => assert.deepEqual(routeCommand(c.line, c.where), c.route));
