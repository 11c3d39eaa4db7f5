/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:target] [--node-port=N]`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import type { FlagSpec } from './flags.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { finishGenerated, typedMeta, nameArgument } from './generated.ts';

// SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go (v1.31).
const COMMON: FlagSpec[] = [OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE];

function serviceType(name: string, type: string, summary: string, extra: FlagSpec[]): KubectlCommand {
  return { name, summary, usage: `create service ${name} NAME [--tcp=<port>:<targetPort>] [flags]`, flags: [...extra, ...COMMON], run: (inv) => createService(inv, type) };
}

/** `kubectl create service` and its four types. */
export const createServiceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  summary: 'Create a service using a specified subcommand',
  subcommands: [
    serviceType('clusterip', 'ClusterIP', 'Create a ClusterIP service', [{ name: 'tcp', kind: 'strings' }, { name: 'clusterip', kind: 'string' }]),
    serviceType('externalname', 'ExternalName', 'Create an ExternalName service', [{ name: 'tcp', kind: 'strings' }, { name: 'external-name', kind: 'string' }]),
    serviceType('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service', [{ name: 'tcp', kind: 'strings' }]),
    serviceType('nodeport', 'NodePort', 'Create a NodePort service', [{ name: 'tcp', kind: 'strings' }, { name: 'node-port', kind: 'int' }]),
  ],
};

function createService(inv: Invocation, type: string) {
  const arg = nameArgument(inv);
  if (!arg.ok) return arg.error;
  const name = arg.name;
  const tcp = inv.flags.list('tcp');
  const clusterIP = inv.flags.string('clusterip');
  const externalName = inv.flags.string('external-name');
  if (type === 'ExternalName' && !externalName) return kubectlError('error: external-name must be specified');
  if (tcp.length === 0 && type !== 'ExternalName' && clusterIP !== 'None') return kubectlError('error: at least one tcp port specifier must be provided');
  if (clusterIP === 'None' && type !== 'ClusterIP') return kubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
  const nodePort = Number(inv.flags.string('node-port') ?? '0');
  const ports = [];
  for (const spec of tcp) {
    const [portText, targetText = portText] = spec.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText ?? '')) return kubectlError(`error: strconv.Atoi: parsing "${portText}": invalid syntax`);
    const entry: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort: /^\d+$/.test(targetText!) ? Number(targetText) : targetText };
    if (nodePort > 0) entry['nodePort'] = nodePort;
    ports.push(entry);
  }
  const spec: Record<string, unknown> = { ports, selector: { app: name } };
  if (clusterIP) spec['clusterIP'] = clusterIP;
  spec['type'] = type;
  if (externalName) spec['externalName'] = externalName;
  const object = { kind: 'Service', apiVersion: 'v1', metadata: typedMeta(inv, name, { app: name }), spec, status: { loadBalancer: {} } } as unknown as KubeObject;
  return finishGenerated({ inv, object, verb: 'created', errorText: (s) => `error: failed to create ${type} service: ${s.message}` });
}
