/** The shape of a simulated command (kubectl, curl, dig…): argv in, terminal text and records out. */
import type { CommandResult } from '../../cluster/cluster.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';

/** Where and with what a command runs. */
export interface CommandContext {
  sim: Simulation;
  /** The machine the command runs on (client host, node or pod), resolved to addresses. */
  source: Source;
  /** The scenario's work folder on the real filesystem (files like howe.yml live here). */
  workdir: string;
  /** Standard input (from a pipe), empty when none. */
  stdin: string;
}

/** What one command produced. */
export type CommandOutput = Omit<CommandResult, 'command' | 'where'>;

/** A simulated program. `argv[0]` is the program name. */
export type CommandHandler = (argv: string[], ctx: CommandContext) => Promise<CommandOutput>;

/** A result with only text output. */
export function textOutput(stdout: string, stderr = '', exitCode = 0): CommandOutput {
  return { exitCode, stdout, stderr, http: [], dns: [], warnings: [] };
}
