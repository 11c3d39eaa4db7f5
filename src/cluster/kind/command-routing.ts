/**
 * Where a scenario's command line really runs on kind:
 *  - a line that talks only to the API server (kubectl, optionally piped through text tools) runs on this
 *    machine with the run's kubeconfig, in the scenario's work folder — on the client host and on the
 *    control-plane node alike (kind's nodes hold no copy of the scenario's files);
 *  - other lines on a node run in the node's container (`docker exec <node> sh -c …`);
 *  - other lines on the client host run in the client container on the kind network;
 *  - lines in a pod run through `kubectl exec` in that pod (default: the tutorial's client pod `test`);
 *  - the tutorial's `yum install ipvsadm -y` on a node does nothing: kind's nodes are Debian, and bring-up's
 *    install-node-tools action already put ipvsadm (and dig) there.
 */
import type { Where } from '../cluster.ts';

/** The place a line runs. */
export type Route =
  | { kind: 'local' }
  | { kind: 'node'; node: string }
  | { kind: 'client-host' }
  | { kind: 'pod'; pod: string; namespace: string }
  | { kind: 'preinstalled'; packages: string[] };

// The tutorial's RHEL package names whose programs install-node-tools provides on kind (Debian) nodes.
const PREINSTALLED = new Set(['ipvsadm', 'bind-utils']);

// Tools that only transform text: a pipeline of kubectl and these needs neither a node nor the network.
const TEXT_TOOLS = new Set(['kubectl', 'grep', 'egrep', 'sed', 'awk', 'head', 'tail', 'sort', 'uniq', 'wc', 'cut', 'tr', 'cat', 'echo', 'sleep', 'base64', 'tee', 'true', 'xargs']);

/** The programs a shell line starts (first word of each pipeline segment and list element). */
export function programsOf(line: string): string[] {
  // Quoted text is blanked first so separators inside quotes (sed scripts, awk programs) do not split.
  const unquoted = line.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (q) => 'x'.repeat(q.length));
  const programs: string[] = [];
  let from = 0;
  for (const m of unquoted.matchAll(/\|\||&&|[|;&]/g)) {
    programs.push(firstWord(line.slice(from, m.index)));
    from = m.index! + m[0].length;
  }
  programs.push(firstWord(line.slice(from)));
  return programs.filter((p) => p !== '');
}

/** Decides where `line` runs for a step's Where (see the module comment). */
export function routeCommand(line: string, where: Where): Route {
  if (where.kind === 'pod') return { kind: 'pod', pod: where.pod ?? 'test', namespace: where.namespace ?? 'default' };
  if (where.kind === 'node') {
    const packages = yumInstallPackages(line);
    if (packages && packages.length > 0 && packages.every((p) => PREINSTALLED.has(p))) return { kind: 'preinstalled', packages };
  }
  const programs = programsOf(line);
  if (programs.includes('kubectl') && programs.every((p) => TEXT_TOOLS.has(p))) return { kind: 'local' };
  return where.kind === 'node' ? { kind: 'node', node: where.node } : { kind: 'client-host' };
}

/** The packages of a lone `yum|dnf install [-y] pkg…` line, or undefined for any other line. */
export function yumInstallPackages(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] === 'sudo') words.shift();
  if (!/^(yum|dnf)$/.test(words[0] ?? '') || /[|;&<>`$]/.test(line)) return undefined;
  const rest = words.slice(1).filter((w) => w !== '-y' && w !== '--assumeyes');
  if (rest[0] !== 'install') return undefined;
  return rest.slice(1);
}

function firstWord(segment: string): string {
  // Skips leading VAR=value assignments and a `sudo`.
  const words = segment.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  const word = words[0] === 'sudo' ? words[1] : words[0];
  return (word ?? '').replace(/^.*\//, '');
}
