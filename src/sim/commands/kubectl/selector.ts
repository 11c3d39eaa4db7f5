/** `-l` label selectors: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated (all must hold). */

/** One parsed requirement. */
export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

/** Parses a selector string; errors name the offending part. */
export function parseSelector(text: string): { ok: true; requirements: Requirement[] } | { ok: false; message: string } {
  // SRC: kubernetes staging/src/k8s.io/apimachinery/pkg/labels/selector.go Parse (v1.31).
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    const item = part.trim();
    if (item === '') continue;
    const setMatch = /^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(item);
    if (setMatch) {
      const values = setMatch[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
      requirements.push({ key: setMatch[1]!, op: setMatch[2] as 'in' | 'notin', values });
      continue;
    }
    const cmp = /^([^\s!=(),]+)\s*(==|!=|=)\s*([^\s!=(),]*)$/.exec(item);
    if (cmp) {
      requirements.push({ key: cmp[1]!, op: cmp[2] === '!=' ? 'neq' : 'eq', value: cmp[3]! });
      continue;
    }
    const exists = /^(!?)([^\s!=(),]+)$/.exec(item);
    if (exists) {
      requirements.push({ key: exists[2]!, op: exists[1] ? 'notexists' : 'exists' });
      continue;
    }
    return { ok: false, message: `error: unable to parse requirement: "${item}" is not a label selector (use key=value, key!=value, key in (a,b), key notin (a), key or !key)` };
  }
  return { ok: true, requirements };
}

/** True when every requirement holds for these labels. */
export function matchesSelector(requirements: Requirement[], labels: Record<string, string> | undefined): boolean {
  return requirements.every((r) => {
    const has = labels !== undefined && Object.hasOwn(labels, r.key);
    const value = labels?.[r.key];
    switch (r.op) {
      case 'eq':
        return has && value === r.value;
      case 'neq':
        return !has || value !== r.value;
      case 'in':
        return has && r.values.includes(value!);
      case 'notin':
        return !has || !r.values.includes(value!);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
    }
  });
}

// Commas inside "in (a,b)" do not separate requirements.
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
