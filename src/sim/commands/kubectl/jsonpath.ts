/** kubectl's JSONPath templates (`-o jsonpath=…`, custom-columns): field paths, [n], [*], filters, range/end, literals. */

/** A parse failure, worded like client-go's jsonpath errors. */
export class JsonPathError extends Error {}

type Node = { kind: 'text'; text: string } | { kind: 'expr'; path: string } | { kind: 'range'; path: string; body: Node[] };

/** Evaluates a template against `root`; missing fields print nothing (kubectl's --allow-missing-template-keys=true). */
export function executeJsonPath(template: string, root: unknown): string {
  // SRC: kubernetes staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (v1.31).
  return render(parseTemplate(template), root);
}

/** The values one path expression selects (for custom-columns). */
export function selectPath(path: string, root: unknown): unknown[] {
  return evaluate(path.trim(), root);
}

/** `.metadata.name` or `{.metadata.name}` → `{.metadata.name}` (kubectl's RelaxedJSONPathExpression). */
export function relaxedPath(spec: string): string {
  const inner = spec.startsWith('{') && spec.endsWith('}') ? spec.slice(1, -1) : spec;
  return inner.startsWith('.') || inner.startsWith('$') ? inner : `.${inner}`;
}

function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: { path: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack.at(-1)!.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack.at(-1)!.push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action.startsWith('range ')) {
      ranges.push({ path: action.slice(6).trim() });
      stack.push([]);
    } else if (action === 'end') {
      const body = stack.pop();
      const range = ranges.pop();
      if (!body || !range || stack.length === 0) throw new JsonPathError('not in range, nothing to end');
      stack.at(-1)!.push({ kind: 'range', path: range.path, body });
    } else if (/^".*"$/s.test(action)) {
      stack.at(-1)!.push({ kind: 'text', text: JSON.parse(action) as string });
    } else {
      stack.at(-1)!.push({ kind: 'expr', path: action });
    }
  }
  if (stack.length !== 1) throw new JsonPathError('unclosed range');
  return stack[0]!;
}

// A `}` inside a quoted literal does not close the action.
function findClose(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (text[i] === '}' && !quoted) return i;
  }
  return -1;
}

function render(nodes: Node[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'expr') out += evaluate(node.path, data).map(formatValue).join(' ');
    else for (const item of evaluate(node.path, data)) out += render(node.body, item);
  }
  return out;
}

/** A value as jsonpath prints it: strings raw, objects/arrays as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Path steps: `.name`, `['name']`, `[n]`, `[*]`, `[?(@.a.b=="x")]`; a leading `$` or `@` is the current node.
function evaluate(path: string, data: unknown): unknown[] {
  let current: unknown[] = [data];
  let rest = path.replace(/^[$@]/, '');
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = /^\.([^.[\]]+)/.exec(rest)) || (m = /^\[['"]([^'"]+)['"]\]/.exec(rest))) {
      const key = m[1]!;
      current = current.flatMap((v) => (isRecord(v) && key in v ? [v[key]] : []));
    } else if ((m = /^\[\*\]/.exec(rest)) || (m = /^\.\*/.exec(rest))) {
      current = current.flatMap((v) => (Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : []));
    } else if ((m = /^\[(-?\d+)\]/.exec(rest))) {
      const index = Number(m[1]);
      current = current.flatMap((v) => (Array.isArray(v) && v.at(index) !== undefined ? [v.at(index)] : []));
    } else if ((m = /^\[\?\(@(\.[^=!<>)]+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\)\]/.exec(rest))) {
      const [, sub, op, dq, sq, bare] = m;
      const want = dq ?? sq ?? bare ?? '';
      current = current.flatMap((v) => (Array.isArray(v) ? v : [])).filter((item) => {
        const got = evaluate(sub!, item).map(formatValue)[0];
        return op === '==' ? got === want : got !== want;
      });
    } else if (rest === '.') {
      break;
    } else {
      throw new JsonPathError(`unrecognized character in action: ${rest}`);
    }
    rest = rest.slice(m[0].length);
  }
  return current;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
