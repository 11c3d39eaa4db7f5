/**
 * `-f` sources read the way the resource builder visits them with ContinueOnError: every document of
 * every file in order; a document whose kind does not map (or does not decode) is an error and the next
 * document is still read; a YAML syntax or validation error ends that file (its earlier documents stay).
 * SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go StreamVisitor.Visit,
 * EagerVisitorList.Visit; mapper.go infoForData (v1.31).
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceRegistry } from '../../kinds.ts';
import { parseManifests } from '../../manifest/parse.ts';
import type { Invocation } from './command-tree.ts';
import { readSources } from './files.ts';

/** One visited document: an object with its source, or the error text kubectl reports for it (no `error: ` prefix). */
export type StreamItem = { object: KubeObject; source: string } | { error: string; source: string };

/** Every document of every -f source, in order; `ok: false` for a source that cannot be read at all. */
export function visitManifests(inv: Invocation): { ok: true; items: StreamItem[] } | { ok: false; message: string } {
  const read = readSources(inv);
  if (!read.ok) return read;
  return { ok: true, items: read.sources.flatMap(({ text, source }) => visitSource(text, source, inv.sim.resources)) };
}

/** The documents of one manifest text, continuing past unknown kinds and stopping at a syntax/validation error. */
export function visitSource(text: string, source: string, resources: ResourceRegistry): StreamItem[] {
  const whole = parseManifests(text, source, resources);
  if (whole.ok) return whole.objects.map((object) => ({ object, source }));
  // Slow path: parse each document alone, the others blanked so line numbers in messages stay the file's.
  const lines = text.split('\n');
  const separators = new Set(separatorLines(lines));
  const starts = [0, ...[...separators].map((s) => s - 1)];
  const items: StreamItem[] = [];
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? lines.length;
    const masked = lines.map((line, n) => ((n >= start && n < end) || separators.has(n + 1) ? line : '')).join('\n');
    const parsed = parseManifests(masked, source, resources);
    if (parsed.ok) {
      items.push(...parsed.objects.map((object) => ({ object, source })));
      continue;
    }
    const errors = splitErrors(parsed.message);
    const stop = errors.findIndex(endsStream);
    if (stop >= 0) {
      items.push(...errors.slice(0, stop + 1).map((error) => ({ error, source })));
      return items;
    }
    items.push(...listItems(masked, source, resources) ?? errors.map((error) => ({ error, source })));
  }
  return items;
}

// SRC: apimachinery pkg/util/yaml/decoder.go YAMLReader.Read: a line "---" (optionally followed by a comment) splits documents.
function separatorLines(lines: string[]): number[] {
  return lines.flatMap((line, i) => (line.startsWith('---') && /^\s*(#.*)?$/.test(line.slice(3)) ? [i + 1] : []));
}

// parseManifests joins several errors with newlines; each starts with "error: " (a mapping error spans two lines).
function splitErrors(message: string): string[] {
  return message.split(/\n(?=error: )/).map((e) => e.replace(/^error: /, ''));
}

// StreamVisitor returns (ending the file) on a decode (syntax) or schema-validation error.
function endsStream(error: string): boolean {
  return error.startsWith('error parsing ') || error.startsWith('error validating ');
}

// A `kind: List` document: its items are visited one by one (FlattenListVisitor), so good items survive bad ones.
function listItems(masked: string, source: string, resources: ResourceRegistry): StreamItem[] | undefined {
  const doc = parseAllDocuments(masked, { version: '1.1', uniqueKeys: false })
    .map((d) => d.toJS() as unknown)
    .find((v) => v !== null && v !== undefined);
  if (!isList(doc)) return undefined;
  return doc.items.flatMap((item): StreamItem[] => {
    const parsed = parseManifests(JSON.stringify(item), source, resources);
    return parsed.ok ? parsed.objects.map((object) => ({ object, source })) : splitErrors(parsed.message).map((error) => ({ error, source }));
  });
}

function isList(v: unknown): v is { items: unknown[] } {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'List' && Array.isArray((v as { items?: unknown }).items);
}
