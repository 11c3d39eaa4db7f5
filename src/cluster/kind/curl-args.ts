/**
 * curl on the real cluster, seen from its command line: what each curl in a line asks for (URLs, method,
 * -H headers, -u, -L, -i/-I, -o), and the same line with `-D <file>` added to each curl so the response
 * headers are dumped to a file the kind backend reads back — stdout and stderr stay what the user sees.
 * SRC: curl docs/cmdline-opts (curl 7.x/8.x): -D/--dump-header writes every received header block
 * (all of them with -L) in the form -i prints; when given twice the last one wins.
 */

/** One curl invocation in a command line. */
export interface CurlInvocation {
  urls: string[];
  /** -X, else HEAD for -I, POST for -d, else GET. */
  method: string;
  /** -H headers as given (name as typed, value). */
  headers: [string, string][];
  user?: string;
  follow: boolean;
  /** -i: the header blocks precede the body on stdout. */
  include: boolean;
  /** -o <file> other than "-": the body is not on stdout. */
  bodyToFile: boolean;
  data?: string;
  /** The user's own -D: their dump wins over ours, so no headers can be read back. */
  ownDump: boolean;
}

// Options that take a value (the next word, or the rest of a short-option cluster).
const SHORT_WITH_VALUE = new Set('HXudoDmAewxEbcTFrUKYyzCQtPZ'.split(''));
const LONG_WITH_VALUE = new Set(['header', 'request', 'user', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'output', 'dump-header', 'max-time',
  'connect-timeout', 'resolve', 'connect-to', 'user-agent', 'referer', 'write-out', 'proxy', 'cacert', 'capath', 'cert', 'key', 'cookie', 'cookie-jar',
  'upload-file', 'form', 'range', 'retry', 'retry-delay', 'retry-max-time', 'interface', 'config', 'max-redirs', 'limit-rate', 'output-dir', 'url', 'noproxy', 'proxy-user', 'oauth2-bearer']);

/** Splits a shell segment into words, honouring '…', "…" and backslashes (no expansion). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) { if (word !== undefined) words.push(word); word = undefined; continue; }
    word ??= '';
    if (ch === "'") { const end = text.indexOf("'", i + 1); word += text.slice(i + 1, end < 0 ? undefined : end); i = end < 0 ? text.length : end; }
    else if (ch === '"') { let j = i + 1; while (j < text.length && text[j] !== '"') { if (text[j] === '\\' && j + 1 < text.length) j++; word += text[j]; j++; } i = j; }
    else if (ch === '\\' && i + 1 < text.length) word += text[++i];
    else word += ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The curl invocations of a line, in order, with where each `curl` word ends (to insert after it). */
export function curlInvocations(line: string): (CurlInvocation & { insertAt: number })[] {
  const unquoted = line.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (q) => 'x'.repeat(q.length));
  const found: (CurlInvocation & { insertAt: number })[] = [];
  const bounds = [0, ...[...unquoted.matchAll(/\|\||&&|[|;&\n()]/g)].flatMap((m) => [m.index!, m.index! + m[0].length]), line.length];
  for (let k = 0; k < bounds.length; k += 2) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    // The command word, after VAR=value assignments, sudo, and the loop/condition keywords that precede it.
    const m = /^(\s*(?:[A-Za-z_]\w*=\S*\s+|sudo\s+|do\s+|then\s+|else\s+|\{\s+|time\s+)*)((?:\S*\/)?curl)(?=\s|$)/.exec(unquoted.slice(from, to));
    if (!m) continue;
    const insertAt = from + m[1]!.length + m[2]!.length;
    found.push({ ...parseCurlArgs(shellWords(line.slice(insertAt, to))), insertAt });
  }
  return found;
}

/** curl's arguments (after the program name) as an invocation. */
export function parseCurlArgs(args: string[]): CurlInvocation {
  const inv: CurlInvocation = { urls: [], method: '', headers: [], follow: false, include: false, bodyToFile: false, ownDump: false };
  let head = false;
  const take = (name: string, value: string) => {
    if (name === 'H' || name === 'header') { const c = value.indexOf(':'); if (c > 0) inv.headers.push([value.slice(0, c).trim(), value.slice(c + 1).trim()]); }
    else if (name === 'X' || name === 'request') inv.method = value;
    else if (name === 'u' || name === 'user') inv.user = value;
    else if (name === 'd' || name.startsWith('data')) inv.data = value;
    else if (name === 'o' || name === 'output') inv.bodyToFile = value !== '-';
    else if (name === 'D' || name === 'dump-header') inv.ownDump = true;
    else if (name === 'url') inv.urls.push(value);
  };
  const flag = (name: string) => {
    if (name === 'L' || name === 'location') inv.follow = true;
    else if (name === 'i' || name === 'include') inv.include = true;
    else if (name === 'I' || name === 'head') head = true;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string?];
      if (LONG_WITH_VALUE.has(name)) take(name, inline ?? args[++i] ?? '');
      else flag(name);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        if (SHORT_WITH_VALUE.has(ch)) { take(ch, j + 1 < a.length ? a.slice(j + 1) : args[++i] ?? ''); break; }
        flag(ch);
      }
    } else {
      inv.urls.push(a);
    }
  }
  inv.method ||= head ? 'HEAD' : inv.data !== undefined ? 'POST' : 'GET';
  if (head) inv.bodyToFile = true; // -I prints headers only
  return inv;
}

/** Marks the start of the header dumps appended to stderr (stripped again before anyone sees stderr). */
export const DUMP_MARKER = '--kubelab-curl-dump';

/**
 * The line with `-D <file i>` after each curl, wrapped so the dumps follow the line's own stderr behind
 * DUMP_MARKER and the line's exit code is kept. Lines without curl come back unchanged.
 */
export function instrumentCurl(line: string, fileFor: (i: number) => string): { line: string; count: number } {
  const found = curlInvocations(line);
  if (found.length === 0) return { line, count: 0 };
  let out = line;
  found.map((f, i) => ({ at: f.insertAt, i })).reverse().forEach(({ at, i }) => { out = `${out.slice(0, at)} -D ${fileFor(i)}${out.slice(at)}`; });
  const files = found.map((_, i) => fileFor(i));
  const dumps = files.map((f) => `printf '\\n${DUMP_MARKER} %s\\n' ${f} >&2; cat ${f} >&2 2>/dev/null; rm -f ${f}`).join('; ');
  // Newlines, not ';': the user's line may end in a comment or a '&'.
  return { line: `rm -f ${files.join(' ')}\n${out}\n__kubelab_rc=$?; ${dumps}; exit $__kubelab_rc`, count: found.length };
}

/** Splits the wrapped line's stderr into the user's stderr and one dump per curl (empty when curl got no response). */
export function splitDumps(stderr: string, count: number): { stderr: string; dumps: string[] } {
  const at = stderr.indexOf(`\n${DUMP_MARKER} `);
  if (at < 0) return { stderr, dumps: Array.from({ length: count }, () => '') };
  const parts = stderr.slice(at + 1).split(new RegExp(`(?:^|\\n)${DUMP_MARKER} \\S+\\n`)).slice(1);
  return { stderr: stderr.slice(0, at), dumps: Array.from({ length: count }, (_, i) => parts[i] ?? '') };
}
