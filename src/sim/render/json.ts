/** `-o json` as kubectl prints it: Go's json.MarshalIndent with four spaces. */

// SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/json.go (v1.31): json.MarshalIndent(obj, "", "    ").
// Objects read from the server are unstructured maps, which encoding/json writes with sorted keys;
// typed objects kubectl builds itself (create/expose --dry-run=client) keep Go struct field order.
/** JSON text with a trailing newline; `sortKeys` for server objects, insertion order for generated ones. */
export function toKubectlJson(value: unknown, opts: { sortKeys: boolean }): string {
  const text = JSON.stringify(opts.sortKeys ? sortDeep(value) : value, null, 4);
  // encoding/json escapes <, > and & for safe embedding in HTML ("<none>" → "\u003cnone\u003e").
  return `${text.replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`)}\n`;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  // Go sorts map keys by their UTF-8 bytes.
  entries.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortDeep(v)]));
}
