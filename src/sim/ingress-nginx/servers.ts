/**
 * Servers and their locations, merged from every processed Ingress (oldest first).
 * SRC: ingress-nginx internal/ingress/controller/controller.go createServers, getBackendServers,
 * extractTLSSecretName (controller-v1.11.2).
 */
import type { Ingress } from '../../model/networking.ts';
import type { Secret } from '../../model/core.ts';
import type { Extracted } from './annotations/index.ts';
import { upstreamName } from './backends.ts';
import { certificateFromSecret, verifyHostname, type CertificateInfo } from './certificates.ts';
import { keyOf } from './ingress-set.ts';
import { CATCH_ALL_SERVER, DEFAULT_UPSTREAM, type Backend, type Location, type Server } from './types.ts';

/** One processed Ingress with its extracted annotations. */
export interface ParsedIngress { ingress: Ingress; extracted: Extracted }

/** Mutable servers by hostname while the model is built. */
export type ServerMap = Map<string, Server>;

function rootLocation(backend: string, ing: ParsedIngress | undefined, base: Extracted): Location {
  const loc: Location = { path: '/', ingressPath: '/', pathType: 'Prefix', match: 'prefix', backend, isDefBackend: true, annotations: base.annotations };
  if (ing) loc.ingress = keyOf(ing.ingress);
  // getIngressInformation ($service_name/$service_port): the Ingress's spec.defaultBackend, when it has one.
  const defSvc = ing?.ingress.spec?.defaultBackend?.service;
  if (defSvc) loc.service = { name: defSvc.name, port: defSvc.port.number !== undefined && defSvc.port.number > 0 ? defSvc.port.number : (defSvc.port.name ?? '') };
  if (base.denied !== undefined) loc.denied = base.denied;
  return loc;
}

/** createServers: the catch-all `_`, then one server per host whose root fallback carries the first Ingress's annotations. */
export function createServers(data: readonly ParsedIngress[], upstreams: Map<string, Backend>, defaults: Extracted, warnings: string[]): ServerMap {
  const servers: ServerMap = new Map();
  servers.set(CATCH_ALL_SERVER, { hostname: CATCH_ALL_SERVER, locations: [rootLocation(DEFAULT_UPSTREAM, undefined, defaults)], regexMode: false });
  for (const pi of data) {
    const ing = pi.ingress;
    if (pi.extracted.annotations.canary.enabled) continue;
    let un = DEFAULT_UPSTREAM;
    const defSvc = ing.spec?.defaultBackend?.service;
    if (defSvc) {
      const ups = upstreams.get(upstreamName(ing.metadata.namespace ?? 'default', defSvc));
      if (ups) {
        un = ups.name;
        const defLoc = servers.get(CATCH_ALL_SERVER)!.locations[0]!;
        if (defLoc.isDefBackend && (ing.spec.rules ?? []).length === 0) {
          // Catch-all Ingress (backend, no rules): redirect and rewrite settings are deliberately not applied.
          const anns = { ...pi.extracted.annotations, rewriteTarget: defLoc.annotations.rewriteTarget, useRegex: defLoc.annotations.useRegex, appRoot: defLoc.annotations.appRoot, redirect: defLoc.annotations.redirect };
          Object.assign(defLoc, { isDefBackend: false, backend: ups.name, ingress: keyOf(ing), annotations: anns });
          if (pi.extracted.denied !== undefined) defLoc.denied = pi.extracted.denied;
        }
      }
    }
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || CATCH_ALL_SERVER;
      if (servers.has(host)) continue;
      servers.set(host, { hostname: host, locations: [rootLocation(un, pi, pi.extracted)], regexMode: false });
    }
  }
  return servers;
}

/** Chooses the certificate of each host from the first Ingress with `spec.tls` that mentions it. */
export function assignCertificates(data: readonly ParsedIngress[], servers: ServerMap, secrets: readonly Secret[], fake: CertificateInfo, warnings: string[]): void {
  const findSecret = (ns: string, name: string) => secrets.find((s) => s.metadata.namespace === ns && s.metadata.name === name);
  const load = (ns: string, name: string) => certificateFromSecret(findSecret(ns, name), `${ns}/${name}`);
  for (const pi of data) {
    const ing = pi.ingress;
    if (pi.extracted.annotations.canary.enabled) continue;
    const ns = ing.metadata.namespace ?? 'default';
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || CATCH_ALL_SERVER;
      const server = servers.get(host);
      if (!server || host === CATCH_ALL_SERVER || server.tls) continue;
      const tls = ing.spec.tls ?? [];
      if (tls.length === 0) continue;
      // extractTLSSecretName: a tls entry listing the host, else any secret whose certificate covers it.
      let secretName = tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase()))?.secretName ?? '';
      let listed = secretName !== '' || tls.some((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase()));
      if (!listed) {
        for (const t of tls) {
          if (!t.secretName) continue;
          const loaded = load(ns, t.secretName);
          if (loaded.ok && verifyHostname(loaded.certificate, host)) { secretName = t.secretName; listed = true; break; }
        }
      }
      if (secretName === '') {
        server.tls = { certificate: fake, reason: `Ingress ${keyOf(ing)} has spec.tls but no secret for ${host}: default (fake) certificate` };
        continue;
      }
      const loaded = load(ns, secretName);
      if (!loaded.ok) {
        warnings.push(`Error getting SSL certificate ${ns}/${secretName}: ${loaded.reason}. Using default certificate`);
        server.tls = { secret: `${ns}/${secretName}`, certificate: fake, reason: loaded.reason };
      } else if (!verifyHostname(loaded.certificate, host)) {
        warnings.push(`SSL certificate ${ns}/${secretName} does not contain a Common Name or Subject Alternative Name for server ${JSON.stringify(host)}. Using default certificate`);
        server.tls = { secret: `${ns}/${secretName}`, certificate: fake, reason: `certificate of ${ns}/${secretName} does not cover ${host}` };
      } else {
        server.tls = { secret: `${ns}/${secretName}`, certificate: loaded.certificate, reason: `secret ${ns}/${secretName} covers ${host}` };
      }
    }
  }
}

/** The path loop of getBackendServers: add locations; same path+type → the oldest wins (or replaces the root fallback). */
export function addLocations(data: readonly ParsedIngress[], servers: ServerMap, upstreams: Map<string, Backend>, warnings: string[]): void {
  for (const pi of data) {
    const ing = pi.ingress;
    const ns = ing.metadata.namespace ?? 'default';
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || CATCH_ALL_SERVER;
      const server = servers.get(host) ?? servers.get(CATCH_ALL_SERVER)!;
      for (const path of rule.http?.paths ?? []) {
        if (!path.backend.service) continue;
        const ups = upstreams.get(upstreamName(ns, path.backend.service));
        if (!ups || ups.noServer) continue;
        const nginxPath = path.path || '/';
        const pathType = path.pathType === 'Exact' ? 'Exact' : 'Prefix';
        let addLoc = true;
        for (const loc of server.locations) {
          if (loc.path !== nginxPath) continue;
          if (loc.pathType !== pathType) break; // same path, different type: both are kept
          addLoc = false;
          if (!loc.isDefBackend) {
            warnings.push(`Location ${JSON.stringify(loc.path)} already configured for server ${JSON.stringify(server.hostname)} with upstream ${JSON.stringify(loc.backend)} (Ingress ${JSON.stringify(keyOf(ing))} ignored for this path)`);
            break;
          }
          Object.assign(loc, { backend: ups.name, isDefBackend: false, service: ups.service, ingress: keyOf(ing), annotations: pi.extracted.annotations });
          if (pi.extracted.denied !== undefined) loc.denied = pi.extracted.denied;
          else delete loc.denied;
          break;
        }
        if (!addLoc) continue;
        const loc: Location = { path: nginxPath, ingressPath: nginxPath, pathType, match: 'prefix', backend: ups.name, isDefBackend: false, ingress: keyOf(ing), annotations: pi.extracted.annotations };
        if (ups.service) loc.service = ups.service;
        if (pi.extracted.denied !== undefined) loc.denied = pi.extracted.denied;
        server.locations.push(loc);
      }
    }
  }
}
