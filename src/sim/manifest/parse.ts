/**
 * Manifests → objects the way `kubectl apply/create -f` reads them (SRC: cli-runtime pkg/resource/visitor.go
 * StreamVisitor, builder.go; kubectl pkg/validation/schema.go; apimachinery meta NoKindMatchError, v1.31):
 * multi-document YAML or JSON, comments and empty documents skipped, `kind: List` flattened.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../model/meta.ts';
import type { ResourceRegistry } from '../kinds.ts';
import { chunkStartLines, goYamlMessage, goYamlProblem } from './yaml-errors.ts';

/** Where in the file a YAML syntax error is (1-based); kubectl itself prints only go-yaml's chunk-relative line. */
export interface ManifestPosition { line: number; column: number }

/**
 * The objects of a manifest file, or kubectl's error text (`error: …` lines; several errors one per line) and,
 * for a YAML syntax error, its absolute position in the file (for hints; not part of kubectl's text).
 */
export function parseManifests(
  text: string,
  source: string,
  resources: ResourceRegistry,
): { ok: true; objects: KubeObject[] } | { ok: false; message: string; at?: ManifestPosition } {
  // go-yaml v2 is a YAML 1.1 parser (yes/no/on/off are booleans) that keeps dates as strings and the last duplicate key.
  const docs = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const chunks = chunkStartLines(text);
  for (const doc of list) {
    const error = doc.errors[0];
    if (!error) continue;
    const at = error.linePos?.[0] ?? { line: 1, col: 1 };
    // SRC: cli-runtime pkg/resource/visitor.go StreamVisitor ("error parsing %s: %v"); sigs.k8s.io/yaml YAMLToJSON.
    const yamlText = goYamlMessage(goYamlProblem(error), at.line, chunks);
    return {
      ok: false,
      message: `error: error parsing ${source}: error converting YAML to JSON: ${yamlText}`,
      at: { line: at.line, column: at.col },
    };
  }
  const raw: unknown[] = [];
  for (const doc of list) {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (isObject(value) && value.kind === 'List' && Array.isArray(value.items)) raw.push(...value.items);
    else raw.push(value);
  }
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const item of raw) {
    if (!isObject(item)) {
      errors.push(`error: unable to decode "${source}": json: cannot unmarshal ${goJsonType(item)} into Go value of type map[string]interface {}`);
      continue;
    }
    const missing = [...(item.apiVersion ? [] : ['apiVersion not set']), ...(item.kind ? [] : ['kind not set'])];
    if (missing.length > 0) {
      const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
      errors.push(`error: error validating "${source}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`);
      continue;
    }
    const obj = { ...item, metadata: isObject(item.metadata) ? item.metadata : {} } as unknown as KubeObject;
    if (!resources.byKind(String(obj.apiVersion), String(obj.kind))) {
      errors.push(
        `error: resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": ` +
          `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
      );
      continue;
    }
    objects.push(obj);
  }
  return errors.length ? { ok: false, message: errors.join('\n') } : { ok: true, objects };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}
