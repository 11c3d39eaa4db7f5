/**
 * The shape every annotation module shares, and the typed getters of upstream's parser package.
 * SRC: ingress-nginx internal/ingress/annotations/parser/main.go (controller-v1.11.2).
 * Annotation validation is off in v1.11 (--enable-annotation-validation=false), so values are
 * never rejected here; unusable values fall back (with a warning) or deny the location (503).
 */
import type { Ingress } from '../../../model/networking.ts';
import type { Secret, Service } from '../../../model/core.ts';
import type { ControllerConfig } from '../types.ts';

/** The annotation prefix of ingress-nginx. */
export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io';

/** Objects a parser may look up (upstream's resolver.Resolver). */
export interface Resolver {
  secret(namespace: string, name: string): Secret | undefined;
  service(namespace: string, name: string): Service | undefined;
}

/** What a parser sees. */
export interface ParseContext {
  ingress: Ingress;
  resolver: Resolver;
  config: ControllerConfig;
}

/** A parser result: the value, plus what the controller logs, plus an optional location denial (→ 503). */
export interface Parsed<T> { value: T; warnings: string[]; denied?: string }

/** One annotation module: the keys it reads, its parser, and the Location field it fills. */
export interface AnnotationModule<F extends string, T> {
  /** The field of ParsedAnnotations this module fills. */
  field: F;
  /** Annotation keys without the prefix. */
  keys: readonly string[];
  parse(ctx: ParseContext): Parsed<T>;
}

/** Identity helper that exists only for type inference. */
export function defineAnnotation<F extends string, T>(module: AnnotationModule<F, T>): AnnotationModule<F, T> {
  return module;
}

/** A value with no warnings. */
export function ok<T>(value: T, warnings: string[] = []): Parsed<T> {
  return { value, warnings };
}

/** Result of reading one annotation: absent, present-but-unusable, or a value. */
export type Read<T> = { kind: 'missing' } | { kind: 'invalid'; raw: string } | { kind: 'value'; value: T; raw: string };

function raw(ing: Ingress, key: string): string | undefined {
  return ing.metadata.annotations?.[`${ANNOTATION_PREFIX}/${key}`];
}

/** parseString: each line trimmed; empty → invalid content. SRC: parser/main.go normalizeString. */
export function readString(ing: Ingress, key: string): Read<string> {
  const value = raw(ing, key);
  if (value === undefined) return { kind: 'missing' };
  const normalised = value.split('\n').map((line) => line.trim()).join('\n');
  return normalised === '' ? { kind: 'invalid', raw: value } : { kind: 'value', value: normalised, raw: value };
}

// Go strconv.ParseBool accepts exactly these spellings.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** parseBool with Go's strconv.ParseBool. */
export function readBool(ing: Ingress, key: string): Read<boolean> {
  const value = raw(ing, key);
  if (value === undefined) return { kind: 'missing' };
  if (GO_TRUE.has(value)) return { kind: 'value', value: true, raw: value };
  if (GO_FALSE.has(value)) return { kind: 'value', value: false, raw: value };
  return { kind: 'invalid', raw: value };
}

/** parseInt with Go's strconv.Atoi (optional sign, decimal digits only). */
export function readInt(ing: Ingress, key: string): Read<number> {
  const value = raw(ing, key);
  if (value === undefined) return { kind: 'missing' };
  if (!/^[+-]?\d+$/.test(value)) return { kind: 'invalid', raw: value };
  return { kind: 'value', value: Number.parseInt(value, 10), raw: value };
}

/** The warning text the simulator records for an annotation value upstream cannot use. */
export function invalidWarning(ing: Ingress, key: string, rawValue: string, fallback: string): string {
  return `ingress ${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}: annotation ${ANNOTATION_PREFIX}/${key} has an invalid value ${JSON.stringify(rawValue)}; ${fallback}`;
}

/** A boolean annotation with a default (missing or invalid → default, invalid also warns). */
export function boolWithDefault(ctx: ParseContext, key: string, fallback: boolean): Parsed<boolean> {
  const read = readBool(ctx.ingress, key);
  if (read.kind === 'value') return ok(read.value);
  if (read.kind === 'invalid') return ok(fallback, [invalidWarning(ctx.ingress, key, read.raw, `using ${fallback}`)]);
  return ok(fallback);
}

/** A string annotation whose absence or emptiness means `fallback`. */
export function stringWithDefault(ctx: ParseContext, key: string, fallback: string): Parsed<string> {
  const read = readString(ctx.ingress, key);
  if (read.kind === 'value') return ok(read.value);
  if (read.kind === 'invalid') return ok(fallback, [invalidWarning(ctx.ingress, key, read.raw, `using ${JSON.stringify(fallback)}`)]);
  return ok(fallback);
}
