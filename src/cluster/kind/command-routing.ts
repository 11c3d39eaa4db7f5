/**
 * Where a scenario's command line really runs on kind:
 *  - a line that talks only to the API server (kubectl, optionally piped through text tools) runs on this
 *    machine with the run's kubeconfig, in the scenario's work folder — on the client host and on the
 *    control-plane node alike (kind's nodes hold no copy of the scenario's files);
 *  - on k8s-master (the tutorial's kubectl machine, where its key, certificate and htpasswd files live), a line of
 *    work-folder tools only (openssl, htpasswd, cat, echo, ls, text filters, kubectl, in pipelines and with
 *    redirections) also runs on this machine in the work folder, so the files it writes reach kubectl;
 *    a line that also starts a node program (ipvsadm, iptables, ip, dig, curl…) runs in the node container,
 *    with a warning that its files are not shared with the work folder;
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
  | { kind: 'node'; node: string; warning?: string }
  | { kind: 'client-host' }
  | { kind: 'pod'; pod: string; namespace: string }
  | { kind: 'preinstalled'; packages: string[] };

// The tutorial's RHEL package names whose programs install-node-tools provides on kind (Debian) nodes.
const PREINSTALLED = new Set(['ipvsadm', 'bind-utils']);

// Tools that only transform text: a pipeline of kubectl and these needs neither a node nor the network.
const TEXT_TOOLS = new Set(['kubectl', 'grep', 'egrep', 'sed', 'awk', 'head', 'tail', 'sort', 'uniq', 'wc', 'cut', 'tr', 'cat', 'echo', 'sleep', 'base64', 'tee', 'true', 'xargs']);

// Tools that work on the scenario's files without a node: on k8s-master they run in the work folder, as kubectl does.
const WORK_FOLDER_TOOLS = new Set([...TEXT_TOOLS, 'openssl', 'htpasswd', 'ls', 'printf']);
// Programs that inspect or use a node (its network namespace, packages, containers): they stay in the node container.
const NODE_PROGRAMS = new Set(['ipvsadm', 'iptables', 'iptables-save', 'ip', 'dig', 'nslookup', 'host', 'curl', 'yum', 'dnf', 'ss', 'crictl']);
// Text filters that read a pipe: mixing them with a node program moves no file between the two places.
const PIPE_FILTERS = new Set(['grep', 'egrep', 'sed', 'awk', 'head', 'tail', 'sort', 'uniq', 'wc', 'cut', 'tr', 'sleep', 'true', 'xargs']);
/** The lab node whose lines of work-folder tools run in the work folder (the tutorial's kubectl machine). */
export const KUBECTL_NODE = 'k8s-master';

/** The programs a shell line starts (first word of each pipeline segment and list element). */
export function programsOf(line: string): string[] {
  const unquoted = blankQuotes(line);
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
  if (where.kind !== 'node') return { kind: 'client-host' };
  if (where.node !== KUBECTL_NODE) return { kind: 'node', node: where.node };
  if (programs.length > 0 && programs.every((p) => WORK_FOLDER_TOOLS.has(p))) return { kind: 'local' };
  const fileTools = programs.filter((p) => WORK_FOLDER_TOOLS.has(p) && !PIPE_FILTERS.has(p));
  const nodeProgram = programs.find((p) => NODE_PROGRAMS.has(p));
  if (nodeProgram && (fileTools.length > 0 || redirectsToFile(line))) {
    const what = [...new Set(fileTools)].join(', ') || 'its redirections';
    return { kind: 'node', node: where.node, warning: `\`${line}\` runs in the ${where.node} node container because of ${nodeProgram}: the files ${what} read or write there are not shared with the scenario's work folder, where kubectl and the other ${KUBECTL_NODE} lines of work-folder tools run; split the line to use them with kubectl` };
  }
  return { kind: 'node', node: where.node };
}

/** Whether a line reads or writes a file through a redirection (`> f`, `>> f`, `< f`; not `2>&1` or /dev/null). */
export function redirectsToFile(line: string): boolean {
  const unquoted = blankQuotes(line);
  return /[<>]/.test(unquoted.replace(/\d*>&\d+|\d*>>?\s*\/dev\/null/g, ''));
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

// Quoted text is blanked so separators and `>` inside quotes (sed scripts, awk programs, -subj '/CN=…') do not count.
function blankQuotes(line: string): string {
  return line.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (q) => 'x'.repeat(q.length));
}

function firstWord(segment: string): string {
  // Skips leading VAR=value assignments and a `sudo`.
  const words = segment.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  const word = words[0] === 'sudo' ? words[1] : words[0];
  return (word ?? '').replace(/^.*\//, '');
}
