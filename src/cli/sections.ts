/** The tutorial's sections as feature files: found by their `@section-…` tag, kept in tutorial order. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../index.ts';

/** One feature file standing for one tutorial section. */
export interface SectionFeature {
  section: string;
  title: string;
  /** Path relative to the project root, with forward slashes (as cucumber reports URIs). */
  uri: string;
}

/** Reads the section tag and the Feature title of a feature file's text (undefined when it has no section tag). */
export function readSection(uri: string, text: string): SectionFeature | undefined {
  const tag = /(?:^|\s)@section-(\d+(?:\.\d+)*)(?=\s|$)/m.exec(text);
  const title = /^\s*Feature:\s*(.+?)\s*$/m.exec(text);
  if (!tag) return undefined;
  return { section: tag[1]!, title: title?.[1] ?? path.basename(uri), uri };
}

/** Compares section numbers numerically: 2 < 3 < 4.1 < 4.6 < 5.2.3 < 5.3.1 < 5.10. */
export function compareSections(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Does `section` belong to one of the `wanted` sections (itself or a subsection)? Empty = all. */
export function sectionSelected(section: string, wanted: string[]): boolean {
  return wanted.length === 0 || wanted.some((w) => section === w || section.startsWith(`${w}.`));
}

/** Every sectioned feature under `root/features`, in tutorial order, limited to `wanted`. */
export async function findSections(root: string, wanted: string[]): Promise<SectionFeature[]> {
  const dir = path.join(root, 'features');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.feature'));
  const found: SectionFeature[] = [];
  for (const file of files) {
    const uri = path.join('features', file).split(path.sep).join('/');
    const section = readSection(uri, await readFile(path.join(dir, file), 'utf8'));
    if (section && sectionSelected(section.section, wanted)) found.push(section);
  }
  if (found.length === 0) {
    throw new HarnessError('NOT_FOUND', wanted.length === 0
      ? `no feature file under ${dir} has a @section-… tag`
      : `no feature file is tagged with section ${wanted.join(' or ')}; run kubelab lab without --section to see them all`);
  }
  return found.sort((a, b) => compareSections(a.section, b.section) || a.uri.localeCompare(b.uri));
}
