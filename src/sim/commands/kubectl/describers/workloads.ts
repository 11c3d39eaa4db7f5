/** `kubectl describe pod` and `kubectl describe deployment` (the fields the simulator models). */
import type { Pod } from '../../../../model/core.ts';
import type { Deployment, ReplicaSet, PodTemplate } from '../../../../model/apps.ts';
import { ageOf } from '../../../render/duration.ts';
import { canonicalJson } from '../../../apiserver/apply.ts';
import { writeContainers, writeVolumes, writeTolerations, qosClass } from './containers.ts';
import { count, field } from '../printers/printer.ts';
import { selectorString } from '../printers/workloads.ts';
import { DescribeWriter, describeTime, writeAnnotations, writeEvents, writeLabels, type DescribeContext, type Describer } from './describe-text.ts';

type Loose = Record<string, unknown>;

export { describeTime } from './describe-text.ts';

/** The pod describer. */
export const describePod: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod (v1.31).
  const pod = obj as Pod;
  const spec = pod.spec as Pod['spec'] & Loose;
  const status = (pod.status ?? {}) as NonNullable<Pod['status']> & Loose;
  const w = new DescribeWriter();
  w.line('Name', pod.metadata.name).line('Namespace', pod.metadata.namespace ?? '');
  if (typeof spec['priority'] === 'number') w.line('Priority', spec['priority']);
  if (spec['priorityClassName']) w.line('Priority Class Name', String(spec['priorityClassName']));
  if (spec['runtimeClassName']) w.line('Runtime Class Name', String(spec['runtimeClassName']));
  if (spec['serviceAccountName']) w.line('Service Account', String(spec['serviceAccountName']));
  w.line('Node', pod.spec.nodeName ? `${pod.spec.nodeName}/${status.hostIP ?? ''}` : '<none>');
  if (status.startTime) w.line('Start Time', describeTime(status.startTime));
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  const deleting = pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded';
  if (deleting) {
    // translateTimestampSince of a deletion time in the future prints "<invalid>", as the real kubectl does.
    w.line('Status', `Terminating (lasts ${ageOf(pod.metadata.deletionTimestamp, ctx.now)})`);
    w.line('Termination Grace Period', `${String(field(pod, 'metadata', 'deletionGracePeriodSeconds') ?? 0)}s`);
  } else w.line('Status', status.phase ?? '');
  if (status['reason']) w.line('Reason', String(status['reason']));
  if (status['message']) w.line('Message', String(status['message']));
  w.line('IP', status.podIP ?? '');
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.line('Controlled By', `${owner.kind}/${owner.name}`);
  if (status['nominatedNodeName']) w.line('NominatedNodeName', String(status['nominatedNodeName']));
  writeContainers(w, 'Containers', pod.spec.containers, status.containerStatuses ?? []);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec['volumes'] as Loose[] | undefined);
  w.line('QoS Class', qosClass(pod.spec.containers, status));
  writeLabels(w, 'Node-Selectors', spec['nodeSelector'] as Record<string, string> | undefined);
  writeTolerations(w, 'Tolerations', spec['tolerations'] as Loose[] | undefined);
  writeEvents(w, pod, ctx);
  return w.toString();
};

/** The deployment describer. */
export const describeDeployment: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeDeployment, DescribePodTemplate,
  // printReplicaSetsByLabels (v1.31); pkg/util/deployment/deployment.go GetAllReplicaSetsInChunks/FindNewReplicaSet.
  const d = obj as Deployment;
  const w = new DescribeWriter();
  const num = (...path: string[]) => Number(field(d, ...path) ?? 0);
  w.line('Name', d.metadata.name).line('Namespace', d.metadata.namespace ?? '').line('CreationTimestamp', describeTime(d.metadata.creationTimestamp));
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.line('Selector', selectorString(d.spec.selector));
  w.line('Replicas', `${d.spec.replicas ?? 1} desired | ${num('status', 'updatedReplicas')} updated | ${num('status', 'replicas')} total | ${num('status', 'availableReplicas')} available | ${num('status', 'unavailableReplicas')} unavailable`);
  w.line('StrategyType', String(field(d, 'spec', 'strategy', 'type') ?? ''));
  w.line('MinReadySeconds', num('spec', 'minReadySeconds'));
  const rolling = field(d, 'spec', 'strategy', 'rollingUpdate') as Loose | undefined;
  if (rolling) w.line('RollingUpdateStrategy', `${String(rolling['maxUnavailable'] ?? '')} max unavailable, ${String(rolling['maxSurge'] ?? '')} max surge`);
  writePodTemplate(w, d.spec.template);
  const conditions = (field(d, 'status', 'conditions') as { type: string; status: string; reason?: string }[] | undefined) ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n').write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { oldSets, newSet } = replicaSetsOf(d, ctx);
  if (oldSets.length > 0 || newSet) {
    w.line('OldReplicaSets', oldSets.length === 0 ? '<none>' : oldSets.map(rsSummary).join(', '));
    w.line('NewReplicaSet', newSet ? rsSummary(newSet) : '<none>');
  }
  writeEvents(w, d, ctx);
  return w.toString();
};

/** DescribePodTemplate: labels, annotations, containers, volumes, node selectors and tolerations two spaces in. */
export function writePodTemplate(w: DescribeWriter, template: PodTemplate): void {
  const spec = template.spec as PodTemplate['spec'] & Loose;
  w.write(0, 'Pod Template:\n');
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length > 0) writeAnnotations(w, template.metadata.annotations, 1);
  if (spec['serviceAccountName']) w.write(1, `Service Account:\t${String(spec['serviceAccountName'])}\n`);
  writeContainers(w, 'Containers', template.spec.containers, undefined, '  ');
  writeVolumes(w, spec['volumes'] as Loose[] | undefined, '  ');
  if (spec['priorityClassName']) w.write(1, `Priority Class Name:\t${String(spec['priorityClassName'])}\n`);
  writeLabels(w, '  Node-Selectors', spec['nodeSelector'] as Record<string, string> | undefined);
  writeTolerations(w, '  Tolerations', spec['tolerations'] as Loose[] | undefined);
}

// The deployment's ReplicaSets (controlled by it): the new one has the deployment's template (ignoring the
// pod-template-hash label; the oldest such when several), every other one is old, in list (name) order.
function replicaSetsOf(d: Deployment, ctx: DescribeContext): { oldSets: ReplicaSet[]; newSet?: ReplicaSet } {
  const owned = ctx.store
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid));
  const withoutHash = (t: PodTemplate) => {
    const copy = structuredClone(t);
    if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
    return canonicalJson(copy);
  };
  const wanted = withoutHash(d.spec.template);
  const byAge = [...owned].sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''));
  const newSet = byAge.find((rs) => withoutHash(rs.spec.template) === wanted);
  return { oldSets: owned.filter((rs) => rs !== newSet), newSet };
}

function rsSummary(rs: ReplicaSet): string {
  return `${rs.metadata.name} (${count(rs.status?.replicas)}/${rs.spec.replicas ?? 0} replicas created)`;
}
