/**
 * The start-up sweep: what a crashed run left behind. kind clusters named kubelab-<pid> whose process is
 * gone, and containers and networks labelled kubelab.owner-pid=<pid> likewise. Clusters of live runs and
 * the reusable cluster (kubelab-reuse) are left alone.
 */
import { mustRun, type Exec } from './exec.ts';

/** The label kubelab puts on the containers and networks it creates. */
export const OWNER_LABEL = 'kubelab.owner-pid';
/** The name of a run's cluster: one per process, so the sweep can tell whose it is. */
export function runClusterName(pid: number, reuse: boolean): string {
  return reuse ? 'kubelab-reuse' : `kubelab-${pid}`;
}

/** What was removed. */
export interface SweepReport { clusters: string[]; containers: string[]; networks: string[] }

/** Removes what dead runs left; `isAlive(pid)` is injected (the real one asks the OS). */
export async function sweepStale(exec: Exec, opts: { isAlive: (pid: number) => boolean; keep: string }): Promise<SweepReport> {
  const report: SweepReport = { clusters: [], containers: [], networks: [] };
  const clusters = await mustRun(exec, { file: 'kind', args: ['get', 'clusters'], what: 'list kind clusters', timeoutMs: 20_000 });
  for (const name of clusters.stdout.split('\n').map((l) => l.trim())) {
    const pid = /^kubelab-(\d+)$/.exec(name)?.[1];
    if (!pid || name === opts.keep || opts.isAlive(Number(pid))) continue;
    await mustRun(exec, { file: 'kind', args: ['delete', 'cluster', '--name', name], what: `delete the stale kind cluster ${name}`, timeoutMs: 120_000 });
    report.clusters.push(name);
  }
  for (const what of ['container', 'network'] as const) {
    const format = what === 'container' ? '{{.ID}} {{.Label "kubelab.owner-pid"}}' : '{{.ID}} {{.Label "kubelab.owner-pid"}}';
    const listed = await mustRun(exec, { file: 'docker', args: [what === 'container' ? 'ps' : 'network', ...(what === 'container' ? ['-a'] : ['ls']), '--filter', `label=${OWNER_LABEL}`, '--format', format],
      what: `list kubelab's Docker ${what}s`, timeoutMs: 20_000 });
    for (const line of listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const [id, pid] = line.split(/\s+/) as [string, string | undefined];
      if (pid && /^\d+$/.test(pid) && opts.isAlive(Number(pid))) continue;
      const args = what === 'container' ? ['rm', '-f', id] : ['network', 'rm', id];
      await mustRun(exec, { file: 'docker', args, what: `remove the stale Docker ${what} ${id}`, timeoutMs: 30_000 });
      (what === 'container' ? report.containers : report.networks).push(id);
    }
  }
  return report;
}
