/** `kubectl expose deployment|service|pod|replicaset NAME --port … [--target-port] [--type] [--name] [--protocol]`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { Container } from '../../../model/core.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError, usageError } from './output-text.ts';
import { finishGenerated, typedMeta } from './generated.ts';
import { getObject, notFoundText, parseResourceArgs } from './resources.ts';
import { field } from './printers/printer.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

/** `kubectl expose`. */
export const exposeCommand: KubectlCommand = {
  name: 'expose',
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [flags]',
  flags: [
    ...['port', 'target-port', 'type', 'name', 'protocol', 'selector', 'external-ip', 'cluster-ip', 'session-affinity', 'load-balancer-ip'].map((name) => ({ name, kind: 'string' as const })),
    { name: 'labels', short: 'l', kind: 'string' },
    OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE,
  ],
  run: runExpose,
};

// SRC: kubernetes staging/src/k8s.io/kubectl/pkg/polymorphichelpers/canbeexposed.go (v1.31).
const EXPOSABLE = ['Deployment', 'Service', 'Pod', 'ReplicaSet'];

function runExpose(inv: Invocation) {
  const parsed = parseResourceArgs(inv.sim, inv.args);
  if (!parsed.ok) return kubectlError(parsed.message);
  const req = parsed.requests[0];
  const name = req?.names?.[0];
  if (!req || !name) return usageError(inv.path, 'You must provide the resource type and name to expose (e.g. kubectl expose deployment howe --port 80)');
  if (!EXPOSABLE.includes(req.type.kind)) return kubectlError(`error: cannot expose a ${req.type.kind}`);
  const target = getObject(inv.sim, req.type, name, inv.namespace);
  if (!target) return kubectlError(notFoundText(req.type, name));
  const selector = inv.flags.string('selector') ? parseEquality(inv.flags.string('selector')!) : selectorOf(target);
  if (typeof selector === 'string') return usageError(inv.path, `couldn't retrieve selectors via --selector flag or introspection: ${selector}`);
  const ports = inv.flags.string('port') ? [inv.flags.string('port')!] : containerPorts(target);
  const headless = inv.flags.string('cluster-ip') === 'None';
  if (ports.length === 0 && !headless) return usageError(inv.path, "couldn't find port via --port flag or introspection");
  const service = serviceObject(inv, inv.flags.string('name') ?? name.slice(0, 63), target, selector, ports);
  return finishGenerated({ inv, object: service, verb: 'exposed', errorText: (s) => kubectlErrorText(s, { operation: 'creating' }) });
}

/** The Service the service/v2 generator builds (Go struct order; `status.loadBalancer: {}` is always there). */
function serviceObject(inv: Invocation, name: string, target: KubeObject, selector: Record<string, string>, ports: string[]): KubeObject {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/generate/versioned/service.go generateService (v1.31).
  const protocol = inv.flags.string('protocol') ?? protocolOf(target) ?? 'TCP';
  const targetPort = inv.flags.string('target-port');
  const servicePorts = ports.map((p, i) => {
    const port: Record<string, unknown> = {};
    if (ports.length > 1) port['name'] = `port-${i + 1}`;
    port['protocol'] = protocol;
    port['port'] = Number(p);
    const tp = targetPort ?? p;
    port['targetPort'] = /^\d+$/.test(tp) ? Number(tp) : tp;
    return port;
  });
  const spec: Record<string, unknown> = { ports: servicePorts, selector };
  const clusterIP = inv.flags.string('cluster-ip');
  if (clusterIP) spec['clusterIP'] = clusterIP;
  if (inv.flags.string('type')) spec['type'] = inv.flags.string('type');
  if (inv.flags.string('external-ip')) spec['externalIPs'] = [inv.flags.string('external-ip')];
  if (inv.flags.string('session-affinity')) spec['sessionAffinity'] = inv.flags.string('session-affinity');
  if (inv.flags.string('load-balancer-ip')) spec['loadBalancerIP'] = inv.flags.string('load-balancer-ip');
  const labels = inv.flags.string('labels') ? parseEquality(inv.flags.string('labels')!) : target.metadata.labels;
  const meta = typedMeta(inv, name, typeof labels === 'object' && labels && Object.keys(labels).length > 0 ? labels : undefined);
  return { kind: 'Service', apiVersion: 'v1', metadata: meta, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

// SRC: kubernetes staging/src/k8s.io/kubectl/pkg/polymorphichelpers/mapbasedselectorforobject.go (v1.31).
function selectorOf(obj: KubeObject): Record<string, string> | string {
  if (obj.kind === 'Pod') return obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0 ? obj.metadata.labels : 'the pod has no labels and cannot be exposed';
  if (obj.kind === 'Service') return (field(obj, 'spec', 'selector') as Record<string, string> | undefined) ?? 'the service has no pod selector set';
  if (field(obj, 'spec', 'selector', 'matchExpressions')) return `couldn't convert expressions - "${JSON.stringify(field(obj, 'spec', 'selector', 'matchExpressions'))}" to map-based selector format`;
  return (field(obj, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined) ?? 'no selector';
}

// SRC: kubernetes staging/src/k8s.io/kubectl/pkg/polymorphichelpers/portsforobject.go (v1.31).
function containerPorts(obj: KubeObject): string[] {
  if (obj.kind === 'Service') return ((field(obj, 'spec', 'ports') as { port: number }[] | undefined) ?? []).map((p) => String(p.port));
  return containersOf(obj).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

function protocolOf(obj: KubeObject): string | undefined {
  if (obj.kind === 'Service') return (field(obj, 'spec', 'ports', 0, 'protocol') as string | undefined) ?? undefined;
  return containersOf(obj).flatMap((c) => c.ports ?? [])[0]?.protocol;
}

function containersOf(obj: KubeObject): Container[] {
  return ((obj.kind === 'Pod' ? field(obj, 'spec', 'containers') : field(obj, 'spec', 'template', 'spec', 'containers')) as Container[] | undefined) ?? [];
}

function parseEquality(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) return `"${part}" is not of the form key=value`;
    out[k.trim()] = v.trim();
  }
  return out;
}
