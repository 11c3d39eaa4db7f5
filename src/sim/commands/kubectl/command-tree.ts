/** The shape of a kubectl sub-command: its flags, nested sub-commands and what it runs. */
import type { CommandContext, CommandOutput } from '../command.ts';
import type { Simulation } from '../../simulation.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';

/** One parsed kubectl command line, ready to run. */
export interface Invocation {
  ctx: CommandContext;
  sim: Simulation;
  /** Command words, e.g. ["create", "deployment"]. */
  path: string[];
  flags: ParsedFlags;
  /** Positional arguments after the command words. */
  args: string[];
  /** Words after a bare `--` (exec/run commands), undefined when there was none. */
  dashArgs: string[] | undefined;
  /** The namespace from -n, else the kubeconfig context's ("default"). */
  namespace: string;
  /** True when -n/--namespace was given (kubectl's enforceNamespace). */
  namespaceExplicit: boolean;
}

/** A kubectl (sub-)command. Groups have `subcommands`; leaves have `run`. */
export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** One line for help and `kubectl` without arguments. */
  summary: string;
  /** The usage line of `--help` (without "kubectl "), e.g. "get [(-o|--output=)json|yaml|…] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]". */
  usage?: string;
  flags?: FlagSpec[];
  subcommands?: KubectlCommand[];
  run?: (inv: Invocation) => Promise<CommandOutput> | CommandOutput;
}

/** Finds a direct sub-command by name or alias. */
export function findSubcommand(cmd: KubectlCommand, word: string): KubectlCommand | undefined {
  return cmd.subcommands?.find((c) => c.name === word || c.aliases?.includes(word));
}
