/**
 * Why a scenario runs only on the simulator: a `@why-<reason-in-words>` tag next to @simulator-only, or a
 * `# simulator-only: <reason>` comment above the scenario (or its tags).
 */
import type { GherkinDocument, Pickle } from '@cucumber/messages';

/** The reason, in words, for the report; a generic one names how to give a better one. */
export function simulatorOnlyReason(pickle: Pick<Pickle, 'tags' | 'astNodeIds'>, doc: Pick<GherkinDocument, 'comments' | 'feature'> | undefined): string {
  const why = pickle.tags.map((t) => /^@why-(.+)$/.exec(t.name)?.[1]).find((w) => w !== undefined);
  if (why) return why.replace(/-/g, ' ');
  const line = scenarioLine(pickle, doc);
  const comment = (doc?.comments ?? [])
    .filter((c) => line !== undefined && c.location.line < line && c.location.line >= line - 3)
    .map((c) => /#\s*simulator-only:\s*(.+)$/.exec(c.text)?.[1]?.trim())
    .filter((t): t is string => !!t)
    .at(-1);
  return comment ?? 'tagged @simulator-only (add a @why-<reason> tag or a "# simulator-only: <reason>" comment to say why)';
}

function scenarioLine(pickle: Pick<Pickle, 'astNodeIds'>, doc: Pick<GherkinDocument, 'feature'> | undefined): number | undefined {
  const children = doc?.feature?.children ?? [];
  const all = children.flatMap((c) => [c.scenario, ...(c.rule?.children ?? []).map((r) => r.scenario)]);
  const scenario = all.find((s) => s && pickle.astNodeIds.includes(s.id));
  const first = scenario?.tags[0]?.location.line ?? scenario?.location.line;
  return first;
}
