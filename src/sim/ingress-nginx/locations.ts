/**
 * Final shape of a server's locations: ordering, Prefix expansion, regex mode.
 * SRC: ingress-nginx internal/ingress/controller/controller.go getBackendServers (two stable sorts),
 * location.go updateServerLocations/normalizePrefixPath/needsRewrite, template.go enforceRegexModifier/buildLocation (controller-v1.11.2).
 */
import type { Location, Server } from './types.ts';

/** A rewrite is active when the target is set and differs from the location path. */
export function needsRewrite(loc: Pick<Location, 'path' | 'annotations'>): boolean {
  const target = loc.annotations.rewriteTarget;
  return target !== '' && target !== loc.path;
}

/** Stable sort by path descending, then by path length descending (insertion = Ingress age breaks ties). */
export function orderLocations(locations: readonly Location[]): Location[] {
  const byPath = [...locations].sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0));
  return byPath.sort((a, b) => b.path.length - a.path.length);
}

/** updateServerLocations: Prefix `/foo` → `/foo/` + exact `/foo` (unless an Exact `/foo` exists, or the location uses regex/rewrite). */
export function expandPrefixLocations(locations: readonly Location[]): Location[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: Location[] = [];
  for (const loc of locations) {
    if (loc.path === '/' || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations.useRegex) {
      out.push(loc);
      continue;
    }
    const normalised = loc.path.endsWith('/') ? loc.path : `${loc.path}/`;
    out.push({ ...loc, path: normalised });
    if (!exact.has(loc.path)) out.push({ ...loc, pathType: 'Exact' });
  }
  return out;
}

/** Orders, expands, and decides the host's regex mode and each location's nginx match. */
export function finaliseServer(server: Server): Server {
  const locations = expandPrefixLocations(orderLocations(server.locations));
  const regexMode = locations.some((l) => needsRewrite(l) || l.annotations.useRegex);
  const rendered = locations.map((l): Location => ({ ...l, match: regexMode ? 'regex' : l.pathType === 'Exact' ? 'exact' : 'prefix' }));
  return { ...server, locations: rendered, regexMode };
}

/** The nginx `location` line of a location (for traces and the model dump). */
export function renderLocation(loc: Location): string {
  if (loc.match === 'regex') return `location ~* "^${loc.path}"`;
  if (loc.match === 'exact') return `location = ${loc.path}`;
  return `location ${loc.path}`;
}
