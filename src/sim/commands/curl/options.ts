/**
 * curl's command line: the options lab commands use, combined short flags (-sk, -Lk) and attached
 * values (-uhowe:redhat, -HHost:x). Unknown options fail as curl 7.76.1 does (exit 2).
 * SRC: curl 7.76.1 src/tool_getparam.c (option table, "option %s: is unknown", "requires parameter").
 */

/** Everything a curl invocation asked for. */
export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  insecure: boolean;
  location: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  fail: boolean;
  headers: string[];
  user?: string;
  method?: string;
  data: string[];
  cookie?: string;
  output?: string;
  writeOut?: string;
  resolve: string[];
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  userAgent?: string;
  http11: boolean;
  cacert?: string;
  maxRedirs: number;
  locationTrusted: boolean;
}

/** A usage error: the stderr text and exit code curl gives. */
export interface CurlUsageError { stderr: string; exitCode: number }

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

// Short letters and long names of the options that take a value.
const VALUED: Record<string, string> = {
  H: 'header', u: 'user', X: 'request', d: 'data', b: 'cookie', o: 'output', w: 'write-out', m: 'max-time', A: 'user-agent', e: 'referer',
};
const VALUED_LONG = new Set(['header', 'user', 'request', 'data', 'data-raw', 'data-binary', 'data-ascii', 'cookie', 'output', 'write-out', 'resolve', 'max-time', 'connect-timeout', 'user-agent', 'cacert', 'max-redirs', 'url', 'referer']);
const BOOLEAN: Record<string, string> = { s: 'silent', S: 'show-error', k: 'insecure', L: 'location', I: 'head', i: 'include', v: 'verbose', f: 'fail' };
const BOOLEAN_LONG = new Set([...Object.values(BOOLEAN), 'http1.1', 'location-trusted', 'no-progress-meter']);

/** Parses argv (argv[0] = "curl"). */
export function parseCurlArgs(argv: string[]): { ok: true; options: CurlOptions } | { ok: false; error: CurlUsageError } {
  const o: CurlOptions = {
    urls: [], silent: false, showError: false, insecure: false, location: false, head: false, include: false, verbose: false, fail: false,
    headers: [], data: [], resolve: [], http11: false, maxRedirs: 50, locationTrusted: false,
  };
  const unknown = (opt: string) => ({ ok: false as const, error: { stderr: `curl: option ${opt}: is unknown\n${TRY}`, exitCode: 2 } });
  const needs = (opt: string) => ({ ok: false as const, error: { stderr: `curl: option ${opt}: requires parameter\n${TRY}`, exitCode: 2 } });
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      // curl takes long option values as the next argument only (no --opt=value form).
      const name = a.slice(2);
      if (eq >= 0 && !BOOLEAN_LONG.has(name) && !VALUED_LONG.has(name)) return unknown(a);
      if (BOOLEAN_LONG.has(name)) { setBoolean(o, name); continue; }
      if (!VALUED_LONG.has(name)) return unknown(a);
      const value = argv[++i];
      if (value === undefined) return needs(a);
      const err = setValue(o, name, value, a);
      if (err) return { ok: false, error: err };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j]!;
        if (BOOLEAN[letter]) { setBoolean(o, BOOLEAN[letter]); continue; }
        const long = VALUED[letter];
        if (!long) return unknown(`-${letter}`);
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (value === undefined) return needs(`-${letter}`);
        const err = setValue(o, long, value, `-${letter}`);
        if (err) return { ok: false, error: err };
        break;
      }
    } else {
      o.urls.push(a);
    }
  }
  if (o.urls.length === 0) return { ok: false, error: { stderr: `curl: no URL specified!\n${TRY}`, exitCode: 2 } };
  return { ok: true, options: o };
}

function setBoolean(o: CurlOptions, name: string): void {
  switch (name) {
    case 'silent': o.silent = true; break;
    case 'show-error': o.showError = true; break;
    case 'insecure': o.insecure = true; break;
    case 'location': o.location = true; break;
    case 'location-trusted': o.location = true; o.locationTrusted = true; break;
    case 'head': o.head = true; break;
    case 'include': o.include = true; break;
    case 'verbose': o.verbose = true; break;
    case 'fail': o.fail = true; break;
    case 'http1.1': o.http11 = true; break;
    case 'no-progress-meter': break; // the meter never shows: output here is not a terminal
  }
}

function setValue(o: CurlOptions, name: string, value: string, written: string): CurlUsageError | undefined {
  const seconds = (v: string) => {
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
  };
  switch (name) {
    case 'header': o.headers.push(value); return undefined;
    case 'user': o.user = value; return undefined;
    case 'request': o.method = value; return undefined;
    case 'data': case 'data-ascii': case 'data-binary': case 'data-raw': o.data.push(value); return undefined;
    case 'cookie':
      // Without "=" curl reads a cookie file; kubelab models only literal NAME=VALUE cookies.
      if (!value.includes('=')) return { stderr: `curl: option ${written}: kubelab models only NAME=VALUE cookies; cookie files ("${value}") are not supported\n`, exitCode: 2 };
      o.cookie = value;
      return undefined;
    case 'output': o.output = value; return undefined;
    case 'write-out': o.writeOut = value; return undefined;
    case 'resolve': o.resolve.push(value); return undefined;
    case 'user-agent': o.userAgent = value; return undefined;
    case 'cacert': o.cacert = value; return undefined;
    case 'referer': o.headers.push(`Referer: ${value}`); return undefined;
    case 'url': o.urls.push(value); return undefined;
    case 'max-redirs': {
      const n = Number(value);
      if (!Number.isInteger(n)) return { stderr: `curl: option ${written}: expected a proper numerical parameter\n${TRY}`, exitCode: 2 };
      o.maxRedirs = n;
      return undefined;
    }
    case 'max-time': case 'connect-timeout': {
      const ms = seconds(value);
      if (ms === undefined) return { stderr: `curl: option ${written}: expected a proper numerical parameter\n${TRY}`, exitCode: 2 };
      if (name === 'max-time') o.maxTimeMs = ms; else o.connectTimeoutMs = ms;
      return undefined;
    }
  }
  return undefined;
}
