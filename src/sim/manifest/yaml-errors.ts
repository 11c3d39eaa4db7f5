/**
 * YAML syntax errors in kubectl's words. kubectl splits the stream with apimachinery's YAMLReader and converts
 * each chunk with sigs.k8s.io/yaml (go-yaml v2), whose messages are `yaml: line N: <problem>` (SRC: go-yaml v2
 * decode.go parser.fail, scannerc.go/parserc.go problem strings; apimachinery pkg/util/yaml/decoder.go YAMLReader.Read, v1.31).
 * go-yaml gives no column, and N is 1-based for scanner errors but the 0-based line of the problem token for
 * parser errors ("Scanner errors don't iterate line"), so `did not find expected key` names the line above the
 * offending one. The `yaml` package finds the same mistakes with its own codes; this maps the common ones.
 */
import type { YAMLError } from 'yaml';

/** go-yaml's problem text, and whether its scanner (1-based line) or parser (0-based line) reports it. */
export interface GoYamlProblem { problem: string; stage: 'scanner' | 'parser' }

/** go-yaml's problem for a `yaml` package error. */
export function goYamlProblem(error: YAMLError): GoYamlProblem {
  const message = error.message;
  const scanner = (problem: string): GoYamlProblem => ({ problem, stage: 'scanner' });
  const parser = (problem: string): GoYamlProblem => ({ problem, stage: 'parser' });
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return scanner('mapping values are not allowed in this context');
    case 'TAB_AS_INDENT':
      return scanner('found character that cannot start any token');
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence')) return parser("did not find expected ',' or ']'");
      if (message.startsWith('Flow mapping')) return parser("did not find expected ',' or '}'");
      return parser('did not find expected key');
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing')) return scanner('found unexpected end of stream');
      if (message.startsWith('Sequence item without')) return parser("did not find expected '-' indicator");
      return scanner("could not find expected ':'");
    case 'UNEXPECTED_TOKEN':
    case 'BAD_ALIAS':
    case 'BAD_COLLECTION_TYPE':
      return parser('did not find expected node content');
    default:
      // Not one go-yaml words differently: keep the yaml package's sentence without its position suffix.
      return parser(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  }
}

/**
 * The first line (1-based) of each chunk YAMLReader hands to the YAML decoder: a `---` line (only a comment may
 * follow it) ends a non-empty chunk and is dropped; met with an empty buffer (a leading `---`) it stays in the chunk.
 */
export function chunkStartLines(text: string): number[] {
  const lines = text.split('\n');
  const starts = [1];
  let empty = true;
  for (const [i, line] of lines.entries()) {
    const rest = line.startsWith('---') ? line.slice(3).trim() : undefined;
    if (rest !== undefined && (rest === '' || rest.startsWith('#')) && !empty) {
      starts.push(i + 2);
      empty = true;
      continue;
    }
    empty = false;
  }
  return starts;
}

/** `yaml: line N: <problem>` for an error at an absolute file line, as go-yaml reports it inside its chunk. */
export function goYamlMessage(problem: GoYamlProblem, absoluteLine: number, chunkStarts: readonly number[]): string {
  const start = [...chunkStarts].reverse().find((s) => s <= absoluteLine) ?? 1;
  const inChunk = absoluteLine - start + 1;
  // The parser's 0-based mark; on the chunk's first line it is 0, and go-yaml then falls back to the context
  // mark (the enclosing node, usually also line 0) and prints no line at all.
  const line = problem.stage === 'scanner' ? inChunk : inChunk - 1;
  return line > 0 ? `yaml: line ${line}: ${problem.problem}` : `yaml: ${problem.problem}`;
}

/** Lines (1-based) holding a YAMLReader document separator: `---` at column 0, followed by nothing but a comment. */
export function documentSeparatorLines(text: string): number[] {
  const out: number[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.startsWith('---')) continue;
    const rest = line.slice(3).trim();
    if (rest === '' || rest.startsWith('#')) out.push(i + 1);
  }
  return out;
}
