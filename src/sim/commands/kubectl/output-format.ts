/** `-o` formats: parsing the flag and printing objects as yaml, json, name, jsonpath or custom-columns. */
import type { KubeObject } from '../../../model/meta.ts';
import { toKubectlYaml } from '../../render/yaml.ts';
import { toKubectlJson } from '../../render/json.ts';
import { alignColumns } from '../../render/table.ts';
import { executeJsonPath, relaxedPath, selectPath, formatValue, JsonPathError } from './jsonpath.ts';

/** A parsed `-o` value. `table` is the default human-readable output. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; path: string }[] };

// SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go AllowedFormats (v1.31).
const GET_FORMATS = 'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml';
const WRITE_FORMATS = 'go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, yaml';

/** Parses `-o`; `forGet` allows wide and custom-columns (the table formats only `kubectl get` has). */
export function parseOutputFormat(value: string | undefined, forGet: boolean): { ok: true; format: OutputFormat } | { ok: false; message: string } {
  if (value === undefined || value === '') return { ok: true, format: { kind: 'table', wide: false } };
  if (value === 'yaml' || value === 'json' || value === 'name') return { ok: true, format: { kind: value } };
  if (forGet && value === 'wide') return { ok: true, format: { kind: 'table', wide: true } };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  if (name === 'jsonpath' && arg !== '') return { ok: true, format: { kind: 'jsonpath', template: arg } };
  if (forGet && name === 'custom-columns' && arg !== '') {
    const columns = arg.split(',').map((spec) => {
      const colon = spec.indexOf(':');
      return colon < 0 ? undefined : { header: spec.slice(0, colon), path: relaxedPath(spec.slice(colon + 1)) };
    });
    if (columns.some((c) => c === undefined)) return { ok: false, message: `error: unexpected custom-columns spec: ${arg}, expected <header>:<json-path-expr>` };
    return { ok: true, format: { kind: 'custom-columns', columns: columns as { header: string; path: string }[] } };
  }
  if (['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file', 'custom-columns-file', 'jsonpath-as-json'].includes(name)) {
    return { ok: false, message: `error: -o ${name} is not modelled by the simulated kubectl; use -o jsonpath=..., -o yaml or -o json` };
  }
  return { ok: false, message: `error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${forGet ? GET_FORMATS : WRITE_FORMATS}` };
}

/** A kubectl List wrapping several objects (`get pods -o yaml`). */
export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Prints objects in a non-table format. `single` prints the object itself instead of a List;
 * `typed` keeps insertion order in JSON (objects kubectl built itself); `nameOf` gives `deployment.apps/x`.
 */
export function printStructured(
  objects: KubeObject[],
  format: Exclude<OutputFormat, { kind: 'table' }>,
  opts: { single: boolean; typed?: boolean; nameOf: (obj: KubeObject) => string; noHeaders?: boolean },
): { ok: true; text: string } | { ok: false; message: string } {
  const data = opts.single && objects.length === 1 ? objects[0] : asList(objects);
  try {
    switch (format.kind) {
      case 'yaml':
        return { ok: true, text: toKubectlYaml(data) };
      case 'json':
        return { ok: true, text: toKubectlJson(data, { sortKeys: !opts.typed }) };
      case 'name':
        return { ok: true, text: objects.map((o) => `${opts.nameOf(o)}\n`).join('') };
      case 'jsonpath':
        return { ok: true, text: executeJsonPath(format.template, data) };
      case 'custom-columns': {
        const rows = objects.map((obj) => format.columns.map((c) => cell(selectPath(c.path, obj))));
        return { ok: true, text: alignColumns(opts.noHeaders ? rows : [format.columns.map((c) => c.header), ...rows]) };
      }
    }
  } catch (err) {
    if (err instanceof JsonPathError) return { ok: false, message: `error: error parsing jsonpath ${'template' in format ? format.template : ''}, ${err.message}` };
    throw err;
  }
}

// SRC: kubectl pkg/cmd/get/customcolumn.go printOneObject: values joined by ",", `<none>` when absent.
function cell(values: unknown[]): string {
  const present = values.filter((v) => v !== undefined && v !== null);
  return present.length === 0 ? '<none>' : present.map(formatValue).join(',');
}
