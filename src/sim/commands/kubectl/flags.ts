/** Command-line flags the way kubectl's cobra/pflag parse them (long, short, bundled shorthands, `--`). */

/** How a flag takes its value. `strings` repeats and splits on commas (pflag StringSlice); `array` repeats only. */
export type FlagKind = 'string' | 'bool' | 'int' | 'strings' | 'array';

/** One flag a command accepts. `noOptDefault` is the value of `--flag` given without `=value` (pflag NoOptDefVal). */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  noOptDefault?: string;
}

/** Parsed flags and positional arguments; `dashArgs` are the words after a bare `--`. */
export class ParsedFlags {
  readonly #values = new Map<string, string[]>();
  readonly positionals: string[] = [];
  dashArgs: string[] | undefined;

  /** Records a value (used by the parser). */
  add(name: string, value: string): void {
    this.#values.set(name, [...(this.#values.get(name) ?? []), value]);
  }
  /** Was the flag given at all? */
  has(name: string): boolean {
    return this.#values.has(name);
  }
  /** The last value given (pflag: later wins), or undefined. */
  string(name: string): string | undefined {
    return this.#values.get(name)?.at(-1);
  }
  /** Every value given, comma lists split for `strings` flags. */
  list(name: string): string[] {
    return this.#values.get(name) ?? [];
  }
  /** A bool flag's value. */
  bool(name: string): boolean {
    return this.string(name) === 'true';
  }
  /** Names of the flags given, in no particular order. */
  names(): string[] {
    return [...this.#values.keys()];
  }
}

/** Parses `args` against `specs`; the error text is pflag's (kubectl adds its own prefix and hint). */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): { ok: true; flags: ParsedFlags } | { ok: false; message: string } {
  // SRC: github.com/spf13/pflag flag.go parseLongArg / parseShortArg (v1.0.5, vendored by kubectl v1.31).
  const flags = new ParsedFlags();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      flags.dashArgs = args.slice(i + 1);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      flags.positionals.push(arg);
      continue;
    }
    const step = arg.startsWith('--') ? parseLong(arg, args[i + 1], specs, flags) : parseShort(arg, args[i + 1], specs, flags);
    if (typeof step === 'string') return { ok: false, message: step };
    i += step;
  }
  return { ok: true, flags };
}

// Returns how many following arguments were consumed, or an error message.
function parseLong(arg: string, next: string | undefined, specs: readonly FlagSpec[], flags: ParsedFlags): number | string {
  const body = arg.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = specs.find((s) => s.name === name);
  if (!spec) return `unknown flag: --${name}`;
  if (eq >= 0) return store(spec, body.slice(eq + 1), flags) ?? 0;
  if (spec.kind === 'bool') return store(spec, 'true', flags) ?? 0;
  if (spec.noOptDefault !== undefined) return store(spec, spec.noOptDefault, flags) ?? 0;
  if (next === undefined) return `flag needs an argument: --${name}`;
  return store(spec, next, flags) ?? 1;
}

function parseShort(arg: string, next: string | undefined, specs: readonly FlagSpec[], flags: ParsedFlags): number | string {
  const shorthands = arg.slice(1);
  for (let j = 0; j < shorthands.length; j++) {
    const c = shorthands[j]!;
    const spec = specs.find((s) => s.short === c);
    if (!spec) return `unknown shorthand flag: '${c}' in ${arg}`;
    const rest = shorthands.slice(j + 1);
    if (spec.kind === 'bool' && !rest.startsWith('=')) {
      const err = store(spec, 'true', flags);
      if (err) return err;
      continue;
    }
    if (rest.length > 0) return store(spec, rest.startsWith('=') ? rest.slice(1) : rest, flags) ?? 0;
    if (spec.noOptDefault !== undefined) return store(spec, spec.noOptDefault, flags) ?? 0;
    if (next === undefined) return `flag needs an argument: '${c}' in -${c}`;
    return store(spec, next, flags) ?? 1;
  }
  return 0;
}

// Validates and records one value; returns pflag's error text for a value of the wrong type.
function store(spec: FlagSpec, value: string, flags: ParsedFlags): string | undefined {
  // pflag names a flag in errors as "-s, --long" when it has a shorthand.
  const label = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  if (spec.kind === 'bool') {
    const parsed = parseGoBool(value);
    if (parsed === undefined) return `invalid argument "${value}" for "${label}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`;
    flags.add(spec.name, String(parsed));
    return undefined;
  }
  if (spec.kind === 'int' && !/^[+-]?\d+$/.test(value)) {
    return `invalid argument "${value}" for "${label}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`;
  }
  if (spec.kind === 'strings') for (const part of value.split(',')) flags.add(spec.name, part);
  else flags.add(spec.name, value);
  return undefined;
}

// SRC: go strconv.ParseBool accepted spellings.
function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}
