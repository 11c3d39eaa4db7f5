/** A structured iptables ruleset, rendered by both `iptables-save` and `iptables -L`. */

/** A match extension with its options, in the order kube-proxy writes them. */
export type IptMatch =
  | { m: 'comment'; text: string }
  | { m: 'tcp' | 'udp' | 'sctp'; dport?: number }
  | { m: 'addrtype'; dstType?: string; srcType?: string; srcInvert?: boolean }
  /** `-m physdev ! --physdev-is-in` (the only physdev option kube-proxy writes). */
  | { m: 'physdev'; isInInvert: true }
  /** `-m ipvs --vaddr <ip> --vproto <proto> --vport <port>` (vproto kept as the number iptables stores). */
  | { m: 'ipvs'; vaddr: string; vproto: number; vport: number }
  /** `probability` is kube-proxy's "%0.10f" argument (see probability.ts for what the kernel stores). */
  | { m: 'statistic'; probability: string }
  | { m: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number; reap?: boolean }
  | { m: 'mark'; mark: string; invert?: boolean }
  | { m: 'conntrack'; ctstate: string; invert?: boolean }
  | { m: 'set'; name: string; flags: string; invert?: boolean };

/** A rule target. */
export type IptTarget =
  | { t: 'jump'; chain: string }
  | { t: 'DNAT'; to: string }
  | { t: 'MARK'; op: 'or' | 'xor'; value: string }
  | { t: 'MASQUERADE'; randomFully?: boolean }
  | { t: 'REJECT' }
  | { t: 'DROP' }
  | { t: 'ACCEPT' }
  | { t: 'RETURN' }
  /** No `-j` at all: the rule only counts packets (kube-proxy's last KUBE-FW-… rule). */
  | { t: 'none' };

/** One rule (`-A chain …`). */
export interface IptRule {
  chain: string;
  src?: string;
  srcInvert?: boolean;
  dst?: string;
  dstInvert?: boolean;
  proto?: 'tcp' | 'udp' | 'sctp';
  matches: IptMatch[];
  target: IptTarget;
}

/** One table: built-in chains (with policy ACCEPT), user chains, rules in order. */
export interface IptTable {
  name: 'nat' | 'filter';
  builtins: string[];
  chains: string[];
  rules: IptRule[];
}

/** Built-in chains of a table, in iptables' listing order. */
export const BUILTIN_CHAINS: Record<IptTable['name'], string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** Small builder so rule lists read like kube-proxy's `-A` lines. */
export function rule(chain: string, matches: IptMatch[], target: IptTarget, extra: Omit<IptRule, 'chain' | 'matches' | 'target'> = {}): IptRule {
  return { chain, ...extra, matches, target };
}

/** `-j <chain>`. */
export function jump(chain: string): IptTarget {
  return { t: 'jump', chain };
}

/** `-m comment --comment <text>`. */
export function comment(text: string): IptMatch {
  return { m: 'comment', text };
}
