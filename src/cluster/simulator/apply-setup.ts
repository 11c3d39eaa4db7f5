/** Applies a validated ClusterSetup to a Simulation through the components' own installers. */
import type { ClusterSetup } from '../cluster.ts';
import type { Simulation } from '../../sim/simulation.ts';
import { HarnessError } from '../../errors.ts';
import { applyApiServerFlags } from '../../sim/apiserver/flags.ts';
import { setKubeProxyMode, readKubeProxyConfig } from '../../sim/kube-proxy-config.ts';
import type { ConfigMap, Service } from '../../model/core.ts';

/** Flags, kube-proxy mode, MetalLB, ingress-nginx, then /etc/hosts, in the tutorial's order. */
export async function applySetup(sim: Simulation, setup: ClusterSetup, hosts: Map<string, string>): Promise<void> {
  if (setup.apiServerFlags !== undefined) {
    const result = applyApiServerFlags(sim.config, setup.apiServerFlags);
    if (!result.ok) throw new HarnessError('INVALID_INPUT', `kube-apiserver flags ${setup.apiServerFlags.join(' ')}: ${result.message}`);
  }
  const current = readKubeProxyConfig(sim.store.get<ConfigMap>('ConfigMap', 'kube-proxy', 'kube-system'));
  const mode = setup.kubeProxyMode ?? current.mode;
  // MetalLB's L2 mode needs strictARP when kube-proxy runs IPVS (tutorial 4.5; metallb docs "Preparation").
  const strictARP = setup.metallbPool !== undefined && mode === 'ipvs' ? true : current.strictARP;
  if (mode !== current.mode || strictARP !== current.strictARP) setKubeProxyMode(sim, mode, { strictARP });
  // Add-on installers load on demand: a lab without MetalLB or ingress-nginx never loads their models.
  if (setup.metallbPool !== undefined) {
    const { installMetallb, configureMetallbPool } = await import('../../sim/metallb/install.ts');
    if (!sim.config.addons.metallb) installMetallb(sim);
    configureMetallbPool(sim, setup.metallbPool);
  }
  if (setup.ingressNginx !== undefined) {
    const { installIngressNginx } = await import('../../sim/ingress-nginx/install.ts');
    const svc = sim.store.get<Service>('Service', 'ingress-nginx-controller', 'ingress-nginx');
    if (!sim.config.addons.ingressNginx || svc?.spec.type !== setup.ingressNginx.serviceType) installIngressNginx(sim, setup.ingressNginx);
  }
  for (const { name, ip } of setup.hostsEntries ?? []) hosts.set(name, ip);
  sim.settle();
}
