/** `kubectl describe` for Nodes (basic), ConfigMaps, Secrets and Namespaces. */
import type { ConfigMap, Node, Secret, Pod } from '../../../../model/core.ts';
import { nodeRoles } from '../printers/cluster.ts';
import { field } from '../printers/printer.ts';
import { describeTime } from './workloads.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels, type Describer } from './describe-text.ts';

/** The node describer (identity, addresses, pod CIDRs and non-terminated pods; capacity is not modelled). */
export const describeNode: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode (v1.31), abridged.
  const node = obj as Node;
  const w = new DescribeWriter();
  w.line('Name', node.metadata.name).line('Roles', nodeRoles(node));
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.line('CreationTimestamp', describeTime(node.metadata.creationTimestamp));
  const taints = node.spec.taints ?? [];
  w.line('Taints', taints.length === 0 ? '<none>' : `${taints[0]!.key}:${taints[0]!.effect}`);
  for (const t of taints.slice(1)) w.write(0, `\t${t.key}:${t.effect}\n`);
  w.line('Unschedulable', String(field(node, 'spec', 'unschedulable') === true));
  w.write(0, 'Addresses:\n');
  for (const a of node.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  w.line('PodCIDR', node.spec.podCIDR).line('PodCIDRs', (node.spec.podCIDRs ?? [node.spec.podCIDR]).join(','));
  const pods = ctx.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\tAge\n').write(1, '---------\t----\t---\n');
  for (const p of pods) w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t${ageText(p.metadata.creationTimestamp, ctx.now)}\n`);
  writeEvents(w, node, ctx);
  return w.toString();
};

function ageText(ts: string | undefined, now: Date): string {
  return ts ? `${Math.max(0, Math.floor((now.getTime() - Date.parse(ts)) / 1000))}s` : '<unknown>';
}

/** The configmap describer: each key, a `----` rule and the value. */
export const describeConfigMap: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeConfigMap (v1.31).
  const cm = obj as ConfigMap;
  const w = new DescribeWriter();
  w.line('Name', cm.metadata.name).line('Namespace', cm.metadata.namespace ?? '');
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of Object.entries(cm.data ?? {}).sort(([a], [b]) => a.localeCompare(b))) w.write(0, `${k}:\n----\n${v}\n`);
  w.write(0, '\nBinaryData\n====\n\n');
  writeEvents(w, cm, ctx);
  return w.toString();
};

/** The secret describer: sizes only, never values. */
export const describeSecret: Describer = (obj) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeSecret (v1.31).
  const secret = obj as Secret;
  const w = new DescribeWriter();
  w.line('Name', secret.metadata.name).line('Namespace', secret.metadata.namespace ?? '');
  writeLabels(w, 'Labels', secret.metadata.labels);
  writeAnnotations(w, secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? 'Opaque'}\n`).write(0, '\nData\n====\n');
  for (const [k, v] of Object.entries(secret.data ?? {}).sort(([a], [b]) => a.localeCompare(b))) w.write(0, `${k}:\t${Buffer.from(v, 'base64').length} bytes\n`);
  return w.toString();
};

/** The namespace describer. */
export const describeNamespace: Describer = (obj) => {
  const w = new DescribeWriter();
  w.line('Name', obj.metadata.name);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, obj.metadata.annotations);
  w.line('Status', String(field(obj, 'status', 'phase') ?? 'Active'));
  w.write(0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
  return w.toString();
};
