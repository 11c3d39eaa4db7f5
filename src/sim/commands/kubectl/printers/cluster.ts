/** Table printers for Namespaces, Nodes, ConfigMaps, Secrets, Events, ServiceAccounts and RBAC objects. */
import type { ConfigMap, KubeEvent, Node, Secret } from '../../../../model/core.ts';
import { ageOf } from '../../../render/duration.ts';
import { age, field, type TablePrinter } from './printer.ts';

// SRC: kubernetes pkg/printers/internalversion/printers.go printNamespace, printNode, printConfigMap,
// printSecret, printEvent, formatEventSource, printServiceAccount, printRole (v1.31).

/** NAME STATUS AGE. */
export const namespacePrinter: TablePrinter = {
  headers: () => ['NAME', 'STATUS', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, String(field(obj, 'status', 'phase') ?? 'Active'), age(obj, ctx)],
};

/** NAME STATUS ROLES AGE VERSION [INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME]. */
export const nodePrinter: TablePrinter = {
  headers: (wide) => ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : [])],
  row(obj, ctx) {
    const node = obj as Node;
    const info = (key: string) => String(field(node, 'status', 'nodeInfo', key) ?? '<unknown>');
    const row = [node.metadata.name, nodeStatus(node), nodeRoles(node), age(node, ctx), info('kubeletVersion')];
    if (!ctx.wide) return row;
    const address = (type: string) => node.status.addresses.find((a) => a.type === type)?.address ?? '<none>';
    return [...row, address('InternalIP'), address('ExternalIP'), info('osImage'), info('kernelVersion'), info('containerRuntimeVersion')];
  },
};

/** Ready / NotReady / Unknown, plus SchedulingDisabled for cordoned nodes. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  const base = ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
  return field(node, 'spec', 'unschedulable') === true ? `${base},SchedulingDisabled` : base;
}

/** Roles from `node-role.kubernetes.io/<role>` labels (and `kubernetes.io/role`), sorted; `<none>` when none. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

/** NAME DATA AGE. */
export const configMapPrinter: TablePrinter = {
  headers: () => ['NAME', 'DATA', 'AGE'],
  row(obj, ctx) {
    const cm = obj as ConfigMap;
    const binary = field(cm, 'binaryData') as Record<string, unknown> | undefined;
    return [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(binary ?? {}).length), age(cm, ctx)];
  },
};

/** NAME TYPE DATA AGE. */
export const secretPrinter: TablePrinter = {
  headers: () => ['NAME', 'TYPE', 'DATA', 'AGE'],
  row: (obj, ctx) => {
    const secret = obj as Secret;
    return [secret.metadata.name, secret.type ?? 'Opaque', String(Object.keys(secret.data ?? {}).length), age(secret, ctx)];
  },
};

/** LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. */
export const eventPrinter: TablePrinter = {
  headers: (wide) => (wide ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'] : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']),
  row(obj, ctx) {
    // printEvent: a zero lastTimestamp shows the first; the first falls back to eventTime (events.k8s.io writers).
    const ev = obj as KubeEvent;
    const str = (...path: string[]) => {
      const v = field(ev, ...path);
      return typeof v === 'string' ? v : '';
    };
    const first = ev.firstTimestamp ? ageOf(ev.firstTimestamp, ctx.now) : ageOf(str('eventTime') || undefined, ctx.now);
    let last = ev.lastTimestamp ? ageOf(ev.lastTimestamp, ctx.now) : first;
    let count = ev.count ?? 0;
    const series = field(ev, 'series') as { count?: number; lastObservedTime?: string } | undefined;
    if (series) {
      last = ageOf(series.lastObservedTime, ctx.now);
      count = series.count ?? 0;
    } else if (count === 0) count = 1;
    const kind = ev.involvedObject.kind.toLowerCase();
    const target = ev.involvedObject.name ? `${kind}/${ev.involvedObject.name}` : kind;
    const message = ev.message.trim();
    if (!ctx.wide) return [last, ev.type, ev.reason, target, message];
    const component = ev.source.component || str('reportingController');
    const instance = str('source', 'host') || str('reportingInstance');
    const source = instance === '' ? component : `${component}, ${instance}`;
    return [last, ev.type, ev.reason, target, str('involvedObject', 'fieldPath'), source, message, first, String(count), ev.metadata.name];
  },
};

/** NAME SECRETS AGE. */
export const serviceAccountPrinter: TablePrinter = {
  headers: () => ['NAME', 'SECRETS', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, String((field(obj, 'secrets') as unknown[] | undefined)?.length ?? 0), age(obj, ctx)],
};

/** NAME HOLDER AGE (SRC: printers.go printLease). */
export const leasePrinter: TablePrinter = {
  headers: () => ['NAME', 'HOLDER', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, String(field(obj, 'spec', 'holderIdentity') ?? ''), age(obj, ctx)],
};

/** NAME CREATED AT (Roles, ClusterRoles). */
export const createdAtPrinter: TablePrinter = {
  headers: () => ['NAME', 'CREATED AT'],
  row: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp ?? ''],
};

/** NAME ROLE AGE (RoleBindings, ClusterRoleBindings). */
export const bindingPrinter: TablePrinter = {
  headers: () => ['NAME', 'ROLE', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, `${String(field(obj, 'roleRef', 'kind') ?? '')}/${String(field(obj, 'roleRef', 'name') ?? '')}`, age(obj, ctx)],
};
