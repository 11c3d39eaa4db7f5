/** `-o yaml` as kubectl prints it: sigs.k8s.io/yaml over go-yaml v2 (keys sorted, sequences not indented, YAML 1.1 quoting). */
import { stringify, type Pair } from 'yaml';

// SRC: kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go (v1.31): objects are converted to
// JSON and then to YAML by sigs.k8s.io/yaml, whose go-yaml v2 encoder sorts map keys (keyList.Less) and
// quotes strings that YAML 1.1 would read as something else ("yes", "on", timestamps, numbers).
/** One object (or a List) as kubectl's YAML printer writes it. */
export function toKubectlYaml(value: unknown): string {
  return stringify(value, {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    sortMapEntries: (a: Pair, b: Pair) => compareYamlKeys(String(a.key), String(b.key)),
  });
}

/**
 * go-yaml v2's key order: rune by rune; letters compare by code point, a non-letter sorts before a
 * letter, runs of digits compare as numbers ("a9" < "a10"); a prefix sorts first.
 */
export function compareYamlKeys(a: string, b: string): number {
  // SRC: gopkg.in/yaml.v2 sorter.go keyList.Less (vendored by sigs.k8s.io/yaml).
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x < y ? -1 : 1;
    if (xl || yl) return yl ? -1 : 1;
    const xn = digitRun(ar, i);
    const yn = digitRun(br, i);
    if (xn.value !== yn.value) return xn.value < yn.value ? -1 : 1;
    if (xn.end !== yn.end) return xn.end < yn.end ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return ar.length - br.length;
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function digitRun(runes: string[], start: number): { value: number; end: number } {
  let value = 0;
  let end = start;
  while (end < runes.length && /[0-9]/.test(runes[end]!)) value = value * 10 + Number(runes[end++]);
  return { value, end };
}
