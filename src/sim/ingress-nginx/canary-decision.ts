/**
 * The per-request canary choice of balancer.lua `route_to_alternative_balancer`.
 * SRC: ingress-nginx rootfs/etc/nginx/lua/balancer.lua (controller-v1.11.2): only the first alternative
 * backend counts; an alternative without endpoints has no balancer (→ primary); header (value, pattern,
 * always/never) → cookie (always/never) → weight with total = weight-total only when > 100, else 100,
 * canary iff math.random(total) <= weight.
 */
import type { Backend } from './types.ts';

/** How the canary decision went, for the trace. */
export interface CanaryDecision {
  primary: string;
  alternative?: string;
  chosen: 'primary' | 'canary';
  by: 'no-canary' | 'no-alternative-balancer' | 'header' | 'header-pattern-error' | 'cookie' | 'weight';
  detail: string;
  draw?: { value: number; total: number; weight: number };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  // ngx.var["http_" .. name] with "-" replaced by "_": nginx compares header names case-insensitively with - ≡ _.
  const wanted = name.toLowerCase().replace(/-/g, '_');
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase().replace(/-/g, '_') === wanted) return value;
  return undefined;
}

/** The value of a cookie in the Cookie header (ngx.var["cookie_" .. name]). */
export function cookieValue(headers: Record<string, string>, name: string): string | undefined {
  if (name === '') return undefined;
  for (const part of (headers['cookie'] ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Decides primary or canary. `draw(total)` returns an integer in [1, total] (math.random(total)). */
export function decideCanary(primary: Backend, backends: ReadonlyMap<string, Backend>, headers: Record<string, string>, draw: (total: number) => number): CanaryDecision {
  const base = { primary: primary.name };
  const altName = primary.alternativeBackends[0];
  if (!altName) return { ...base, chosen: 'primary', by: 'no-canary', detail: 'no canary for this backend' };
  const alt = backends.get(altName);
  if (!alt || alt.endpoints.length === 0) {
    return { ...base, alternative: altName, chosen: 'primary', by: 'no-alternative-balancer', detail: `canary backend ${altName} has no endpoints (no balancer)` };
  }
  const policy = alt.trafficShapingPolicy;
  if (!policy) return { ...base, alternative: altName, chosen: 'primary', by: 'no-alternative-balancer', detail: 'traffic shaping policy is not set' };
  const withAlt = { ...base, alternative: altName };
  const header = policy.header === '' ? undefined : headerValue(headers, policy.header);
  if (header !== undefined) {
    if (policy.headerValue !== '') {
      if (policy.headerValue === header) return { ...withAlt, chosen: 'canary', by: 'header', detail: `header ${policy.header}: ${header} equals canary-by-header-value` };
    } else if (policy.headerPattern !== '') {
      let re: RegExp | undefined;
      try { re = new RegExp(policy.headerPattern); } catch { re = undefined; }
      if (!re) return { ...withAlt, chosen: 'primary', by: 'header-pattern-error', detail: `error when matching canary-by-header-pattern ${JSON.stringify(policy.headerPattern)}` };
      if (re.test(header)) return { ...withAlt, chosen: 'canary', by: 'header', detail: `header ${policy.header}: ${header} matches ${policy.headerPattern}` };
    } else if (header === 'always') {
      return { ...withAlt, chosen: 'canary', by: 'header', detail: `header ${policy.header}: always` };
    } else if (header === 'never') {
      return { ...withAlt, chosen: 'primary', by: 'header', detail: `header ${policy.header}: never` };
    }
  }
  const cookie = cookieValue(headers, policy.cookie);
  if (cookie === 'always') return { ...withAlt, chosen: 'canary', by: 'cookie', detail: `cookie ${policy.cookie}=always` };
  if (cookie === 'never') return { ...withAlt, chosen: 'primary', by: 'cookie', detail: `cookie ${policy.cookie}=never` };
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100;
  const value = draw(total);
  const chosen = value <= policy.weight ? 'canary' : 'primary';
  return { ...withAlt, chosen, by: 'weight', detail: `math.random(${total}) = ${value} ${chosen === 'canary' ? '<=' : '>'} weight ${policy.weight}`, draw: { value, total, weight: policy.weight } };
}
