/**
 * `kubelab lab`: runs the tutorial's sections through cucumber's JS API, prints one line per section
 * and the failures, and writes the HTML/JSON/JUnit reports of cucumber.mjs under reports/.
 */
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { LabArgs } from './args.ts';
import { findSections } from './sections.ts';
import { OutcomeCollector, failureLines, sectionLines } from './outcomes.ts';

/** What the lab needs from its surroundings (injected so tests and the bin share it). */
export interface LabIo {
  /** The project root (where cucumber.mjs, features/ and steps/ are). */
  root: string;
  env: Record<string, string | undefined>;
  print: (line: string) => void;
  /** A fresh random seed when neither --seed nor KUBELAB_SEED gave one. */
  randomSeed: () => number;
}

/** Runs the lab; resolves to the process exit code (0 = every scenario passed). */
export async function runLab(args: LabArgs, io: LabIo): Promise<number> {
  const seed = args.seed ?? io.randomSeed();
  const sections = await findSections(io.root, args.sections);
  await mkdir(path.join(io.root, 'reports'), { recursive: true });
  const env = { ...io.env, KUBELAB_BACKEND: args.backend, KUBELAB_SEED: String(seed) };
  const environment = { cwd: io.root, env, stdout: discard(), stderr: discard() };
  const { runConfiguration } = await loadConfiguration(
    { profiles: args.backend === 'simulator' ? [] : [args.backend], provided: { worldParameters: { backend: args.backend, seed } } },
    environment,
  );
  runConfiguration.sources.paths = sections.map((s) => s.uri);
  io.print(`kubelab lab: backend ${args.backend}, seed ${seed} (replay: --seed ${seed} or KUBELAB_SEED=${seed})`);
  const collector = new OutcomeCollector();
  const result = await runCucumber(runConfiguration, environment, (envelope) => collector.add(envelope));
  const outcomes = collector.outcomes();
  for (const line of sectionLines(sections, outcomes)) io.print(line);
  const failures = failureLines(outcomes);
  if (failures.length > 0) {
    io.print('');
    io.print('failed scenarios:');
    for (const line of failures) io.print(line);
  }
  const passed = outcomes.filter((o) => o.passed).length;
  io.print('');
  io.print(`${passed} of ${outcomes.length} scenarios passed; reports: ${Object.keys(runConfiguration.formats.files).map((f) => path.relative(io.root, path.resolve(io.root, f))).join(', ')}`);
  return result.success && passed === outcomes.length ? 0 : 1;
}

// The lab prints its own lines; cucumber's console formatter output is not wanted on top.
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
