/** The lab's command interpreter: one command line, as the tutorial types it, on one machine. */
import type { CommandResult, Where } from '../../cluster/cluster.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import { COMMANDS } from './registry.ts';
import { runShell } from './shell-run.ts';

/** Runs `line` on `source` with every registered program; files live in `workdir`. */
export async function runCommandLine(sim: Simulation, line: string, source: Source, workdir: string): Promise<CommandResult> {
  const out = await runShell(line, { sim, source, workdir, programs: COMMANDS });
  return { command: line, where: whereOf(source), ...out };
}

/** The Where a resolved Source stands for (what a CommandResult reports). */
export function whereOf(source: Source): Where {
  switch (source.kind) {
    case 'host': return { kind: 'host' };
    case 'node': return { kind: 'node', node: source.node };
    case 'pod': return { kind: 'pod', pod: source.pod, namespace: source.namespace };
  }
}
