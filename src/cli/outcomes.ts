/** Scenario outcomes gathered from cucumber's message stream, and the per-section lines the lab prints. */
import type { runCucumber } from '@cucumber/cucumber/api';
import type { SectionFeature } from './sections.ts';

/** One cucumber message (the type runCucumber's onMessage receives). */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

/** How one scenario (pickle) ended, after its last attempt. */
export interface ScenarioOutcome {
  uri: string;
  line: number;
  name: string;
  passed: boolean;
  /** The first step that did not pass, and why. */
  failure?: { step: string; status: string; message: string };
}

const NOT_PASSED = new Set(['FAILED', 'UNDEFINED', 'AMBIGUOUS', 'PENDING', 'UNKNOWN']);

/** Folds the message stream into one outcome per scenario; feed every envelope to `add`. */
export class OutcomeCollector {
  #lines = new Map<string, number>();
  #pickles = new Map<string, { uri: string; name: string; astNodeIds: readonly string[]; steps: Map<string, string> }>();
  #testCases = new Map<string, { pickleId: string; steps: Map<string, string | undefined> }>();
  #started = new Map<string, string>();
  #outcomes = new Map<string, ScenarioOutcome>();

  add(envelope: Envelope): void {
    if (envelope.gherkinDocument) this.#indexLines(envelope.gherkinDocument.feature?.children ?? []);
    if (envelope.pickle) {
      const p = envelope.pickle;
      this.#pickles.set(p.id, { uri: p.uri, name: p.name, astNodeIds: p.astNodeIds, steps: new Map(p.steps.map((s) => [s.id, s.text])) });
    }
    if (envelope.testCase) {
      const t = envelope.testCase;
      this.#testCases.set(t.id, { pickleId: t.pickleId, steps: new Map(t.testSteps.map((s) => [s.id, s.pickleStepId])) });
    }
    if (envelope.testCaseStarted) {
      const started = envelope.testCaseStarted;
      this.#started.set(started.id, started.testCaseId);
      const pickleId = this.#testCases.get(started.testCaseId)?.pickleId;
      const pickle = pickleId === undefined ? undefined : this.#pickles.get(pickleId);
      if (pickleId && pickle) {
        const line = pickle.astNodeIds.map((id) => this.#lines.get(id)).filter((l) => l !== undefined).at(-1) ?? 0;
        this.#outcomes.set(pickleId, { uri: pickle.uri, line, name: pickle.name, passed: true }); // a retry starts afresh
      }
    }
    if (envelope.testStepFinished) this.#stepFinished(envelope.testStepFinished);
  }

  /** Outcomes in the order the scenarios ran. */
  outcomes(): ScenarioOutcome[] {
    return [...this.#outcomes.values()];
  }

  #stepFinished(finished: NonNullable<Envelope['testStepFinished']>): void {
    const testCaseId = this.#started.get(finished.testCaseStartedId);
    const testCase = testCaseId === undefined ? undefined : this.#testCases.get(testCaseId);
    const outcome = testCase && this.#outcomes.get(testCase.pickleId);
    if (!testCase || !outcome) return;
    const status = String(finished.testStepResult.status);
    if (!NOT_PASSED.has(status) || outcome.failure) return;
    const pickleStepId = testCase.steps.get(finished.testStepId);
    const step = pickleStepId === undefined ? 'a hook' : this.#pickles.get(testCase.pickleId)?.steps.get(pickleStepId) ?? '?';
    const message = finished.testStepResult.exception?.message ?? finished.testStepResult.message ?? status.toLowerCase();
    outcome.passed = false;
    outcome.failure = { step, status: status.toLowerCase(), message };
  }

  #indexLines(children: NonNullable<NonNullable<Envelope['gherkinDocument']>['feature']>['children']): void {
    for (const child of children) {
      const scenario = child.scenario;
      if (scenario) {
        this.#lines.set(scenario.id, scenario.location.line);
        for (const row of scenario.examples.flatMap((e) => e.tableBody)) this.#lines.set(row.id, row.location.line);
      }
      if (child.rule) this.#indexLines(child.rule.children);
    }
  }
}

/** One line per section: number, title, counts. Sections without scenarios that ran say so. */
export function sectionLines(sections: SectionFeature[], outcomes: ScenarioOutcome[]): string[] {
  const width = Math.max(...sections.map((s) => displayWidth(s.title)));
  return sections.map((s) => {
    const mine = outcomes.filter((o) => o.uri === s.uri);
    const failed = mine.filter((o) => !o.passed).length;
    const counts = mine.length === 0 ? 'no scenarios ran' : `${mine.length - failed} passed${failed > 0 ? `, ${failed} failed` : ''}`;
    return `${failed > 0 ? '✗' : mine.length === 0 ? '·' : '✓'} ${s.section.padEnd(7)} ${s.title}${' '.repeat(width - displayWidth(s.title))}   ${counts}`;
  });
}

/** The failed scenarios with their first failing step and the first lines of its message. */
export function failureLines(outcomes: ScenarioOutcome[], maxMessageLines = 6): string[] {
  return outcomes.filter((o) => !o.passed).flatMap((o) => {
    const message = (o.failure?.message ?? '').split('\n');
    const shown = message.slice(0, maxMessageLines).map((l) => `      ${l}`);
    if (message.length > maxMessageLines) shown.push(`      … (${message.length - maxMessageLines} more lines in the report)`);
    return [`  ${o.uri}:${o.line}  ${o.name}`, `    ${o.failure?.status ?? 'failed'}: ${o.failure?.step ?? ''}`, ...shown];
  });
}

// Terminals draw CJK characters (the tutorial's headings) two columns wide (Unicode East Asian Width W/F).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
