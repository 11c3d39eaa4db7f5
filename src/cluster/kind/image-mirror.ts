/**
 * Private registries, as the tutorial does with its Harbor: image references are rewritten to a mirror.
 * Path mapping: the source registry is dropped and the repository path kept, so
 *   quay.io/metallb/speaker:v0.14.8                         → <mirror>/metallb/speaker:v0.14.8
 *   registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:… → <mirror>/ingress-nginx/controller:v1.11.2@sha256:…
 *   myapp:v1 (Docker Hub, implicit library/)                 → <mirror>/library/myapp:v1
 * A digest is kept: copying an image between registries unchanged (crane copy, skopeo copy) keeps it.
 */
import { HarnessError } from '../../errors.ts';

/** The parts of an image reference. */
export interface ImageRef { registry: string; path: string; tag?: string; digest?: string }

/** Splits a reference the way Docker's reference grammar does (a first component with '.' or ':' or "localhost" is a registry). */
export function parseImageRef(ref: string): ImageRef {
  const [nameTag, digest] = ref.split('@', 2) as [string, string | undefined];
  const slash = nameTag.indexOf('/');
  const first = slash < 0 ? '' : nameTag.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let rest = hasRegistry ? nameTag.slice(slash + 1) : nameTag;
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(rest)) {
    throw new HarnessError('INVALID_INPUT', `"${ref}" is not a valid image reference (repository "${rest}")`);
  }
  return { registry, path: rest, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The reference on the mirror (see the mapping above). */
export function mirrorImage(ref: string, mirror: string): string {
  const host = mirror.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (!/^[A-Za-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)*$/.test(host)) {
    throw new HarnessError('INVALID_INPUT', `registry mirror "${mirror}" is not a registry host (e.g. reg.exam.com or reg.exam.com:5000/project)`);
  }
  const parsed = parseImageRef(ref);
  return `${host}/${parsed.path}${parsed.tag ? `:${parsed.tag}` : ''}${parsed.digest ? `@${parsed.digest}` : ''}`;
}

const IMAGE_LINE = /^(\s*(?:-\s+)?image:\s*)(["']?)([^\s"'#]+)\2/gm;

/** Rewrites every `image:` line of a manifest to the mirror; returns the text and the pairs it changed. */
export function mirrorManifestImages(text: string, mirror: string): { text: string; rewritten: { from: string; to: string }[] } {
  const rewritten: { from: string; to: string }[] = [];
  const out = text.replace(IMAGE_LINE, (_line, prefix: string, quote: string, ref: string) => {
    const to = mirrorImage(ref, mirror);
    rewritten.push({ from: ref, to });
    return `${prefix}${quote}${to}${quote}`;
  });
  return { text: out, rewritten };
}

/** The image references a manifest names (to load them or report them). */
export function manifestImages(text: string): string[] {
  return [...new Set([...text.matchAll(IMAGE_LINE)].map((m) => m[3]!))];
}
