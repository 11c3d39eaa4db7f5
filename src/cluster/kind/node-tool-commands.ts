/**
 * Commands about the node tools, as a scenario on kind sees them: the tutorial's own install line
 * (`yum install ipvsadm -y`) succeeds without doing anything (bring-up installed the Debian packages),
 * and a run that skipped the tools (KUBELAB_NODE_TOOLS=skip) says so instead of a bare "not found".
 */
import type { CommandResult, Where } from '../cluster.ts';
import { HarnessError } from '../../errors.ts';
import { programsOf } from './command-routing.ts';
import { NODE_TOOL_PROGRAMS, nodeToolsSkippedMessage } from './node-tools.ts';

/** The result of `yum|dnf install <preinstalled packages>` on a kind node. */
export function preinstalledResult(command: string, where: Where, packages: string[], skipped: boolean, warnings: string[]): CommandResult {
  const node = where.kind === 'node' ? where.node : 'the node';
  if (skipped) throw new HarnessError('UNSUPPORTED', `\`${command}\`: ${nodeToolsSkippedMessage(packages.join(' '), node)}`);
  // dnf's words for a package that is already there; the version is left out: the installed one is Debian's, not a RHEL build.
  const stdout = `${packages.map((p) => `Package ${p} is already installed.`).join('\n')}\nDependencies resolved.\nNothing to do.\nComplete!\n`;
  return {
    command, where, exitCode: 0, stdout, stderr: '', http: [], dns: [],
    warnings: [...warnings, `kind nodes run Debian, not RHEL: \`${command}\` did nothing on ${node}, because bring-up (install-node-tools) already installed ipvsadm and dnsutils there`],
  };
}

/** Throws the reason when a node line needs ipvsadm or dig and the run skipped installing them. */
export function skippedNodeTool(line: string, node: string): void {
  const program = programsOf(line).find((p) => (NODE_TOOL_PROGRAMS as readonly string[]).includes(p));
  if (program) throw new HarnessError('UNSUPPORTED', nodeToolsSkippedMessage(program, node));
}
