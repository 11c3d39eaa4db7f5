/** BIND's master-file text for records and questions, with dig's default tab stops. */
// SRC: bind9 lib/dns/masterdump.c indent/rdataset_totext/question_totext; bin/dig/dig.c style 24,24,24,32,40,48 (9.16)
import type { DnsRecord } from '../../cluster/exchanges.ts';

const TTL_COLUMN = 24;
const CLASS_COLUMN = 32;
const TYPE_COLUMN = 40;
const RDATA_COLUMN = 48;
const TAB_WIDTH = 8;

// masterdump.c indent(): at least one step forward; whole tab stops as TABs, the rest as spaces.
function indent(current: number, target: number): { text: string; column: number } {
  const to = target < current + 1 ? current + 1 : target;
  const tabs = Math.max(0, Math.floor(to / TAB_WIDTH) - Math.floor(current / TAB_WIDTH));
  const from = tabs > 0 ? Math.floor(to / TAB_WIDTH) * TAB_WIDTH : current;
  return { text: '\t'.repeat(tabs) + ' '.repeat(to - from), column: to };
}

function columns(fields: [string, number][], first: string): string {
  let out = first;
  let column = first.length;
  for (const [text, target] of fields) {
    const pad = indent(column, target);
    out += pad.text + text;
    column = pad.column + text.length;
  }
  return out;
}

/** One resource record as dig prints it: `name<pad>ttl<pad>IN<pad>TYPE<pad>rdata`. */
export function recordLine(r: DnsRecord): string {
  return columns([[String(r.ttl), TTL_COLUMN], [r.class, CLASS_COLUMN], [r.type, TYPE_COLUMN], [r.data, RDATA_COLUMN]], r.name);
}

/** A question line: `;name<pad>IN<pad>TYPE` (the leading `;` is not counted in the columns). */
export function questionLine(q: { name: string; type: string }): string {
  return `;${columns([['IN', CLASS_COLUMN], [q.type, TYPE_COLUMN]], q.name)}`;
}
