import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redirectsToFile, routeCommand } from './command-routing.ts';
import type { Where } from '../cluster.ts';

const HOST: Where = { kind: 'host' };
const MASTER: Where = { kind: 'node', node: 'k8s-master' };
const CASES: { line: string; where: Where; route: ReturnType<typeof routeCommand> }[] = [
  { line: 'kubectl apply -f howe.yml', where: MASTER, route: { kind: 'local' } },
  { line: `kubectl -n kube-system get configmap kube-proxy -o yaml | sed -e 's/mode: ".*"/mode: "ipvs"/' | kubectl apply -f -`, where: MASTER, route: { kind: 'local' } },
  { line: 'kubectl get svc | grep howe', where: HOST, route: { kind: 'local' } },
  { line: 'ipvsadm -Ln', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'curl 172.25.250.100:31771', where: HOST, route: { kind: 'client-host' } },
  // A line with both kinds of program runs where the node program is; the warning says files are not shared.
  { line: 'kubectl get svc && curl 10.96.0.1', where: MASTER, route: { kind: 'node', node: 'k8s-master', warning: mixed('kubectl get svc && curl 10.96.0.1', 'curl', 'kubectl') } },
  { line: 'ipvsadm -Ln > ipvs.txt', where: MASTER, route: { kind: 'node', node: 'k8s-master', warning: mixed('ipvsadm -Ln > ipvs.txt', 'ipvsadm', 'its redirections') } },
  { line: 'curl -k https://172.18.0.2 | tee out.html', where: MASTER, route: { kind: 'node', node: 'k8s-master', warning: mixed('curl -k https://172.18.0.2 | tee out.html', 'curl', 'tee') } },
  // Node programs piped through text filters share no file: no warning.
  { line: 'ipvsadm -Ln | grep -A2 10.96.0.1 2>&1', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'iptables-save 2>/dev/null | grep KUBE-SVC | wc -l', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  // The tutorial's TLS and basic-auth files (05.3.3–05.3.5) are written where kubectl reads them.
  { line: "openssl req -newkey rsa:2048 -nodes -keyout tls.key -x509 -days 365 -subj '/CN=nginxsvc/O=nginxsvc' -out tls.crt", where: MASTER, route: { kind: 'local' } },
  { line: 'htpasswd -cbm auth howe redhat', where: MASTER, route: { kind: 'local' } },
  { line: "echo -e 'redhat\nredhat' | htpasswd -cm auth2 howe", where: MASTER, route: { kind: 'local' } },
  { line: 'openssl x509 -in tls.crt -noout -subject', where: MASTER, route: { kind: 'local' } },
  { line: 'cat auth > auth.bak && ls -l', where: MASTER, route: { kind: 'local' } },
  { line: 'kubectl get secret auth-web -o yaml | grep auth: | head -1 > auth.b64', where: MASTER, route: { kind: 'local' } },
  { line: 'sed -n 1p tls.crt | wc -c', where: MASTER, route: { kind: 'local' } },
  { line: 'kubectl create secret generic auth-web --from-file auth', where: MASTER, route: { kind: 'local' } },
  // Only k8s-master is the tutorial's kubectl machine: other nodes and the client host keep their place.
  { line: 'htpasswd -cbm auth howe redhat', where: { kind: 'node', node: 'k8s-node1' }, route: { kind: 'node', node: 'k8s-node1' } },
  { line: 'openssl version', where: HOST, route: { kind: 'client-host' } },
  { line: 'ip addr show eth0', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  { line: 'dig howe.default.svc.cluster.local. @10.96.0.10', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
  // A program in neither list stays in the node, as before.
  { line: 'ping -c1 10.244.1.2', where: MASTER, route: { kind: 'node', node: 'k8s-master' } },
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
function mixed(line: string, nodeProgram: string, files: string): string {
  return `\`${line}\` runs in the k8s-master node container because of ${nodeProgram}: the files ${files} read or write there are not shared with ` +
    "the scenario's work folder, where kubectl and the other k8s-master lines of work-folder tools run; split the line to use them with kubectl";
}
for (const c of CASES) test(`${c.where.kind}: ${c.line}`, () => assert.deepEqual(routeCommand(c.line, c.where), c.route));

const REDIRECTS: { line: string; redirects: boolean }[] = [
  { line: 'ipvsadm -Ln > out', redirects: true },
  { line: 'ipvsadm -Ln >> out', redirects: true },
  { line: 'grep x < in', redirects: true },
  { line: 'curl -s x 2>&1', redirects: false },
  { line: 'curl -s x 2> /dev/null', redirects: false },
  { line: "awk '$1 > 3' f", redirects: false },
];
for (const c of REDIRECTS) test(`redirectsToFile: ${c.line}`, () => assert.equal(redirectsToFile(c.line), c.redirects));
