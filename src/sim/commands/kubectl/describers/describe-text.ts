/** Building blocks of `kubectl describe`: the tabbed writer, label/annotation blocks and the Events table. */
import type { KubeObject } from '../../../../model/meta.ts';
import type { KubeEvent } from '../../../../model/core.ts';
import type { ReadonlyStore } from '../../../store.ts';
import { tabwrite } from '../../../render/tabwriter.ts';
import { ageOf } from '../../../render/duration.ts';

/** What a describer may read. */
export interface DescribeContext { store: ReadonlyStore; now: Date }

/** A describer: the text `kubectl describe` prints for one object. */
export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** Collects describe lines (tabs separate cells) and renders them with describe's tabwriter(0, 8, 2). */
export class DescribeWriter {
  #text = '';
  /** Appends raw text at an indent level (2 spaces per level, kubectl's PrefixWriter). */
  write(level: number, text: string): this {
    this.#text += '  '.repeat(level) + text;
    return this;
  }
  /** A `Title:\tvalue` line. */
  line(title: string, value: string | number): this {
    return this.write(0, `${title}:\t${value}\n`);
  }
  /** The final text. */
  toString(): string {
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString: tabwriter.Init(buf, 0, 8, 2, ' ', 0) (v1.31).
    return tabwrite(this.#text, { minwidth: 0, padding: 2 });
  }
}

/** `Labels:\tk=v` then one continuation line per further label; `<none>` when empty. */
export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, level = 0): void {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go printLabelsMultilineWithIndent (v1.31).
  const keys = Object.keys(labels ?? {}).sort();
  w.write(level, `${title}:\t`);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => w.write(i === 0 ? 0 : level, `${i === 0 ? '' : '\t'}${k}=${labels![k]}\n`));
}

const MAX_ANNOTATION_LEN = 140;
// kubectl hides the apply bookkeeping annotation in describe.
const SKIPPED_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

/** `Annotations:\tk: v`, long or multi-line values on their own indented lines; `<none>` when empty. */
export function writeAnnotations(w: DescribeWriter, annotations: Record<string, string> | undefined, level = 0): void {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go printAnnotationsMultiline (v1.31).
  w.write(level, 'Annotations:\t');
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.includes(k)).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(level, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(level, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 5)}...` : s}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** The Events block for an object: `Events:\t<none>` or the Type/Reason/Age/From/Message table. */
export function writeEvents(w: DescribeWriter, obj: KubeObject, ctx: DescribeContext): void {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (v1.31).
  const events = ctx.store
    .list<KubeEvent>('Event', obj.metadata.namespace)
    .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name)
    .sort((a, b) => Date.parse(a.lastTimestamp ?? a.metadata.creationTimestamp ?? '') - Date.parse(b.lastTimestamp ?? b.metadata.creationTimestamp ?? ''));
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = ageOf(e.firstTimestamp ?? e.metadata.creationTimestamp, ctx.now);
    const interval = (e.count ?? 1) > 1 ? `${ageOf(e.lastTimestamp, ctx.now)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}

/** RFC 1123 with numeric zone, as Go's time.RFC1123Z prints it (the lab's clock is UTC). */
export function describeTime(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>';
  const d = new Date(timestamp);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
