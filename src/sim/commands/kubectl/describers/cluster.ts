/** `kubectl describe` for Nodes (basic), ConfigMaps, Secrets and Namespaces. */
import type { ConfigMap, Node, Secret, Pod } from '../../../../model/core.ts';
import { nodeRoles } from '../printers/cluster.ts';
import { field } from '../printers/printer.ts';
import { describeTime } from './describe-text.ts';
import { ageOf } from '../../../render/duration.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels, type Describer } from './describe-text.ts';

/** The node describer (capacity, lease and resource requests print as the node object carries them). */
export const describeNode: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode, describeNodeResource,
  // printTaintsMultilineWithIndent (v1.31).
  const node = obj as Node;
  const w = new DescribeWriter();
  w.line('Name', node.metadata.name).line('Roles', nodeRoles(node));
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.line('CreationTimestamp', describeTime(node.metadata.creationTimestamp));
  const taints = [...(node.spec.taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  const taintText = (t: { key: string; value?: string; effect: string }) => (t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`);
  w.line('Taints', taints.length === 0 ? '<none>' : taintText(taints[0]!));
  for (const t of taints.slice(1)) w.write(0, `\t${taintText(t)}\n`);
  w.line('Unschedulable', String(field(node, 'spec', 'unschedulable') === true));
  // The node's Lease in kube-node-lease; without one (NotFound) the block is left out.
  const lease = ctx.store.get('Lease', node.metadata.name, 'kube-node-lease');
  if (lease) {
    const spec = (lease.spec ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${text(spec['holderIdentity']) ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${describeTime(text(spec['acquireTime']))}\n`);
    w.write(1, `RenewTime:\t${describeTime(text(spec['renewTime']))}\n`);
  }
  const conditions = (node.status.conditions ?? []) as (Record<string, string> & { type: string; status: string })[];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${goTime(c['lastHeartbeatTime'])} \t${goTime(c['lastTransitionTime'])} \t${c['reason'] ?? ''} \t${c['message'] ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, key] of [['Capacity', 'capacity'], ['Allocatable', 'allocatable']] as const) {
    const list = (field(node, 'status', key) as Record<string, string> | undefined) ?? {};
    if (Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:\t${list[name]}\n`);
  }
  const info = (key: string) => String(field(node, 'status', 'nodeInfo', key) ?? '');
  w.write(0, 'System Info:\n');
  for (const [title, key] of SYSTEM_INFO) w.write(0, `  ${title}:\t${info(key)}\n`);
  if (node.spec.podCIDR) w.line('PodCIDR', node.spec.podCIDR);
  if (node.spec.podCIDRs?.length) w.line('PodCIDRs', node.spec.podCIDRs.join(','));
  if (field(node, 'spec', 'providerID')) w.line('ProviderID', String(field(node, 'spec', 'providerID')));
  const pods = ctx.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  // The lab's containers declare no requests or limits: every pod and the totals are 0 (0%).
  for (const p of pods) w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${ageOf(p.metadata.creationTimestamp, ctx.now)}\n`);
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n').write(1, '--------\t--------\t------\n');
  // describeNodeResource then lists the allocatable hugepage sizes, sorted (IsHugePageResourceName).
  const hugePages = Object.keys(node.status.allocatable ?? {}).filter((r) => r.startsWith('hugepages-')).sort();
  for (const r of ['cpu', 'memory', 'ephemeral-storage', ...hugePages]) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
  writeEvents(w, node, ctx);
  return w.toString();
};

const SYSTEM_INFO = [
  ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
] as const;

// A metav1.Time formatted with RFC1123Z; an unset one is Go's zero time.
function goTime(ts: string | undefined): string {
  return ts ? describeTime(ts) : 'Mon, 01 Jan 0001 00:00:00 +0000';
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
