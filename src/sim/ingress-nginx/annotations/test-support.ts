/** Helpers for the annotation module tests: an Ingress with annotations and a parse context. */
import type { ParseContext, Resolver } from './define.ts';
import { defaultControllerConfig } from '../config.ts';
import { ingress, path, secret } from '../fixtures.ts';
import type { Secret } from '../../../model/core.ts';

/** A parse context for an Ingress `t` in default with the given (prefix-less) annotations. */
export function ctxWith(given: Record<string, string | undefined>, secrets: Secret[] = [], services: string[] = []): ParseContext {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(given)) if (v !== undefined) annotations[k] = v;
  const resolver: Resolver = {
    secret: (ns, name) => secrets.find((s) => s.metadata.namespace === ns && s.metadata.name === name),
    service: (ns, name) => (ns === 'default' && services.includes(name) ? { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: {} } : undefined),
  };
  return { ingress: ingress('t', [{ paths: [path('/', 's')] }], { annotations }), resolver, config: defaultControllerConfig() };
}

export { secret };
