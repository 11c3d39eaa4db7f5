/** `kubectl describe pod` and `kubectl describe deployment` (the fields the simulator models). */
import type { Pod, Container } from '../../../../model/core.ts';
import type { Deployment, ReplicaSet } from '../../../../model/apps.ts';
import { count, field } from '../printers/printer.ts';
import { selectorString } from '../printers/workloads.ts';
import { podStatus } from '../printers/pods.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels, type Describer } from './describe-text.ts';

/** RFC 1123 with numeric zone, as Go's time.RFC1123Z prints it (the lab's clock is UTC). */
export function describeTime(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>';
  const d = new Date(timestamp);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The pod describer. */
export const describePod: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod (v1.31); container IDs are not modelled.
  const pod = obj as Pod;
  const w = new DescribeWriter();
  w.line('Name', pod.metadata.name).line('Namespace', pod.metadata.namespace ?? '').line('Priority', 0);
  w.line('Service Account', String(field(pod, 'spec', 'serviceAccountName') ?? 'default'));
  w.line('Node', pod.spec.nodeName ? `${pod.spec.nodeName}/${pod.status?.hostIP ?? ''}` : '<none>');
  if (pod.status?.startTime) w.line('Start Time', describeTime(pod.status.startTime));
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  w.line('Status', podStatus(pod) === 'Terminating' ? 'Terminating' : pod.status?.phase ?? 'Pending');
  w.line('IP', pod.status?.podIP ?? '');
  const ips = pod.status?.podIPs ?? (pod.status?.podIP ? [{ ip: pod.status.podIP }] : []);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.line('Controlled By', `${owner.kind}/${owner.name}`);
  w.write(0, 'Containers:\n');
  for (const c of pod.spec.containers) {
    const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    writeContainer(w, c, 1);
    if (status?.state.running) w.write(2, `State:\tRunning\n`).write(3, `Started:\t${describeTime(status.state.running.startedAt)}\n`);
    else if (status?.state.waiting) w.write(2, 'State:\tWaiting\n').write(3, `Reason:\t${status.state.waiting.reason}\n`);
    else w.write(2, 'State:\tWaiting\n');
    w.write(2, `Ready:\t${status?.ready ? 'True' : 'False'}\n`).write(2, `Restart Count:\t${status?.restartCount ?? 0}\n`);
    w.write(2, 'Environment:\t<none>\n').write(2, 'Mounts:\t<none>\n');
  }
  const conditions = pod.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  w.line('QoS Class', 'BestEffort').line('Node-Selectors', '<none>').line('Tolerations', '<none>');
  writeEvents(w, pod, ctx);
  return w.toString();
};

function writeContainer(w: DescribeWriter, c: Container, level: number): void {
  w.write(level, `${c.name}:\n`);
  w.write(level + 1, `Image:\t${c.image}\n`);
  const port = c.ports?.[0];
  w.write(level + 1, `Port:\t${port ? `${port.containerPort}/${port.protocol ?? 'TCP'}` : '<none>'}\n`);
  w.write(level + 1, `Host Port:\t${port ? `0/${port.protocol ?? 'TCP'}` : '<none>'}\n`);
  if (c.command?.length) w.write(level + 1, 'Command:\n').write(0, c.command.map((s) => `${'  '.repeat(level + 2)}${s}\n`).join(''));
  if (c.args?.length) w.write(level + 1, 'Args:\n').write(0, c.args.map((s) => `${'  '.repeat(level + 2)}${s}\n`).join(''));
}

/** The deployment describer. */
export const describeDeployment: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go DeploymentDescriber.Describe (v1.31).
  const d = obj as Deployment;
  const w = new DescribeWriter();
  const status = d.status ?? {};
  const replicas = d.spec.replicas ?? 1;
  w.line('Name', d.metadata.name).line('Namespace', d.metadata.namespace ?? '').line('CreationTimestamp', describeTime(d.metadata.creationTimestamp));
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.line('Selector', selectorString(d.spec.selector));
  const total = count(status.replicas);
  const available = Number(count(status.availableReplicas));
  w.line('Replicas', `${replicas} desired | ${count(status.updatedReplicas)} updated | ${total} total | ${available} available | ${Math.max(0, Number(total) - available)} unavailable`);
  w.line('StrategyType', 'RollingUpdate').line('MinReadySeconds', 0).line('RollingUpdateStrategy', '25% max unavailable, 25% max surge');
  w.write(0, 'Pod Template:\n');
  writeLabels(w, 'Labels', d.spec.template.metadata?.labels, 1);
  if (d.spec.template.metadata?.annotations) writeAnnotations(w, d.spec.template.metadata.annotations, 1);
  w.write(1, 'Containers:\n');
  for (const c of d.spec.template.spec.containers) {
    w.write(0, ' ');
    writeContainer(w, c, 1);
    w.write(2, 'Environment:\t<none>\n').write(2, 'Mounts:\t<none>\n');
  }
  w.write(1, 'Volumes:\t<none>\n').write(1, 'Node-Selectors:\t<none>\n').write(1, 'Tolerations:\t<none>\n');
  const conditions = (field(d, 'status', 'conditions') as { type: string; status: string; reason?: string }[] | undefined) ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n').write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const owned = ctx.store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid && o.kind === 'Deployment'));
  const current = owned.find((rs) => (rs.spec.replicas ?? 0) > 0) ?? owned.at(-1);
  const old = owned.filter((rs) => rs !== current && (rs.spec.replicas ?? 0) > 0);
  w.line('OldReplicaSets', old.length === 0 ? '<none>' : old.map(rsSummary).join(', '));
  w.line('NewReplicaSet', current ? rsSummary(current) : '<none>');
  writeEvents(w, d, ctx);
  return w.toString();
};

function rsSummary(rs: ReplicaSet): string {
  return `${rs.metadata.name} (${count(rs.status?.replicas)}/${rs.spec.replicas ?? 0} replicas created)`;
}
