/**
 * The iptables rules an ipvs-mode kube-proxy still writes: constant-size rules that match ipsets
 * (KUBE-CLUSTER-IP, KUBE-LOOP-BACK, KUBE-NODE-PORT-TCP…) for masquerading and filtering; the
 * load balancing itself lives in IPVS (see ipvs.ts).
 * SRC: kubernetes pkg/proxy/ipvs/README.md "When IPVS falls back to IPTABLES" (cluster CIDR, LoadBalancer
 * and NodePort examples); pkg/proxy/ipvs/proxier.go writeIptablesRules, createAndLinkKubeChain (v1.31).
 */
import type { ProxyRules } from './types.ts';
import { comment, jump, rule, type IptRule, type IptTable } from './iptables-types.ts';
import { kubeletFirewall, natJumps, postrouting } from './iptables-fixed.ts';

const set = (name: string, flags: string) => ({ m: 'set', name, flags }) as const;

/** The nat and filter tables of an ipvs-mode node. */
export function ipvsModeTables(rules: ProxyRules): { nat: IptTable; filter: IptTable } {
  const hasLb = rules.servicePorts.some((sp) => sp.loadBalancerIPs.length > 0);
  const hasExternalIP = rules.servicePorts.some((sp) => sp.externalIPs.length > 0);
  const nodePortProtocols = [...new Set(rules.servicePorts.filter((sp) => sp.nodePort !== undefined).map((sp) => sp.protocol))];
  const nat: IptRule[] = [
    ...natJumps(),
    rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or', value: '0x4000' }),
    rule('KUBE-POSTROUTING', [comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'), set('KUBE-LOOP-BACK', 'dst,dst,src')], { t: 'MASQUERADE' }),
    ...postrouting(),
    ...(hasLb ? [rule('KUBE-LOAD-BALANCER', [], jump('KUBE-MARK-MASQ'))] : []),
    ...nodePortProtocols.map((p) =>
      rule('KUBE-NODE-PORT', [comment(`Kubernetes nodeport ${p} port for masquerade purpose`), set(`KUBE-NODE-PORT-${p}`, 'dst')], jump('KUBE-MARK-MASQ'), { proto: p.toLowerCase() as 'tcp' }),
    ),
    rule('KUBE-SERVICES', [comment('Kubernetes service cluster ip + port for masquerade purpose'), set('KUBE-CLUSTER-IP', 'dst,dst')], jump('KUBE-MARK-MASQ'), { src: rules.clusterCIDR, srcInvert: true }),
    ...(hasExternalIP ? [rule('KUBE-SERVICES', [comment('Kubernetes service external ip + port for masquerade and filter purpose'), set('KUBE-EXTERNAL-IP', 'dst,dst')], jump('KUBE-EXTERNAL-SERVICES'))] : []),
    ...(hasLb ? [rule('KUBE-SERVICES', [comment('Kubernetes service lb portal'), set('KUBE-LOAD-BALANCER', 'dst,dst')], jump('KUBE-LOAD-BALANCER'))] : []),
    rule('KUBE-SERVICES', [{ m: 'addrtype', dstType: 'LOCAL' }], jump('KUBE-NODE-PORT')),
    rule('KUBE-SERVICES', [set('KUBE-CLUSTER-IP', 'dst,dst')], { t: 'ACCEPT' }),
    ...(hasLb ? [rule('KUBE-SERVICES', [set('KUBE-LOAD-BALANCER', 'dst,dst')], { t: 'ACCEPT' })] : []),
    ...(hasExternalIP ? [rule('KUBE-EXTERNAL-SERVICES', [], jump('KUBE-MARK-MASQ'))] : []),
  ];
  const natChains = ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ', 'KUBE-KUBELET-CANARY'];
  if (hasExternalIP) natChains.push('KUBE-EXTERNAL-SERVICES');
  const filter: IptRule[] = [
    rule('INPUT', [comment('kubernetes ipvs access filter')], jump('KUBE-IPVS-FILTER')),
    rule('INPUT', [comment('kube-proxy firewall rules')], jump('KUBE-PROXY-FIREWALL')),
    rule('INPUT', [comment('kubernetes health check rules')], jump('KUBE-NODE-PORT')),
    rule('INPUT', [], jump('KUBE-FIREWALL')),
    rule('FORWARD', [comment('kube-proxy firewall rules')], jump('KUBE-PROXY-FIREWALL')),
    rule('FORWARD', [comment('kubernetes forwarding rules')], jump('KUBE-FORWARD')),
    rule('OUTPUT', [], jump('KUBE-FIREWALL')),
    ...kubeletFirewall(),
    rule('KUBE-FORWARD', [{ m: 'conntrack', ctstate: 'INVALID' }], { t: 'DROP' }),
    rule('KUBE-FORWARD', [comment('kubernetes forwarding rules'), { m: 'mark', mark: '0x4000/0x4000' }], { t: 'ACCEPT' }),
    rule('KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], { t: 'ACCEPT' }),
    ...['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP'].map((s) => rule('KUBE-IPVS-FILTER', [set(s, 'dst,dst')], { t: 'RETURN' })),
    rule('KUBE-IPVS-FILTER', [set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], { t: 'RETURN' }),
    // A new connection to a kube-ipvs0 address on a port no service uses is rejected (connection refused).
    rule('KUBE-IPVS-FILTER', [{ m: 'conntrack', ctstate: 'NEW' }, set('KUBE-IPVS-IPS', 'dst')], { t: 'REJECT' }),
    rule('KUBE-NODE-PORT', [comment('Kubernetes health check node port'), set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], { t: 'ACCEPT' }),
  ];
  return {
    nat: { name: 'nat', builtins: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], chains: natChains, rules: nat },
    filter: {
      name: 'filter',
      builtins: ['INPUT', 'FORWARD', 'OUTPUT'],
      chains: ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY'],
      rules: filter,
    },
  };
}
