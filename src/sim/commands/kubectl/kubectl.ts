/** The simulated `kubectl` (v1.31): finds the sub-command, parses its flags like cobra, runs it. */
import type { CommandHandler, CommandOutput } from '../command.ts';
import { textOutput } from '../command.ts';
import { parseFlags, type FlagSpec } from './flags.ts';
import { findSubcommand, type KubectlCommand } from './command-tree.ts';
import { GLOBAL_FLAGS, REJECTED_GLOBAL_FLAGS } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { ROOT_COMMAND } from './root.ts';
import { helpText } from './help.ts';

/** `kubectl …` on any machine of the lab. */
export const kubectl: CommandHandler = async (argv, ctx) => {
  const found = resolveCommand(ROOT_COMMAND, argv.slice(1));
  const { command, path, rest } = found;
  const specs = [...GLOBAL_FLAGS, ...(command.flags ?? [])];
  const parsed = parseFlags(rest, specs);
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/util/templates/templater.go FlagErrorFunc (v1.31).
  if (!parsed.ok) return kubectlError(`${parsed.message}\nSee 'kubectl${path.map((p) => ` ${p}`).join('')} --help' for usage.`);
  const flags = parsed.flags;
  for (const name of flags.names()) {
    const why = REJECTED_GLOBAL_FLAGS[name];
    if (why) return kubectlError(`--${name} is not supported by the simulated kubectl: ${why}`);
  }
  if (flags.bool('help')) return textOutput(helpText(command, path));
  if (path.length === 0 && flags.positionals.length > 0) {
    // SRC: github.com/spf13/cobra args.go legacyArgs: unknown sub-command of the root.
    return kubectlError(`unknown command "${flags.positionals[0]}" for "kubectl"`);
  }
  if (!command.run) {
    if (flags.positionals.length > 0) return kubectlError(`unknown command "${flags.positionals[0]}" for "kubectl ${path.join(' ')}"`);
    return textOutput(helpText(command, path));
  }
  const namespace = flags.string('namespace');
  if (namespace === '') return kubectlError('error: namespace cannot be empty');
  const out: CommandOutput = await command.run({
    ctx,
    sim: ctx.sim,
    path,
    flags,
    args: flags.positionals,
    dashArgs: flags.dashArgs,
    namespace: namespace ?? 'default',
    namespaceExplicit: namespace !== undefined,
  });
  return out;
};

/**
 * Walks the command words like cobra's Find: flags are skipped (with their values), the first
 * positional that names a sub-command descends, any other positional stops the walk.
 */
export function resolveCommand(root: KubectlCommand, args: string[]): { command: KubectlCommand; path: string[]; rest: string[] } {
  let command = root;
  const path: string[] = [];
  const rest: string[] = [];
  let descending = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      rest.push(arg);
      if (takesSeparateValue(arg, [...GLOBAL_FLAGS, ...(command.flags ?? [])]) && i + 1 < args.length) rest.push(args[++i]!);
      continue;
    }
    const sub = descending ? findSubcommand(command, arg) : undefined;
    if (sub) {
      command = sub;
      path.push(sub.name);
    } else {
      descending = false;
      rest.push(arg);
    }
  }
  return { command, path, rest };
}

// `-n kube-system` / `--namespace kube-system`: the next word is the flag's value, not a command.
function takesSeparateValue(arg: string, specs: FlagSpec[]): boolean {
  if (arg.includes('=')) return false;
  const spec = arg.startsWith('--') ? specs.find((s) => s.name === arg.slice(2)) : specs.find((s) => s.short === arg.at(-1));
  if (!spec || spec.kind === 'bool' || spec.noOptDefault !== undefined) return false;
  return arg.startsWith('--') || arg.length === 2 || specs.filter((s) => arg.slice(1, -1).includes(s.short ?? '\0')).every((s) => s.kind === 'bool');
}
