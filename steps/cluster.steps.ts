/** Given steps: the lab a scenario starts from. Settings accumulate and apply before the first command. */
import { Given, When } from '@cucumber/cucumber';
import { HarnessError } from '../src/index.ts';
import type { LabWorld } from './world.ts';

const PROXY_MODES = ['iptables', 'ipvs'] as const;

function proxyMode(mode: string): 'iptables' | 'ipvs' {
  if ((PROXY_MODES as readonly string[]).includes(mode)) return mode as 'iptables' | 'ipvs';
  throw new HarnessError('INVALID_INPUT', `kube-proxy mode "${mode}" is not modelled: use "iptables" or "ipvs"`);
}

function apiServerFlag(flag: string): string {
  if (!/^--[a-z0-9-]+=\S+$/.test(flag)) {
    throw new HarnessError('INVALID_INPUT', `"${flag}" is not a kube-apiserver flag: write it as --name=value, e.g. "--service-node-port-range=30000-40000"`);
  }
  return flag;
}

Given('a cluster', async function (this: LabWorld) {
  await this.cluster();
});

Given('a cluster with kube-proxy in {string} mode', async function (this: LabWorld, mode: string) {
  this.setup({ kubeProxyMode: proxyMode(mode) });
  await this.cluster();
});

Given('the API server runs with {string}', function (this: LabWorld, flag: string) {
  this.setup({ apiServerFlags: [apiServerFlag(flag)] });
});

// The tutorial edits /etc/kubernetes/manifests/kube-apiserver.yaml; the kubelet restarts the static pod.
When('I restart the API server with {string}', async function (this: LabWorld, flag: string) {
  this.setup({ apiServerFlags: [apiServerFlag(flag)] });
  await this.cluster();
  this.attach(`[root@k8s-master ~]# vim /etc/kubernetes/manifests/kube-apiserver.yaml   # add: - ${flag}\n(the kubelet restarts kube-apiserver with the new flag)\n`, 'text/plain');
});

Given('MetalLB is installed with the address pool {string}', function (this: LabWorld, pool: string) {
  this.setup({ metallbPool: pool });
});

Given('the client host resolves {string} to {string}', function (this: LabWorld, name: string, ip: string) {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new HarnessError('INVALID_INPUT', `"${ip}" is not an IPv4 address for /etc/hosts`);
  this.setup({ hostsEntries: [{ name, ip }] });
});
