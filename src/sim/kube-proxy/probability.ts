/**
 * The statistic-match probabilities of kube-proxy's load-balancing rules and how iptables shows them.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go computeProbability ("%0.10f" of 1/n) (v1.31);
 * iptables extensions/libxt_statistic.c: parse stores lround(p * 2^31), print/save use "%.11f" of stored / 2^31.
 */

/** kube-proxy's argument for rule i of n endpoints: 1/(n-i) formatted "%0.10f". */
export function ruleProbability(remaining: number): string {
  return (1 / remaining).toFixed(10);
}

/** The 31-bit threshold the kernel keeps for a probability argument. */
export function storedProbability(arg: string): number {
  return Math.round(Number(arg) * 0x80000000);
}

/** What `iptables -L` and `iptables-save` print for a probability argument. */
export function displayProbability(arg: string): string {
  return (storedProbability(arg) / 0x80000000).toFixed(11);
}

/**
 * Does a packet match the statistic rule? The kernel compares a random 31-bit value with the stored threshold.
 * SRC: linux net/netfilter/xt_statistic.c statistic_mt (get_random_u32() & 0x7FFFFFFF) < probability
 */
export function statisticMatches(arg: string, random31: number): boolean {
  return random31 < storedProbability(arg);
}
