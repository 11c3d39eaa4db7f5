/** Where a pickle (one scenario, or one Examples row of an outline) starts in its feature file. */
import type { ITestCaseHookParameter } from '@cucumber/cucumber';

type GherkinDocument = ITestCaseHookParameter['gherkinDocument'];
type Pickle = ITestCaseHookParameter['pickle'];

interface Located { id: string; location: { line: number } }
type Child = { scenario?: Located & { examples: { tableBody: Located[] }[] }; rule?: { children: Child[] } };

/** The line of the scenario (or of the Examples row) a pickle came from; 0 if not found. */
export function scenarioLine(document: GherkinDocument, pickle: Pickle): number {
  const [scenarioId, rowId] = pickle.astNodeIds;
  const scenarios = flatten((document.feature?.children ?? []) as Child[]);
  const scenario = scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return 0;
  const row = scenario.examples.flatMap((e) => e.tableBody).find((r) => r.id === rowId);
  return (row ?? scenario).location.line;
}

function flatten(children: Child[]): NonNullable<Child['scenario']>[] {
  return children.flatMap((c) => (c.scenario ? [c.scenario] : c.rule ? flatten(c.rule.children) : []));
}
