/**
 * Add-on manifests by pinned version: downloaded at run time (or read from a local folder when
 * air-gapped), verified by SHA-256 — a mismatch names the expected and actual digest and the source —
 * and cached under .kubelab-cache/manifests/ so later runs need no network.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../../errors.ts';
import type { AddonPin } from './versions.ts';

/** Where manifests come from. */
export interface ManifestSource {
  /** The cache folder (.kubelab-cache/manifests). */
  cacheDir: string;
  /** Air-gapped: a folder holding `<pin.file>` for each add-on; nothing is downloaded. */
  localDir?: string;
  /** Downloads one URL (injected: undici's fetch in production, a local server in tests). */
  fetchText: (url: string) => Promise<Uint8Array>;
}

/** The lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws a CHECKSUM error when `bytes` are not the pinned manifest. */
export function verifyDigest(pin: AddonPin, bytes: Uint8Array, from: string): void {
  const actual = sha256Hex(bytes);
  if (actual !== pin.sha256) {
    throw new HarnessError('CHECKSUM',
      `checksum mismatch for the ${pin.name} ${pin.version} manifest from ${from}: expected sha256 ${pin.sha256}, got ${actual}. ` +
      'The file is not the pinned release (changed upstream, truncated, or a wrong local copy): replace it with the file from the pinned URL ' +
      `${pin.url}, or update the pin in clusters/versions.yaml after reviewing the new manifest.`,
      { details: { expected: pin.sha256, actual, source: from } });
  }
}

/** The verified manifest text of an add-on: local folder, else cache, else download (then cached). */
export async function loadAddonManifest(pin: AddonPin, source: ManifestSource): Promise<{ text: string; from: string }> {
  if (source.localDir) {
    const file = path.resolve(source.localDir, pin.file);
    const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      throw new HarnessError('PREFLIGHT', `air-gapped manifests folder: ${file} is missing (${err.code}); copy ${pin.url} there as ${pin.file}`);
    });
    verifyDigest(pin, bytes, file);
    return { text: bytes.toString('utf8'), from: file };
  }
  const cached = path.join(source.cacheDir, `${pin.name}-${pin.version}-${pin.sha256.slice(0, 12)}.yaml`);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit && sha256Hex(hit) === pin.sha256) return { text: hit.toString('utf8'), from: cached };
  const bytes = await download(pin, source);
  verifyDigest(pin, bytes, pin.url);
  await mkdir(source.cacheDir, { recursive: true });
  // Write then rename, so an interrupted run never leaves a half-written cache entry.
  await writeFile(`${cached}.part`, bytes);
  await rename(`${cached}.part`, cached);
  return { text: Buffer.from(bytes).toString('utf8'), from: pin.url };
}

async function download(pin: AddonPin, source: ManifestSource): Promise<Uint8Array> {
  if (pin.url.startsWith('file://')) return readFile(fileURLToPath(pin.url));
  try {
    return await source.fetchText(pin.url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new HarnessError('PREFLIGHT',
      `could not download the ${pin.name} ${pin.version} manifest from ${pin.url}: ${why}. ` +
      `Without network access, put the file in a folder as ${pin.file} and pass it with KUBELAB_MANIFESTS_DIR (air-gapped use).`,
      { cause: err });
  }
}

/** The production downloader: undici's fetch with a bounded time, an HTTP error status is a failure. */
export function fetchWithTimeout(timeoutMs: number): (url: string) => Promise<Uint8Array> {
  return async (url) => {
    const { fetch } = await import('undici');
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
