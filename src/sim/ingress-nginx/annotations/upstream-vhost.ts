/**
 * nginx.ingress.kubernetes.io/upstream-vhost: the Host header sent upstream instead of the client's.
 * SRC: ingress-nginx internal/ingress/annotations/upstreamvhost/main.go, nginx.tmpl `proxy_set_header Host` (controller-v1.11.2).
 */
import { defineAnnotation, stringWithDefault } from './define.ts';

/** The upstream Host override ('' = client Host). */
export const upstreamVhost = defineAnnotation({
  field: 'upstreamVhost',
  keys: ['upstream-vhost'],
  parse: (ctx) => stringWithDefault(ctx, 'upstream-vhost', ''),
});
