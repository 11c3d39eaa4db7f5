/** Checks a whole ClusterSetup before the simulator changes anything (configure is all-or-nothing). */
import ipaddr from 'ipaddr.js';
import type { ClusterSetup } from '../cluster.ts';
import { HarnessError } from '../../errors.ts';
import { applyApiServerFlags } from '../../sim/apiserver/flags.ts';
import type { ClusterConfig } from '../../sim/cluster-config.ts';

/** Throws HarnessError('INVALID_INPUT') naming the first bad setting and how to fix it. */
export function validateSetup(setup: ClusterSetup, config: ClusterConfig): void {
  const bad = (message: string, field: string): never => {
    throw new HarnessError('INVALID_INPUT', message, { details: { field } });
  };
  const known = new Set(['kubeProxyMode', 'apiServerFlags', 'metallbPool', 'ingressNginx', 'hostsEntries']);
  for (const key of Object.keys(setup)) if (!known.has(key)) bad(`unknown lab setting "${key}": use one of ${[...known].join(', ')}`, key);
  if (setup.kubeProxyMode !== undefined && setup.kubeProxyMode !== 'iptables' && setup.kubeProxyMode !== 'ipvs') {
    bad(`kube-proxy mode "${String(setup.kubeProxyMode)}" is not supported: use "iptables" or "ipvs"`, 'kubeProxyMode');
  }
  if (setup.apiServerFlags !== undefined) {
    // Flags are tried on a copy so a bad one leaves the running config untouched.
    const result = applyApiServerFlags(structuredClone(config), setup.apiServerFlags);
    if (!result.ok) bad(`kube-apiserver flags ${setup.apiServerFlags.join(' ')}: ${result.message}`, 'apiServerFlags');
  }
  if (setup.metallbPool !== undefined) validatePool(setup.metallbPool, bad);
  if (setup.ingressNginx !== undefined && !['NodePort', 'LoadBalancer'].includes(setup.ingressNginx.serviceType)) {
    bad(`ingress-nginx service type "${String(setup.ingressNginx.serviceType)}" is not supported: use "NodePort" (the bare-metal manifest) or "LoadBalancer"`, 'ingressNginx');
  }
  for (const entry of setup.hostsEntries ?? []) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(entry.ip)) bad(`/etc/hosts entry "${entry.ip} ${entry.name}": "${entry.ip}" is not an IPv4 address`, 'hostsEntries');
    if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(entry.name)) {
      bad(`/etc/hosts entry "${entry.ip} ${entry.name}": "${entry.name}" is not a host name`, 'hostsEntries');
    }
  }
}

// SRC: metallb api/v1beta1 IPAddressPool spec.addresses: CIDRs or "first-last" ranges (v0.14.8), comma-separated here.
function validatePool(pool: string, bad: (m: string, f: string) => never): void {
  for (const part of pool.split(',').map((p) => p.trim())) {
    if (part.includes('/')) {
      if (!ipaddr.isValidCIDR(part) || !ipaddr.parseCIDR(part)[0].toString().includes('.')) bad(`MetalLB pool "${pool}": "${part}" is not an IPv4 CIDR`, 'metallbPool');
      continue;
    }
    const [first, last, extra] = part.split('-').map((s) => s.trim());
    if (extra !== undefined || first === undefined || last === undefined || !ipaddr.IPv4.isValidFourPartDecimal(first) || !ipaddr.IPv4.isValidFourPartDecimal(last)) {
      bad(`MetalLB pool "${pool}": "${part}" is neither a CIDR nor a first-last range such as 172.25.250.50-172.25.250.99`, 'metallbPool');
    }
    const toNumber = (ip: string) => ipaddr.IPv4.parse(ip).toByteArray().reduce((n, b) => n * 256 + b, 0);
    if (toNumber(first!) > toNumber(last!)) bad(`MetalLB pool "${pool}": range ${part} ends before it starts`, 'metallbPool');
  }
}
