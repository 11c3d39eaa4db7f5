/**
 * YAML syntax errors in kubectl's words. kubectl converts each `---` document with sigs.k8s.io/yaml
 * (go-yaml v2), whose messages are `yaml: line N: <problem>` with N counted inside the document
 * (SRC: go-yaml v2 decode.go parser.fail, scannerc.go/parserc.go problem strings;
 * apimachinery pkg/util/yaml/decoder.go YAMLReader). The `yaml` package finds the same mistakes with its
 * own codes; this maps the common ones onto go-yaml's problems.
 */
import type { YAMLError } from 'yaml';

/** go-yaml's problem text for a `yaml` package error. */
export function goYamlProblem(error: YAMLError): string {
  const message = error.message;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence')) return "did not find expected ',' or ']'";
      if (message.startsWith('Flow mapping')) return "did not find expected ',' or '}'";
      return 'did not find expected key';
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing')) return 'found unexpected end of stream';
      if (message.startsWith('Sequence item without')) return "did not find expected '-' indicator";
      return 'could not find expected \':\'';
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected node content';
    case 'BAD_ALIAS':
    case 'BAD_COLLECTION_TYPE':
      return 'did not find expected node content';
    default:
      // Not one go-yaml words differently: keep the yaml package's sentence without its position suffix.
      return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  }
}

/** Lines (1-based) where kubectl's YAMLReader starts a new document: `---` at column 0 not followed by content. */
export function documentSeparatorLines(text: string): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('---')) continue;
    const rest = line.slice(3).trim();
    if (rest === '' || rest.startsWith('#')) out.push(i + 1);
  }
  return out;
}

/** The line inside its document (what go-yaml reports) of an absolute file line. */
export function lineInDocument(absoluteLine: number, separators: readonly number[]): number {
  const before = separators.filter((s) => s < absoluteLine);
  return before.length === 0 ? absoluteLine : absoluteLine - before[before.length - 1]!;
}
