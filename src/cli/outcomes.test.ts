import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutcomeCollector, displayWidth, failureLines, sectionLines, type Envelope } from './outcomes.ts';

// A minimal message stream: one feature, two scenarios; the second fails at its second step.
function stream(): Envelope[] {
  const step = (id: string, text: string) => ({ id, text, astNodeIds: [] });
  const scenario = (id: string, line: number) => ({ scenario: { id, location: { line }, examples: [] } });
  return [
    { gherkinDocument: { uri: 'features/04.1-clusterip.feature', feature: { children: [scenario('s1', 11), scenario('s2', 17)] } } },
    { pickle: { id: 'p1', uri: 'features/04.1-clusterip.feature', name: 'first', astNodeIds: ['s1'], steps: [step('ps1', 'a cluster')] } },
    { pickle: { id: 'p2', uri: 'features/04.1-clusterip.feature', name: 'second', astNodeIds: ['s2'], steps: [step('ps2', 'a cluster'), step('ps3', 'the DNS status is "NXDOMAIN"')] } },
    { testCase: { id: 't1', pickleId: 'p1', testSteps: [{ id: 'ts1', pickleStepId: 'ps1' }] } },
    { testCase: { id: 't2', pickleId: 'p2', testSteps: [{ id: 'ts2', pickleStepId: 'ps2' }, { id: 'ts3', pickleStepId: 'ps3' }, { id: 'h1', hookId: 'after' }] } },
    { testCaseStarted: { id: 'c1', testCaseId: 't1', attempt: 0 } },
    { testStepFinished: { testCaseStartedId: 'c1', testStepId: 'ts1', testStepResult: { status: 'PASSED' } } },
    { testCaseStarted: { id: 'c2', testCaseId: 't2', attempt: 0 } },
    { testStepFinished: { testCaseStartedId: 'c2', testStepId: 'ts2', testStepResult: { status: 'PASSED' } } },
    { testStepFinished: { testCaseStartedId: 'c2', testStepId: 'ts3', testStepResult: { status: 'FAILED', message: 'expected status NXDOMAIN, got NOERROR:\nnope' } } },
    { testStepFinished: { testCaseStartedId: 'c2', testStepId: 'h1', testStepResult: { status: 'FAILED', message: 'later hook failure' } } },
  ] as unknown as Envelope[];
}

test('collects one outcome per scenario with its line and first failing step', () => {
  const collector = new OutcomeCollector();
  stream().forEach((e) => collector.add(e));
  assert.deepEqual(collector.outcomes(), [
    { uri: 'features/04.1-clusterip.feature', line: 11, name: 'first', passed: true },
    { uri: 'features/04.1-clusterip.feature', line: 17, name: 'second', passed: false,
      failure: { step: 'the DNS status is "NXDOMAIN"', status: 'failed', message: 'expected status NXDOMAIN, got NOERROR:\nnope' } },
  ]);
});

test('prints one line per section and the failures', () => {
  const collector = new OutcomeCollector();
  stream().forEach((e) => collector.add(e));
  const sections = [
    { section: '4.1', title: 'ClusterIP services', uri: 'features/04.1-clusterip.feature' },
    { section: '4.2', title: 'Headless services', uri: 'features/04.2-headless.feature' },
  ];
  assert.deepEqual(sectionLines(sections, collector.outcomes()), [
    '✗ 4.1     ClusterIP services   1 passed, 1 failed',
    '· 4.2     Headless services    no scenarios ran',
  ]);
  assert.deepEqual(failureLines(collector.outcomes()), [
    '  features/04.1-clusterip.feature:17  second',
    '    failed: the DNS status is "NXDOMAIN"',
    '      expected status NXDOMAIN, got NOERROR:',
    '      nope',
  ]);
});

test('CJK headings count two columns each, so section lines stay aligned', () => {
  assert.equal(displayWidth('Service types (二 微服务的类型)'), 'Service types ( '.length + 2 + 12 + 1);
  const lines = sectionLines([
    { section: '2', title: 'Service types (二 微服务的类型)', uri: 'a' },
    { section: '4.1', title: 'ClusterIP services (4.1 clusterip)', uri: 'b' },
  ], []);
  assert.equal(displayWidth(lines[0]!), displayWidth(lines[1]!));
});
