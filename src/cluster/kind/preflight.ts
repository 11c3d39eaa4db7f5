/**
 * Checks made before anything is created: Docker running, kind and kubectl present and new enough,
 * enough memory for three nodes, free addresses for the MetalLB pool. Each failure names the fix.
 * Optional tools (openssl, htpasswd: only the TLS and basic-auth sections need them) are noted when missing;
 * a scenario line that needs one then fails naming the package, and the rest of the lab still runs.
 */
import { HarnessError } from '../../errors.ts';
import { mustRun, type Exec } from './exec.ts';
import { carvePool, parseNetworkInspect, type AddressRange } from './network.ts';

/** What preflight needs to know. */
export interface PreflightOptions {
  kindMinVersion: string;
  kubectlMinVersion: string;
  /** Memory the Docker engine must have (three nodes + MetalLB + ingress-nginx). */
  minMemoryBytes: number;
  poolSize: number;
  /** The Docker network kind uses ("kind", or KIND_EXPERIMENTAL_DOCKER_NETWORK). */
  network: string;
}

/** What preflight learned. */
export interface PreflightReport {
  kindVersion: string;
  kubectlVersion: string;
  dockerVersion: string;
  memoryBytes: number;
  /** Optional work-folder tools that are not on PATH (see OPTIONAL_TOOLS). */
  missingTools: string[];
  /** The pool, when the kind network already exists (else it is carved after kind creates it). */
  pool?: AddressRange;
}

/** Optional tools k8s-master lines run in the work folder, and the packages that provide them. */
export const OPTIONAL_TOOLS: Readonly<Record<string, { args: string[]; packages: string }>> = {
  openssl: { args: ['version'], packages: 'openssl (apt-get install openssl, dnf install openssl)' },
  htpasswd: { args: ['-nb', 'kubelab', 'check'], packages: 'apache2-utils on Debian/Ubuntu (apt-get install apache2-utils) or httpd-tools on RHEL/Fedora (dnf install httpd-tools)' },
};

/** The message for a scenario line that needs an optional tool preflight found missing. */
export function missingToolMessage(tool: string, command: string): string {
  return `\`${command}\` needs ${tool}, which is not installed on this machine (on kind, k8s-master's work-folder tools run here, ` +
    `next to kubectl): install ${OPTIONAL_TOOLS[tool]?.packages ?? tool} and run again`;
}

/** Compares "v1.2.3[-suffix]" versions; a < b → negative. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => (/^v?(\d+)\.(\d+)\.(\d+)/.exec(v) ?? [, '0', '0', '0']).slice(1).map(Number);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! - y[i]!;
  return 0;
}

/** Runs every check; the first failing one throws a PREFLIGHT error with its fix. */
export async function preflight(exec: Exec, opts: PreflightOptions): Promise<PreflightReport> {
  const info = await exec({ file: 'docker', args: ['info', '--format', '{{json .}}'], what: 'ask Docker whether it runs', timeoutMs: 20_000 });
  if (info.exitCode !== 0 || info.timedOut) {
    throw new HarnessError('PREFLIGHT', `Docker is not running or not reachable (${(info.stderr || info.stdout).trim().split('\n')[0] ?? 'no answer'}): ` +
      'start it (sudo systemctl start docker, or dockerd &) and make sure this user may use it (the docker group)');
  }
  const docker = JSON.parse(info.stdout) as { ServerVersion?: string; MemTotal?: number };
  const memoryBytes = docker.MemTotal ?? 0;
  if (memoryBytes < opts.minMemoryBytes) {
    throw new HarnessError('PREFLIGHT', `Docker has ${gib(memoryBytes)} of memory, kubelab's kind cluster needs at least ${gib(opts.minMemoryBytes)} ` +
      '(three nodes, MetalLB, ingress-nginx): give Docker more memory (Docker Desktop: Settings → Resources) or close other containers');
  }
  const kind = await exec({ file: 'kind', args: ['version'], what: 'ask kind for its version', timeoutMs: 10_000 }).catch(missing(
    `kind is not installed or not on PATH: install kind ${opts.kindMinVersion} (go install sigs.k8s.io/kind@${opts.kindMinVersion}, or the release binary from https://github.com/kubernetes-sigs/kind/releases/tag/${opts.kindMinVersion})`));
  const kindVersion = /v\d+\.\d+\.\d+\S*/.exec(kind.stdout)?.[0] ?? '';
  if (kind.exitCode !== 0 || compareVersions(kindVersion, opts.kindMinVersion) < 0) {
    throw new HarnessError('PREFLIGHT', `kind ${kindVersion || '(unknown version)'} is older than ${opts.kindMinVersion}: install kind ${opts.kindMinVersion} ` +
      `(go install sigs.k8s.io/kind@${opts.kindMinVersion}, or the release binary from https://github.com/kubernetes-sigs/kind/releases/tag/${opts.kindMinVersion})`);
  }
  const kubectl = await exec({ file: 'kubectl', args: ['version', '--client', '-o', 'json'], what: 'ask kubectl for its version', timeoutMs: 10_000 }).catch(missing(
    `kubectl is not installed or not on PATH: install kubectl ${opts.kubectlMinVersion} or newer (https://kubernetes.io/docs/tasks/tools/)`));
  const kubectlVersion = (() => {
    try { return (JSON.parse(kubectl.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? ''; } catch { return ''; }
  })();
  if (kubectl.exitCode !== 0 || compareVersions(kubectlVersion, opts.kubectlMinVersion) < 0) {
    throw new HarnessError('PREFLIGHT', `kubectl ${kubectlVersion || '(unknown version)'} is older than ${opts.kubectlMinVersion}: install a kubectl within one minor version of Kubernetes v1.31 ` +
      '(https://kubernetes.io/docs/tasks/tools/)');
  }
  const missingTools: string[] = [];
  for (const [tool, check] of Object.entries(OPTIONAL_TOOLS)) {
    // Only "not on PATH" (exec's PREFLIGHT error) counts as missing; the tool's own exit code does not matter.
    const found = await exec({ file: tool, args: check.args, what: `check that ${tool} is installed`, timeoutMs: 10_000 }).then(() => true, (err: unknown) => {
      if (err instanceof HarnessError && err.code === 'PREFLIGHT') return false;
      throw err;
    });
    if (!found) missingTools.push(tool);
  }
  const report: PreflightReport = { kindVersion, kubectlVersion, dockerVersion: docker.ServerVersion ?? 'unknown', memoryBytes, missingTools };
  const net = await exec({ file: 'docker', args: ['network', 'inspect', opts.network], what: `inspect the Docker network ${opts.network}`, timeoutMs: 20_000 });
  if (net.exitCode === 0) report.pool = carvePool(parseNetworkInspect(net.stdout, opts.network), opts.poolSize);
  return report;
}

/** The pool once the network exists (after kind created it). */
export async function inspectPool(exec: Exec, network: string, poolSize: number): Promise<{ subnet: string; pool: AddressRange }> {
  const net = await mustRun(exec, { file: 'docker', args: ['network', 'inspect', network], what: `inspect the Docker network ${network}`, timeoutMs: 20_000 });
  const parsed = parseNetworkInspect(net.stdout, network);
  return { subnet: parsed.subnet, pool: carvePool(parsed, poolSize) };
}

// A tool that is not on PATH (exec reports PREFLIGHT) gets the install hint; other errors pass through.
function missing(message: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof HarnessError && err.code === 'PREFLIGHT') throw new HarnessError('PREFLIGHT', message, { cause: err });
    throw err;
  };
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}
