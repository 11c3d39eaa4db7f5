/** `-f` sources: files and directories in the scenario's work folder, or `-` for standard input. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, isAbsolute, extname } from 'node:path';
import type { KubeObject } from '../../../model/meta.ts';
import type { Invocation } from './command-tree.ts';

/** One manifest text and the name kubectl uses for it in messages ("howe.yml", "STDIN"). */
export interface ManifestSource { text: string; source: string }

// SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go FileExtensions + ExpandPathsToFileVisitors (v1.31).
const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Reads every -f argument in order; a directory contributes its .json/.yaml/.yml files sorted by name (-R recurses). */
export function readSources(inv: Invocation): { ok: true; sources: ManifestSource[] } | { ok: false; message: string } {
  const sources: ManifestSource[] = [];
  for (const arg of inv.flags.list('filename')) {
    if (arg === '-') {
      sources.push({ text: inv.ctx.stdin, source: 'STDIN' });
      continue;
    }
    if (/^https?:\/\//.test(arg)) {
      return { ok: false, message: `error: -f ${arg}: the simulated lab has no internet access; download the manifest into the work folder first and apply the file` };
    }
    const path = isAbsolute(arg) ? arg : join(inv.ctx.workdir, arg);
    if (!existsSync(path)) return { ok: false, message: `error: the path "${arg}" does not exist` };
    if (statSync(path).isDirectory()) sources.push(...readDirectory(path, arg, inv.flags.bool('recursive')));
    else sources.push({ text: readFileSync(path, 'utf8'), source: arg });
  }
  return { ok: true, sources };
}

function readDirectory(path: string, shown: string, recursive: boolean): ManifestSource[] {
  const out: ManifestSource[] = [];
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    const label = join(shown, entry);
    if (statSync(full).isDirectory()) {
      if (recursive) out.push(...readDirectory(full, label, true));
    } else if (MANIFEST_EXTENSIONS.includes(extname(entry))) {
      out.push({ text: readFileSync(full, 'utf8'), source: label });
    }
  }
  return out;
}

/**
 * Puts an object into the namespace kubectl would send it to: the manifest's namespace, else -n, else
 * "default"; with an explicit -n a different manifest namespace is an error. Cluster-scoped objects keep none.
 */
export function placeInNamespace(inv: Invocation, object: KubeObject, namespaced: boolean): { ok: true; object: KubeObject } | { ok: false; message: string } {
  // SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go SetNamespace/RequireNamespace (v1.31).
  const copy = structuredClone(object);
  if (!namespaced) {
    delete copy.metadata.namespace;
    return { ok: true, object: copy };
  }
  const own = copy.metadata.namespace;
  if (own && inv.namespaceExplicit && own !== inv.namespace) {
    return { ok: false, message: `error: the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.` };
  }
  copy.metadata.namespace = own || inv.namespace;
  return { ok: true, object: copy };
}
