import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSetup } from './validate-setup.ts';
import { defaultClusterConfig } from '../../sim/cluster-config.ts';
import { HarnessError } from '../../errors.ts';
import type { ClusterSetup } from '../cluster.ts';

const cases: { name: string; setup: ClusterSetup; error?: RegExp }[] = [
  { name: 'the tutorial setup', setup: { kubeProxyMode: 'ipvs', apiServerFlags: ['--service-node-port-range=30000-40000'], metallbPool: '172.25.250.50-172.25.250.99', ingressNginx: { serviceType: 'LoadBalancer' }, hostsEntries: [{ name: 'www.exam.com', ip: '172.25.250.50' }] } },
  { name: 'pool as CIDR list', setup: { metallbPool: '172.25.250.64/26, 172.25.250.30-172.25.250.31' } },
  { name: 'bad kube-proxy mode', setup: { kubeProxyMode: 'nftables' as 'ipvs' }, error: /kube-proxy mode "nftables" is not supported: use "iptables" or "ipvs"/ },
  { name: 'bad api-server flag', setup: { apiServerFlags: ['--feature-gates=X=true'] }, error: /kube-apiserver flags --feature-gates=X=true: unsupported kube-apiserver flag "--feature-gates"/ },
  { name: 'bad node port range', setup: { apiServerFlags: ['--service-node-port-range=40000-30000'] }, error: /--service-node-port-range/ },
  { name: 'pool not a range', setup: { metallbPool: '172.25.250.50' }, error: /"172.25.250.50" is neither a CIDR nor a first-last range/ },
  { name: 'pool backwards', setup: { metallbPool: '172.25.250.99-172.25.250.50' }, error: /ends before it starts/ },
  { name: 'pool IPv6 CIDR', setup: { metallbPool: 'fd00::/120' }, error: /is not an IPv4 CIDR/ },
  { name: 'ingress service type', setup: { ingressNginx: { serviceType: 'ClusterIP' as 'NodePort' } }, error: /service type "ClusterIP" is not supported/ },
  { name: 'hosts entry IP', setup: { hostsEntries: [{ name: 'www.exam.com', ip: '172.25.254.500' }] }, error: /"172.25.254.500" is not an IPv4 address/ },
  { name: 'hosts entry name', setup: { hostsEntries: [{ name: 'www exam', ip: '172.25.250.50' }] }, error: /"www exam" is not a host name/ },
  { name: 'unknown setting', setup: { kubeProxy: 'ipvs' } as unknown as ClusterSetup, error: /unknown lab setting "kubeProxy"/ },
];

for (const c of cases) {
  test(`validateSetup: ${c.name}`, () => {
    const config = defaultClusterConfig('10.96.0.0/12');
    const before = structuredClone(config);
    if (!c.error) {
      validateSetup(c.setup, config);
    } else {
      assert.throws(() => validateSetup(c.setup, config), (err: unknown) => err instanceof HarnessError && err.code === 'INVALID_INPUT' && c.error!.test(err.message));
    }
    assert.deepEqual(config, before, 'validation never changes the running config');
  });
}
