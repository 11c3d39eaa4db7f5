/**
 * Rules that exist on every node regardless of services: the jumps from the built-in chains,
 * masquerade marking, forwarding and the kubelet's localnet firewall.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go iptablesJumpChains (inserted with -I, so the last
 * listed ends up first), syncProxyRules fixed KUBE-POSTROUTING/KUBE-MARK-MASQ/KUBE-FORWARD rules;
 * pkg/kubelet/kubelet_network_linux.go KUBE-FIREWALL (v1.31).
 */
import { comment, jump, rule, type IptRule } from './iptables-types.ts';

const NEW = { m: 'conntrack', ctstate: 'NEW' } as const;

/** nat rules outside the per-service chains (iptables mode). */
export function fixedNatRules(): IptRule[] {
  return [
    ...natJumps(),
    rule('KUBE-MARK-MASQ', [], { t: 'MARK', op: 'or', value: '0x4000' }),
    ...postrouting(),
  ];
}

/** The jumps from PREROUTING/OUTPUT/POSTROUTING into kube-proxy's nat chains (both modes). */
export function natJumps(): IptRule[] {
  return [
    rule('PREROUTING', [comment('kubernetes service portals')], jump('KUBE-SERVICES')),
    rule('OUTPUT', [comment('kubernetes service portals')], jump('KUBE-SERVICES')),
    rule('POSTROUTING', [comment('kubernetes postrouting rules')], jump('KUBE-POSTROUTING')),
  ];
}

/** KUBE-POSTROUTING: SNAT what KUBE-MARK-MASQ marked. */
export function postrouting(): IptRule[] {
  return [
    rule('KUBE-POSTROUTING', [{ m: 'mark', mark: '0x4000/0x4000', invert: true }], { t: 'RETURN' }),
    rule('KUBE-POSTROUTING', [], { t: 'MARK', op: 'xor', value: '0x4000' }),
    rule('KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { t: 'MASQUERADE', randomFully: true }),
  ];
}

/** filter rules outside the per-service ones (iptables mode). */
export function fixedFilterRules(): IptRule[] {
  return [
    rule('INPUT', [NEW, comment('kubernetes load balancer firewall')], jump('KUBE-PROXY-FIREWALL')),
    rule('INPUT', [comment('kubernetes health check service ports')], jump('KUBE-NODEPORTS')),
    rule('INPUT', [NEW, comment('kubernetes externally-visible service portals')], jump('KUBE-EXTERNAL-SERVICES')),
    rule('INPUT', [], jump('KUBE-FIREWALL')),
    rule('FORWARD', [NEW, comment('kubernetes load balancer firewall')], jump('KUBE-PROXY-FIREWALL')),
    rule('FORWARD', [comment('kubernetes forwarding rules')], jump('KUBE-FORWARD')),
    rule('FORWARD', [NEW, comment('kubernetes service portals')], jump('KUBE-SERVICES')),
    rule('FORWARD', [NEW, comment('kubernetes externally-visible service portals')], jump('KUBE-EXTERNAL-SERVICES')),
    rule('OUTPUT', [NEW, comment('kubernetes load balancer firewall')], jump('KUBE-PROXY-FIREWALL')),
    rule('OUTPUT', [NEW, comment('kubernetes service portals')], jump('KUBE-SERVICES')),
    rule('OUTPUT', [], jump('KUBE-FIREWALL')),
    ...kubeletFirewall(),
    rule('KUBE-FORWARD', [{ m: 'conntrack', ctstate: 'INVALID' }], { t: 'DROP' }),
    rule('KUBE-FORWARD', [comment('kubernetes forwarding rules'), { m: 'mark', mark: '0x4000/0x4000' }], { t: 'ACCEPT' }),
    rule('KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], { t: 'ACCEPT' }),
  ];
}

/** The kubelet's KUBE-FIREWALL rule (blocks outside access to 127.0.0.0/8). */
export function kubeletFirewall(): IptRule[] {
  return [
    rule('KUBE-FIREWALL', [comment('block incoming localnet connections'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', invert: true }], { t: 'DROP' }, { src: '127.0.0.0/8', srcInvert: true, dst: '127.0.0.0/8' }),
  ];
}
