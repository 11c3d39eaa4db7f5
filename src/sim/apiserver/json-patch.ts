/** RFC 6902 JSON patch as the API server applies it (SRC: github.com/evanphx/json-patch, used by apiserver pkg/endpoints/handlers/patch.go). */

type Json = Record<string, unknown>;

/** The patched document, or the error text the library returns. */
export function applyJsonPatch(doc: unknown, ops: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!Array.isArray(ops)) return { ok: false, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let value = structuredClone(doc);
  for (const raw of ops) {
    const op = raw as { op?: string; path?: string; from?: string; value?: unknown };
    const result = applyOne(value, op);
    if (!result.ok) return result;
    value = result.value;
  }
  return { ok: true, value };
}

function applyOne(doc: unknown, op: { op?: string; path?: string; from?: string; value?: unknown }): { ok: true; value: unknown } | { ok: false; message: string } {
  const path = op.path ?? '';
  switch (op.op) {
    case 'add':
      return put(doc, path, op.value, 'add');
    case 'replace':
      return put(doc, path, op.value, 'replace');
    case 'remove':
      return remove(doc, path);
    case 'test': {
      const found = get(doc, path);
      return found.found && JSON.stringify(found.value) === JSON.stringify(op.value) ? { ok: true, value: doc } : { ok: false, message: `testing value ${path} failed: test failed` };
    }
    case 'move':
    case 'copy': {
      const from = get(doc, op.from ?? '');
      if (!from.found) return { ok: false, message: `${op.op} operation does not apply: doc is missing from path: ${op.from}` };
      const base = op.op === 'move' ? remove(doc, op.from ?? '') : { ok: true as const, value: doc };
      return base.ok ? put(base.value, path, from.value, 'add') : base;
    }
    default:
      return { ok: false, message: `Unexpected kind: ${op.op}` };
  }
}

const tokens = (path: string): string[] => path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

function get(doc: unknown, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = doc;
  for (const t of tokens(path)) {
    if (Array.isArray(cur) && /^\d+$/.test(t) && Number(t) < cur.length) cur = cur[Number(t)];
    else if (cur && typeof cur === 'object' && !Array.isArray(cur) && t in (cur as Json)) cur = (cur as Json)[t];
    else return { found: false };
  }
  return { found: true, value: cur };
}

function put(doc: unknown, path: string, value: unknown, mode: 'add' | 'replace'): { ok: true; value: unknown } | { ok: false; message: string } {
  const parts = tokens(path);
  if (parts.length === 0) return { ok: true, value: structuredClone(value) };
  const parent = get(doc, '/' + parts.slice(0, -1).map(escape).join('/'));
  const last = parts[parts.length - 1]!;
  if (!parent.found || typeof parent.value !== 'object' || parent.value === null) {
    return { ok: false, message: `${mode} operation does not apply: doc is missing path: "${path}": missing value` };
  }
  if (Array.isArray(parent.value)) {
    const list = parent.value;
    const index = last === '-' ? list.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > list.length || (mode === 'replace' && index >= list.length)) {
      return { ok: false, message: `${mode} operation does not apply: doc is missing path: "${path}": missing value` };
    }
    if (mode === 'add') list.splice(index, 0, structuredClone(value));
    else list[index] = structuredClone(value);
  } else {
    const obj = parent.value as Json;
    if (mode === 'replace' && !(last in obj)) return { ok: false, message: `replace operation does not apply: doc is missing key: ${path}: missing value` };
    obj[last] = structuredClone(value);
  }
  return { ok: true, value: doc };
}

function remove(doc: unknown, path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const parts = tokens(path);
  const parent = get(doc, '/' + parts.slice(0, -1).map(escape).join('/'));
  const last = parts[parts.length - 1] ?? '';
  if (parent.found && Array.isArray(parent.value) && Number(last) < parent.value.length) {
    parent.value.splice(Number(last), 1);
    return { ok: true, value: doc };
  }
  if (parent.found && parent.value && typeof parent.value === 'object' && last in (parent.value as Json)) {
    delete (parent.value as Json)[last];
    return { ok: true, value: doc };
  }
  return { ok: false, message: `remove operation does not apply: doc is missing path: "${path}": missing value` };
}

const escape = (t: string): string => t.replace(/~/g, '~0').replace(/\//g, '~1');
