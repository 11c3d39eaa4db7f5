/** Table printers for Deployments, ReplicaSets, DaemonSets and Jobs (Pods: pods.ts). */
import type { Deployment, ReplicaSet, DaemonSet, PodTemplate } from '../../../../model/apps.ts';
import type { Job } from '../../../../model/batch.ts';
import { humanDuration } from '../../../render/duration.ts';
import type { LabelSelector } from '../../../../model/meta.ts';
import { age, count, field, formatLabels, type TablePrinter } from './printer.ts';

// SRC: kubernetes pkg/printers/internalversion/printers.go printDeployment, printReplicaSet, printDaemonSet, printJob (v1.31).

/** NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
export const deploymentPrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])],
  row(obj, ctx) {
    const d = obj as Deployment;
    const row = [d.metadata.name, `${count(d.status?.readyReplicas)}/${d.spec.replicas ?? 1}`, count(d.status?.updatedReplicas), count(d.status?.availableReplicas), age(d, ctx)];
    return ctx.wide ? [...row, ...templateColumns(d.spec.template, d.spec.selector)] : row;
  },
};

/** NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
export const replicaSetPrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])],
  row(obj, ctx) {
    const rs = obj as ReplicaSet;
    const row = [rs.metadata.name, String(rs.spec.replicas ?? 1), count(rs.status?.replicas), count(rs.status?.readyReplicas), age(rs, ctx)];
    return ctx.wide ? [...row, ...templateColumns(rs.spec.template, rs.spec.selector)] : row;
  },
};

/** NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE [CONTAINERS IMAGES SELECTOR]. */
export const daemonSetPrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])],
  row(obj, ctx) {
    const ds = obj as DaemonSet;
    const status = (key: string) => count(field(ds, 'status', key));
    const nodeSelector = field(ds, 'spec', 'template', 'spec', 'nodeSelector') as Record<string, string> | undefined;
    const row = [
      ds.metadata.name,
      status('desiredNumberScheduled'),
      status('currentNumberScheduled'),
      status('numberReady'),
      status('updatedNumberScheduled'),
      status('numberAvailable'),
      formatLabels(nodeSelector),
      age(ds, ctx),
    ];
    return ctx.wide ? [...row, ...templateColumns(ds.spec.template, ds.spec.selector)] : row;
  },
};

/** NAME STATUS COMPLETIONS DURATION AGE [CONTAINERS IMAGES SELECTOR]. */
export const jobPrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])],
  row(obj, ctx) {
    const job = obj as Job;
    const row = [job.metadata.name, jobStatus(job), jobCompletions(job), jobDuration(job, ctx.now), age(job, ctx)];
    return ctx.wide ? [...row, ...templateColumns(job.spec.template, job.spec.selector ?? {})] : row;
  },
};

// `succeeded/completions`; without completions `succeeded/1`, or `succeeded/1 of P` when parallelism > 1.
function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

// completionTime − startTime once done, time since start while running, empty before the start.
function jobDuration(job: Job, now: Date): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : now.getTime();
  return humanDuration(end - Date.parse(start));
}

// The first condition that holds, in printJob's order; Running otherwise.
function jobStatus(job: Job): string {
  const holds = (type: string) => job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
  if (holds('Complete')) return 'Complete';
  if (holds('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (holds('Suspended')) return 'Suspended';
  if (holds('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

// CONTAINERS, IMAGES (comma-joined) and the selector as metav1.LabelSelectorAsSelector prints it.
function templateColumns(template: PodTemplate, selector: LabelSelector): string[] {
  const containers = template.spec.containers;
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(','), selectorString(selector)];
}

/** A LabelSelector as kubectl prints it: `app=howe,tier in (a,b)` sorted by key; `<none>` when empty. */
export function selectorString(selector: LabelSelector | undefined): string {
  // SRC: apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector + FormatLabelSelector, pkg/labels
  // selector.go Add (requirements sorted by key) and Requirement.String (values sorted) (v1.31).
  const parts: { key: string; text: string }[] = Object.keys(selector?.matchLabels ?? {}).map((k) => ({ key: k, text: `${k}=${selector!.matchLabels![k]}` }));
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.length === 0 ? '<none>' : parts.map((p) => p.text).join(',');
}
