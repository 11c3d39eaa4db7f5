import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAddonManifest, sha256Hex } from './manifests.ts';
import type { AddonPin } from './versions.ts';

const TEXT = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: metallb-system\n';
const pin = (url: string, sha256 = sha256Hex(TEXT)): AddonPin => ({ name: 'metallb', version: 'v0.14.8', file: 'metallb-native.yaml', url, sha256, namespace: 'metallb-system', images: [] });

test('download once, then the cache answers without the network', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kubelab-manifests-'));
  let downloads = 0;
  const source = { cacheDir: path.join(dir, 'cache'), fetchText: async () => { downloads++; return new TextEncoder().encode(TEXT); } };
  assert.equal((await loadAddonManifest(pin('https://example.invalid/m.yaml'), source)).text, TEXT);
  assert.match((await loadAddonManifest(pin('https://example.invalid/m.yaml'), source)).from, /cache\/metallb-v0\.14\.8-[0-9a-f]{12}\.yaml$/);
  assert.equal(downloads, 1);
  assert.deepEqual((await readdir(source.cacheDir)).filter((f) => f.endsWith('.part')), []);
});

test('air-gapped folder: read locally, still verified; a missing file says what to copy', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kubelab-airgap-'));
  const never = async (): Promise<Uint8Array> => { throw new Error('no network in this test'); };
  const source = { cacheDir: path.join(dir, 'cache'), localDir: dir, fetchText: never };
  await assert.rejects(loadAddonManifest(pin('https://raw.example/m.yaml'), source), /metallb-native\.yaml is missing .* copy https:\/\/raw\.example\/m\.yaml there/);
  await writeFile(path.join(dir, 'metallb-native.yaml'), TEXT + '# edited\n');
  await assert.rejects(loadAddonManifest(pin('https://raw.example/m.yaml'), source),
    new RegExp(`checksum mismatch for the metallb v0\\.14\\.8 manifest from ${dir}/metallb-native\\.yaml: expected sha256 ${sha256Hex(TEXT)}, got ${sha256Hex(TEXT + '# edited\n')}`));
  await writeFile(path.join(dir, 'metallb-native.yaml'), TEXT);
  assert.equal((await loadAddonManifest(pin('https://raw.example/m.yaml'), source)).text, TEXT);
});

test('file:// URLs are read from disk; a download failure names the air-gapped fix', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kubelab-fileurl-'));
  await writeFile(path.join(dir, 'm.yaml'), TEXT);
  const fail = async (): Promise<Uint8Array> => { throw new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com'); };
  assert.equal((await loadAddonManifest(pin(pathToFileURL(path.join(dir, 'm.yaml')).href), { cacheDir: path.join(dir, 'c'), fetchText: fail })).text, TEXT);
  await assert.rejects(loadAddonManifest(pin('https://raw.githubusercontent.com/x.yaml'), { cacheDir: path.join(dir, 'c2'), fetchText: fail }),
    /could not download .* ENOTFOUND .* KUBELAB_MANIFESTS_DIR/s);
});
