/** Terminal transcripts of commands, attached to each step of the report as the tutorial prints them. */
import type { CommandResult, Where } from '../../src/index.ts';

/** The shell prompt of the machine a command runs on (busybox's `/ #` in a pod, as the tutorial shows). */
export function promptFor(where: Where): string {
  switch (where.kind) {
    case 'host': return '[root@client ~]#';
    case 'node': return `[root@${where.node} ~]#`;
    case 'pod': return where.pod ? `${where.pod}:/ #` : '/ #';
  }
}

function outputOf(result: CommandResult): string {
  const text = result.stdout + result.stderr;
  const exit = result.exitCode === 0 ? '' : `(exit code ${result.exitCode})\n`;
  return (text === '' || text.endsWith('\n') ? text : text + '\n') + exit;
}

/** One command as a terminal shows it: prompt, command, output (and the exit code when it failed). */
export function formatTranscript(result: CommandResult): string {
  return `${promptFor(result.where)} ${result.command}\n${outputOf(result)}`;
}

/** A command run `results.length` times, shown as the tutorial's `for` loop with every output in order. */
export function formatLoopTranscript(results: CommandResult[]): string {
  const first = results[0];
  if (!first) return '';
  if (results.length === 1) return formatTranscript(first);
  const same = results.every((r) => r.command === first.command);
  const body = same ? first.command : '…';
  return `${promptFor(first.where)} for i in {1..${results.length}}; do ${body}; done\n` + results.map(outputOf).join('');
}
