/**
 * The tools the tutorial runs on its nodes that kindest/node images (Debian bookworm) lack: ipvsadm
 * (`ipvsadm -Ln`, sections 二/三) and dig (package dnsutils, section 4.1/4.2/4.6). The tutorial installs
 * ipvsadm itself (`yum install ipvsadm -y` on every node); on kind the bring-up action install-node-tools
 * does it once per node, from the Debian mirrors (apt-get), from a local folder of .deb files
 * (air-gapped: KUBELAB_NODE_TOOLS_DIR), or not at all (KUBELAB_NODE_TOOLS=skip).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../../errors.ts';
import { mustRun, type Exec } from './exec.ts';

/** How the node tools get onto the nodes. */
export type NodeToolsSource = { kind: 'apt' } | { kind: 'dir'; dir: string } | { kind: 'skip' };

/** The Debian packages installed on every node, and the programs they provide. */
export const NODE_PACKAGES = ['ipvsadm', 'dnsutils'] as const;
/** Programs scenarios run on nodes that only install-node-tools provides. */
export const NODE_TOOL_PROGRAMS = ['ipvsadm', 'dig', 'nslookup', 'host'] as const;

// Where the .deb files are copied inside a node.
const NODE_DEB_DIR = '/tmp/kubelab-node-tools';
// A node that already has both programs (a reused cluster) is left alone: no network needed.
const ALREADY = 'command -v ipvsadm >/dev/null 2>&1 && command -v dig >/dev/null 2>&1';
// noninteractive: ipvsadm's debconf questions (auto-load rules, daemon method) must not wait for a terminal.
const APT = `DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${NODE_PACKAGES.join(' ')}`;

const AIR_GAPPED = 'On a machine without access to deb.debian.org, put the .deb files of ipvsadm and dnsutils with their dependencies ' +
  '(on a Debian bookworm machine: `apt-get install --download-only -o Dir::Cache::archives=<folder> ipvsadm dnsutils`) in a folder and set ' +
  'KUBELAB_NODE_TOOLS_DIR=<folder> (copied into each node and installed with dpkg -i), or set KUBELAB_NODE_TOOLS=skip ' +
  '(scenarios that run ipvsadm or dig on a node then fail saying so)';

/** The source the environment asks for: KUBELAB_NODE_TOOLS=skip, else KUBELAB_NODE_TOOLS_DIR, else apt. */
export function nodeToolsSource(env: Record<string, string | undefined>, root: string): NodeToolsSource {
  const mode = env['KUBELAB_NODE_TOOLS'];
  if (mode === 'skip') return { kind: 'skip' };
  if (mode !== undefined && mode !== '' && mode !== 'apt') {
    throw new HarnessError('INVALID_INPUT', `KUBELAB_NODE_TOOLS=${mode} is not an option: use "skip" (no tools on the nodes) or leave it unset (install them), and KUBELAB_NODE_TOOLS_DIR=<folder> for .deb files`);
  }
  const dir = env['KUBELAB_NODE_TOOLS_DIR'];
  return dir ? { kind: 'dir', dir: path.resolve(root, dir) } : { kind: 'apt' };
}

/** Installs ipvsadm and dnsutils on each node; a failure names the node, the output, and the air-gapped options. */
export async function installNodeTools(exec: Exec, nodes: string[], source: NodeToolsSource, timeoutMs: number): Promise<void> {
  if (source.kind === 'skip') return;
  const debs = source.kind === 'dir' ? await debFiles(source.dir) : [];
  for (const node of nodes) {
    try {
      if (source.kind === 'apt') {
        await mustRun(exec, { file: 'docker', args: ['exec', node, 'sh', '-c', `${ALREADY} || { ${APT}; }`], what: `install ${NODE_PACKAGES.join(' and ')} on ${node} with apt-get`, timeoutMs });
        continue;
      }
      await mustRun(exec, { file: 'docker', args: ['exec', node, 'mkdir', '-p', NODE_DEB_DIR], what: `make ${NODE_DEB_DIR} on ${node}`, timeoutMs: 20_000 });
      await mustRun(exec, { file: 'docker', args: ['cp', `${source.dir}/.`, `${node}:${NODE_DEB_DIR}`], what: `copy the .deb files of ${source.dir} into ${node}`, timeoutMs });
      await mustRun(exec, { file: 'docker', args: ['exec', node, 'sh', '-c', `${ALREADY} || dpkg -i ${debs.map((d) => `${NODE_DEB_DIR}/${d}`).join(' ')}`],
        what: `install the .deb files of ${source.dir} on ${node} with dpkg -i`, timeoutMs });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const code = err instanceof HarnessError ? err.code : 'COMMAND_FAILED';
      throw new HarnessError(code, `${message}\n${source.kind === 'dir' ? 'The folder must hold every package dpkg reports missing above. ' : ''}${AIR_GAPPED}.`, { cause: err });
    }
  }
}

/** The message for a command needing a node tool when the run skipped them. */
export function nodeToolsSkippedMessage(program: string, node: string): string {
  return `\`${program}\` is not installed on ${node}: this run set KUBELAB_NODE_TOOLS=skip, so the kind nodes (Debian, without ${NODE_PACKAGES.join(' or ')}) ` +
    'have no ipvsadm or dig; unset it to install them at bring-up, or set KUBELAB_NODE_TOOLS_DIR=<folder of .deb files> on a machine without network access';
}

async function debFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    throw new HarnessError('INVALID_INPUT', `KUBELAB_NODE_TOOLS_DIR=${dir} cannot be read (${err.code ?? err.message}): point it at a folder of .deb files`);
  });
  const debs = names.filter((n) => n.endsWith('.deb')).sort();
  if (debs.length === 0) throw new HarnessError('INVALID_INPUT', `KUBELAB_NODE_TOOLS_DIR=${dir} holds no .deb files. ${AIR_GAPPED}.`);
  return debs;
}
