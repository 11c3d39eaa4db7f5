/**
 * nginx.ingress.kubernetes.io/service-upstream: proxy to the Service's ClusterIP:port instead of pod endpoints.
 * SRC: ingress-nginx internal/ingress/annotations/serviceupstream/main.go (controller-v1.11.2): a missing annotation
 * uses the ConfigMap value; an unparsable one makes Parse fail, so the Extractor leaves the zero value (false).
 */
import { defineAnnotation, invalidWarning, ok, readBool } from './define.ts';

/** Whether the backend is the ClusterIP. */
export const serviceUpstream = defineAnnotation({
  field: 'serviceUpstream',
  keys: ['service-upstream'],
  parse: (ctx) => {
    const read = readBool(ctx.ingress, 'service-upstream');
    if (read.kind === 'missing') return ok(ctx.config.serviceUpstream);
    if (read.kind === 'invalid') return ok(false, [invalidWarning(ctx.ingress, 'service-upstream', read.raw, 'using false')]);
    return ok(read.value);
  },
});
