/**
 * Changing kube-proxy the way the tutorial does (section 三 and 4.5): edit the kube-proxy ConfigMap,
 * which running kube-proxy pods ignore, then delete the pods so the DaemonSet starts them with it.
 * The edit is the non-interactive form MetalLB's installation guide gives for strictARP.
 */
import { When } from '@cucumber/cucumber';
import { HarnessError } from '../src/index.ts';
import type { LabWorld } from './world.ts';

const MASTER = { kind: 'node', node: 'k8s-master' } as const;

// SRC: kubeadm's kube-proxy ConfigMap (config.conf holds a KubeProxyConfiguration with `mode: ""`).
function editConfigMap(sedScript: string): string {
  return `kubectl -n kube-system get configmap kube-proxy -o yaml | sed -e '${sedScript}' | kubectl apply -f -`;
}

When('I set kube-proxy to {string} mode', async function (this: LabWorld, mode: string) {
  if (mode !== 'iptables' && mode !== 'ipvs') throw new HarnessError('INVALID_INPUT', `kube-proxy mode "${mode}" is not modelled: use "iptables" or "ipvs"`);
  await this.runCommand(editConfigMap(`s/mode: ".*"/mode: "${mode}"/`), MASTER);
});

When('I turn on strictARP for kube-proxy', async function (this: LabWorld) {
  await this.runCommand(editConfigMap('s/strictARP: false/strictARP: true/'), MASTER);
});

// The tutorial: kubectl -n kube-system get pods | awk '/kube-proxy/{system("kubectl -n kube-system delete pods "$1)}'
When('I restart kube-proxy', async function (this: LabWorld) {
  await this.runCommand('kubectl -n kube-system delete pods -l k8s-app=kube-proxy', MASTER);
});
