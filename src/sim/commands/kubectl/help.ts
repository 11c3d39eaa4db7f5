/** `kubectl … --help` and `kubectl` alone: a short usage text listing sub-commands and modelled flags. */
import type { KubectlCommand } from './command-tree.ts';

/** The help text of a command (abridged from kubectl's: summary, usage, sub-commands, flags the simulator models). */
export function helpText(command: KubectlCommand, path: string[]): string {
  const lines = [path.length === 0 ? 'kubectl controls the Kubernetes cluster manager.' : command.summary, ''];
  if (command.subcommands?.length) {
    lines.push('Available Commands:');
    const width = Math.max(...command.subcommands.map((c) => c.name.length)) + 2;
    for (const sub of command.subcommands) lines.push(`  ${sub.name.padEnd(width)}${sub.summary}`);
    lines.push('');
  }
  if (command.flags?.length) {
    lines.push('Options (modelled by the simulator):');
    for (const f of command.flags) lines.push(`    ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.kind === 'bool' ? '' : '=...'}`);
    lines.push('');
  }
  lines.push('Usage:', `  kubectl ${command.usage ?? [...path, command.subcommands?.length && !command.run ? '[command]' : '[flags]'].join(' ')}`, '');
  return `${lines.join('\n')}\n`;
}
