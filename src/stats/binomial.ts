/**
 * Exact binomial acceptance intervals for "about N%" assertions (toolchain-and-anchors.md §10):
 * a count k of n trials with true share p is accepted when it lies in [q(α/2), q(1−α/2)], where q is
 * the binomial quantile (scipy's `binom.interval(1 − α, n, p)`). Computed in log space so large n
 * and tiny tail probabilities neither underflow nor lose precision to 1 − cdf cancellation.
 */

/** The default per-assertion false-failure probability of kubelab's statistical steps. */
export const DEFAULT_ALPHA = 1e-4;

/** An inclusive range of accepted counts. */
export interface AcceptanceInterval {
  n: number;
  p: number;
  alpha: number;
  low: number;
  high: number;
}

/** ln(k!) for k = 0..n, by summing logs (exact to double precision for the n a scenario uses). */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
}

/** ln P(X = k) for X ~ Binomial(n, p) with 0 < p < 1. */
function logPmfs(n: number, p: number): Float64Array {
  const lf = logFactorials(n);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const out = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) out[k] = lf[n]! - lf[k]! - lf[n - k]! + k * lp + (n - k) * lq;
  return out;
}

/** ln(e^a + e^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

function checkArguments(n: number, p: number, alpha: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`binomial interval needs a whole number of trials n ≥ 1, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial interval needs a share p between 0 and 1, got ${p}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`binomial interval needs 0 < alpha < 1, got ${alpha}`);
}

/**
 * The counts of `n` trials with true share `p` that a two-sided test with false-failure probability
 * `alpha` accepts. Shares of exactly 0 or 1 accept only 0 or n (a deterministic edge).
 */
export function binomialAcceptanceInterval(n: number, p: number, alpha: number = DEFAULT_ALPHA): AcceptanceInterval {
  checkArguments(n, p, alpha);
  if (p === 0) return { n, p, alpha, low: 0, high: 0 };
  if (p === 1) return { n, p, alpha, low: n, high: n };
  const logPmf = logPmfs(n, p);
  const logTail = Math.log(alpha / 2);
  // low = smallest k with P(X ≤ k) ≥ α/2 (the α/2 quantile).
  let low = 0;
  let cdf = -Infinity;
  for (let k = 0; k <= n; k++) {
    cdf = logAdd(cdf, logPmf[k]!);
    if (cdf >= logTail) { low = k; break; }
  }
  // high = smallest k with P(X > k) ≤ α/2, i.e. the 1 − α/2 quantile, summing the upper tail directly.
  let high = n;
  let survival = -Infinity; // P(X > k) while walking k down from n
  for (let k = n; k >= 0; k--) {
    const withK = logAdd(survival, logPmf[k]!); // P(X ≥ k) = P(X > k − 1)
    if (withK > logTail) { high = k; break; }
    survival = withK;
  }
  return { n, p, alpha, low, high };
}

/** Whether `count` of `n` is consistent with share `p` at false-failure probability `alpha`. */
export function acceptsCount(count: number, n: number, p: number, alpha: number = DEFAULT_ALPHA): { ok: boolean; interval: AcceptanceInterval } {
  const interval = binomialAcceptanceInterval(n, p, alpha);
  return { ok: count >= interval.low && count <= interval.high, interval };
}

/** A one-line explanation of an "about N%" check, for step failures and report attachments. */
export function describeCheck(what: string, count: number, interval: AcceptanceInterval): string {
  const pct = formatPercent(interval.p);
  const share = formatPercent(count / interval.n);
  return `${count} of ${interval.n} ${what} (${share}); expected about ${pct}: ` +
    `accepted ${interval.low}..${interval.high} (exact binomial interval, false-failure probability ${interval.alpha})`;
}

function formatPercent(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}
