/**
 * nginx.ingress.kubernetes.io/load-balance: the balancer algorithm of the upstream.
 * SRC: ingress-nginx internal/ingress/annotations/loadbalancing/main.go, rootfs/etc/nginx/lua/balancer.lua
 * get_implementation (controller-v1.11.2): an unknown name falls back to round_robin with a log line.
 * The simulator models round_robin only; ewma is approximated by round_robin and says so.
 */
import { defineAnnotation, invalidWarning, ok, readString } from './define.ts';

const IMPLEMENTATIONS = new Set(['round_robin', 'chash', 'chashsubset', 'sticky_balanced', 'sticky_persistent', 'ewma']);

/** The load-balancing algorithm ('' = ConfigMap value, else round_robin). */
export const loadBalance = defineAnnotation({
  field: 'loadBalance',
  keys: ['load-balance'],
  parse: (ctx) => {
    const read = readString(ctx.ingress, 'load-balance');
    if (read.kind === 'missing') return ok('');
    if (read.kind === 'invalid') return ok('', [invalidWarning(ctx.ingress, 'load-balance', read.raw, 'using round_robin')]);
    if (!IMPLEMENTATIONS.has(read.value)) {
      return ok('round_robin', [invalidWarning(ctx.ingress, 'load-balance', read.raw, 'is not supported, falling back to round_robin')]);
    }
    const warnings = read.value === 'round_robin' ? [] : [`load-balance ${read.value} is simulated as round_robin`];
    return ok(read.value, warnings);
  },
});
