/**
 * Canary Ingresses add their backend as an alternative of the primary backend of a location with the
 * same host, path and pathType. SRC: ingress-nginx internal/ingress/controller/controller.go
 * mergeAlternativeBackends, canMergeBackend, mergeAlternativeBackend (controller-v1.11.2).
 */
import type { Ingress } from '../../model/networking.ts';
import { upstreamName } from './backends.ts';
import { keyOf } from './ingress-set.ts';
import type { ServerMap } from './servers.ts';
import { CATCH_ALL_SERVER, DEFAULT_UPSTREAM, type Backend } from './types.ts';

function canMerge(primary: Backend | undefined, alt: Backend): primary is Backend {
  return primary !== undefined && primary.name !== alt.name && primary.name !== DEFAULT_UPSTREAM && !primary.noServer;
}

function merge(primary: Backend, alt: Backend): boolean {
  if (!primary.alternativeBackends.includes(alt.name)) primary.alternativeBackends.push(alt.name);
  return true;
}

/** Merges one canary Ingress; canaries without a matching primary are deleted (ignored). */
export function mergeCanaries(ing: Ingress, upstreams: Map<string, Backend>, servers: ServerMap, warnings: string[]): void {
  const ns = ing.metadata.namespace ?? 'default';
  const tryMerge = (host: string, altName: string, pathMatch: (path: string, type: string) => boolean) => {
    const alt = upstreams.get(altName);
    if (!alt) return;
    const server = servers.get(host);
    if (!server) {
      warnings.push(`canary ingress ${keyOf(ing)}: there is no server for host ${JSON.stringify(host)}; canary backend ${alt.name} ignored`);
      upstreams.delete(alt.name);
      return;
    }
    let merged = false;
    let altEqualsPri = false;
    for (const loc of server.locations) {
      const primary = upstreams.get(loc.backend);
      if (!primary) continue;
      altEqualsPri = alt.name === primary.name;
      if (altEqualsPri) {
        warnings.push(`alternative upstream ${alt.name} in Ingress ${keyOf(ing)} is primary upstream in another Ingress for location ${host}${loc.path}!`);
        break;
      }
      if (canMerge(primary, alt) && pathMatch(loc.path, loc.pathType)) merged = merge(primary, alt);
    }
    if (!altEqualsPri && !merged) {
      warnings.push(`unable to find real backend for alternative backend ${alt.name} (canary ingress ${keyOf(ing)}). Deleting.`);
      upstreams.delete(alt.name);
    }
  };
  const def = ing.spec?.defaultBackend?.service;
  if (def) tryMerge(CATCH_ALL_SERVER, upstreamName(ns, def), () => true);
  for (const rule of ing.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      if (!path.backend.service) continue;
      const type = path.pathType === 'Exact' ? 'Exact' : 'Prefix';
      tryMerge(rule.host || CATCH_ALL_SERVER, upstreamName(ns, path.backend.service), (p, t) => p === (path.path ?? '') && t === type);
    }
  }
}
