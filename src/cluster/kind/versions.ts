/** The pinned versions of the kind backend, read from clusters/versions.yaml (the one place they live). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { HarnessError } from '../../errors.ts';

/** One add-on manifest, pinned by version, URL and SHA-256 of its bytes. */
export interface AddonPin {
  name: string;
  version: string;
  /** File name in the cache and in a local manifests folder (air-gapped use). */
  file: string;
  url: string;
  sha256: string;
  namespace: string;
  images: string[];
}

/** Everything clusters/versions.yaml pins. */
export interface PinnedVersions {
  kindVersion: string;
  nodeImage: string;
  kubectlMinVersion: string;
  addons: { metallb: AddonPin; ingressNginx: AddonPin };
  scenarioImages: string[];
  clientPodImage: string;
  clientHostImage: string;
}

/** Reads and checks `<root>/clusters/versions.yaml`. */
export async function loadPinnedVersions(root: string): Promise<PinnedVersions> {
  const file = path.join(root, 'clusters', 'versions.yaml');
  return parsePinnedVersions(await readFile(file, 'utf8'), file);
}

/** Parses the versions file text; every missing or malformed field is named with the file. */
export function parsePinnedVersions(text: string, file: string): PinnedVersions {
  const doc = (parse(text) ?? {}) as Record<string, unknown>;
  const field = (obj: unknown, key: string, where: string): string => {
    const value = (obj as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'string' || value === '') {
      throw new HarnessError('INVALID_INPUT', `${file}: ${where}${key} must be a non-empty string`);
    }
    return value;
  };
  const list = (obj: unknown, key: string, where: string): string[] => {
    const value = (obj as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw new HarnessError('INVALID_INPUT', `${file}: ${where}${key} must be a list of strings`);
    }
    return value as string[];
  };
  const addons = doc['addons'] as Record<string, unknown> | undefined;
  const addon = (name: string): AddonPin => {
    const a = addons?.[name];
    const where = `addons.${name}.`;
    const sha256 = field(a, 'sha256', where);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new HarnessError('INVALID_INPUT', `${file}: ${where}sha256 must be 64 lower-case hex digits, got "${sha256}"`);
    return {
      name, sha256,
      version: field(a, 'version', where), file: field(a, 'file', where), url: field(a, 'url', where),
      namespace: field(a, 'namespace', where), images: list(a, 'images', where),
    };
  };
  return {
    kindVersion: field(doc['kind'], 'version', 'kind.'),
    nodeImage: field(doc['kind'], 'nodeImage', 'kind.'),
    kubectlMinVersion: field(doc['kubectl'], 'minVersion', 'kubectl.'),
    addons: { metallb: addon('metallb'), ingressNginx: addon('ingress-nginx') },
    scenarioImages: list(doc, 'scenarioImages', ''),
    clientPodImage: field(doc, 'clientPodImage', ''),
    clientHostImage: field(doc, 'clientHostImage', ''),
  };
}
