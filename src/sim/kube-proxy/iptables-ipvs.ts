/**
 * The iptables rules an ipvs-mode kube-proxy still writes: constant-size rules that match ipsets
 * (KUBE-CLUSTER-IP, KUBE-LOOP-BACK, KUBE-NODE-PORT-TCP…) for masquerading and filtering; the load
 * balancing itself lives in IPVS (see ipvs.ts). A rule matching a set is only written when the set
 * has entries (ipvs-ipsets.ts); the chain jumps are prepended, so the last one listed comes first.
 * SRC: kubernetes pkg/proxy/ipvs/proxier.go writeIptablesRules, acceptIPVSTraffic, createAndLinkKubeChain,
 * iptablesJumpChain, iptablesChains, ipsetWithIptablesChain (v1.31).
 */
import type { ProxyRules } from './types.ts';
import { comment, jump, rule, type IptMatch, type IptRule, type IptTable } from './iptables-types.ts';
import { kubeletFirewall, natJumps, postrouting } from './iptables-fixed.ts';
import { IPVS_SETS, ipvsSetUse, nodePortSet, type IpvsSet } from './ipvs-ipsets.ts';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const PROTOCOL_NUMBER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };
const set = (name: string, flags: string): IptMatch => ({ m: 'set', name, flags });
const setRule = (chain: string, s: IpvsSet, flags: string, target: IptRule['target'], extra: Partial<IptRule> = {}) =>
  rule(chain, [comment(s.comment), set(s.name, flags)], target, extra);

/** The nat and filter tables of an ipvs-mode node. */
export function ipvsModeTables(rules: ProxyRules): { nat: IptTable; filter: IptTable } {
  const { nonEmpty, noNodeAccess } = ipvsSetUse(rules);
  const has = (s: IpvsSet) => nonEmpty.has(s.name);
  const S = IPVS_SETS;
  const nat: IptRule[] = [...natJumps()];
  const filter: IptRule[] = [];
  // Dismiss connections from localhost early (they can never use an ipvs VIP).
  nat.push(rule('KUBE-SERVICES', [], { t: 'RETURN' }, { src: '127.0.0.0/8' }));
  // ipsetWithIptablesChain, in its order.
  if (has(S.loopBack)) nat.push(setRule('KUBE-POSTROUTING', S.loopBack, 'dst,dst,src', { t: 'MASQUERADE' }));
  if (has(S.loadBalancer)) nat.push(setRule('KUBE-SERVICES', S.loadBalancer, 'dst,dst', jump('KUBE-LOAD-BALANCER')));
  if (has(S.loadBalancerLocal)) nat.push(setRule('KUBE-LOAD-BALANCER', S.loadBalancerLocal, 'dst,dst', { t: 'RETURN' }));
  for (const p of PROTOCOLS) {
    const proto = p.toLowerCase() as 'tcp';
    const flags = p === 'SCTP' ? 'dst,dst' : 'dst';
    const local = nodePortSet(p, true), all = nodePortSet(p, false);
    if (nonEmpty.has(local.name)) nat.push(setRule('KUBE-NODE-PORT', local, flags, { t: 'RETURN' }, { proto }));
    if (nonEmpty.has(all.name)) nat.push(setRule('KUBE-NODE-PORT', all, flags, jump('KUBE-MARK-MASQ'), { proto }));
  }
  if (has(S.loadBalancerFW)) filter.push(setRule('KUBE-PROXY-FIREWALL', S.loadBalancerFW, 'dst,dst', jump('KUBE-SOURCE-RANGES-FIREWALL')));
  if (has(S.loadBalancerSourceCIDR)) filter.push(setRule('KUBE-SOURCE-RANGES-FIREWALL', S.loadBalancerSourceCIDR, 'dst,dst,src', { t: 'RETURN' }));
  if (has(S.loadBalancerSourceIP)) filter.push(setRule('KUBE-SOURCE-RANGES-FIREWALL', S.loadBalancerSourceIP, 'dst,dst,src', { t: 'RETURN' }));
  // Off-cluster traffic to a cluster IP is masqueraded (local detector from clusterCIDR).
  if (has(S.clusterIP)) nat.push(setRule('KUBE-SERVICES', S.clusterIP, 'dst,dst', jump('KUBE-MARK-MASQ'), { src: rules.clusterCIDR, srcInvert: true }));
  const externalAccept = (s: IpvsSet) => [
    rule('KUBE-SERVICES', [comment(s.comment), set(s.name, 'dst,dst'), { m: 'physdev', isInInvert: true }, { m: 'addrtype', srcType: 'LOCAL', srcInvert: true }], { t: 'ACCEPT' }),
    rule('KUBE-SERVICES', [comment(s.comment), set(s.name, 'dst,dst'), { m: 'addrtype', dstType: 'LOCAL' }], { t: 'ACCEPT' }),
  ];
  if (has(S.externalIP)) nat.push(setRule('KUBE-SERVICES', S.externalIP, 'dst,dst', jump('KUBE-MARK-MASQ')), ...externalAccept(S.externalIP));
  if (has(S.externalIPLocal)) nat.push(...externalAccept(S.externalIPLocal));
  nat.push(
    rule('KUBE-SERVICES', [{ m: 'addrtype', dstType: 'LOCAL' }], jump('KUBE-NODE-PORT')),
    rule('KUBE-LOAD-BALANCER', [], jump('KUBE-MARK-MASQ')),
  );
  filter.push(rule('KUBE-SOURCE-RANGES-FIREWALL', [], { t: 'DROP' }));
  for (const e of noNodeAccess) {
    filter.push(rule('KUBE-IPVS-OUT-FILTER', [{ m: 'ipvs', vaddr: e.ip, vproto: PROTOCOL_NUMBER[e.protocol] ?? 0, vport: e.port }], { t: 'DROP' }, { src: e.ip }));
  }
  // acceptIPVSTraffic: must stay at the end of KUBE-SERVICES.
  for (const s of [S.clusterIP, S.loadBalancer]) if (has(s)) nat.push(rule('KUBE-SERVICES', [set(s.name, 'dst,dst')], { t: 'ACCEPT' }));
  filter.push(
    rule('KUBE-FORWARD', [comment('kubernetes forwarding rules'), { m: 'mark', mark: '0x4000/0x4000' }], { t: 'ACCEPT' }),
    rule('KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], { t: 'ACCEPT' }),
    setRule('KUBE-NODE-PORT', S.healthCheckNodePort, 'dst', { t: 'ACCEPT' }),
    ...[S.loadBalancer, S.clusterIP, S.externalIP, S.externalIPLocal].map((s) => rule('KUBE-IPVS-FILTER', [set(s.name, 'dst,dst')], { t: 'RETURN' })),
    rule('KUBE-IPVS-FILTER', [set(S.healthCheckNodePort.name, 'dst')], { t: 'RETURN' }),
    // A new connection to a kube-ipvs0 address on a port no service uses is rejected (connection refused).
    rule('KUBE-IPVS-FILTER', [{ m: 'conntrack', ctstate: 'NEW' }, set(S.ipvsIPs.name, 'dst')], { t: 'REJECT' }),
  );
  nat.push(...postrouting(), rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or', value: '0x4000' }));
  return {
    nat: { name: 'nat', builtins: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], chains: ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ', 'KUBE-KUBELET-CANARY'], rules: nat },
    filter: {
      name: 'filter',
      builtins: ['INPUT', 'FORWARD', 'OUTPUT'],
      chains: ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY'],
      rules: [...filterJumps(), ...kubeletFirewall(), ...filter],
    },
  };
}

// iptablesJumpChain entries are prepended one after another, so within a built-in chain the last entry
// comes first; the kubelet's KUBE-FIREWALL jumps were there before kube-proxy started.
function filterJumps(): IptRule[] {
  return [
    rule('INPUT', [comment('kubernetes ipvs access filter')], jump('KUBE-IPVS-FILTER')),
    rule('INPUT', [comment('kube-proxy firewall rules')], jump('KUBE-PROXY-FIREWALL')),
    rule('INPUT', [comment('kubernetes health check rules')], jump('KUBE-NODE-PORT')),
    rule('INPUT', [], jump('KUBE-FIREWALL')),
    rule('FORWARD', [comment('kube-proxy firewall rules')], jump('KUBE-PROXY-FIREWALL')),
    rule('FORWARD', [comment('kubernetes forwarding rules')], jump('KUBE-FORWARD')),
    rule('OUTPUT', [comment('kubernetes ipvs access filter')], jump('KUBE-IPVS-OUT-FILTER')),
    rule('OUTPUT', [], jump('KUBE-FIREWALL')),
  ];
}
