/**
 * Placeholders for values known only at run time, written in step text as `{service howe cluster IP}`.
 * Each is resolved through the cluster (cluster.get / cluster.info), so the same feature runs on
 * the simulator and on kind, whose allocated IPs and ports differ.
 */
import { HarnessError, type ClusterInfo, type KubeObject, type Pod, type Service } from '../../src/index.ts';
import { parseObjectRef } from './object-ref.ts';

/** What placeholder expansion may ask of a cluster. */
export interface PlaceholderSource {
  readonly info: Pick<ClusterInfo, 'nodes'>;
  get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined>;
}

/** The forms a user may write, for error messages and the README. */
export const PLACEHOLDER_FORMS = [
  '{service NAME cluster IP}',
  '{service NAME node port}',
  '{service NAME node port PORT}   (PORT = the service port number or name, when it has several)',
  '{service NAME external IP}',
  '{node NAME IP}',
  '{pod NAME IP}',
] as const;

// Only `{service …}`, `{node …}` and `{pod …}` are placeholders: shell braces ({1..5}) and regex
// quantifiers ({5}) pass through untouched.
const PLACEHOLDER = /\{(service|node|pod) ([^\s{}]+) ([^{}]+)\}/g;

/** Replaces every placeholder in `text`; `escape` transforms each value (e.g. for regular expressions). */
export async function expandPlaceholders(text: string, source: PlaceholderSource, escape: (value: string) => string = (v) => v): Promise<string> {
  const matches = [...text.matchAll(PLACEHOLDER)];
  if (matches.length === 0) return text;
  let out = '';
  let from = 0;
  for (const m of matches) {
    const value = await resolvePlaceholder(m[1]!, m[2]!, m[3]!.trim(), source, m[0]);
    out += text.slice(from, m.index) + escape(value);
    from = m.index! + m[0].length;
  }
  return out + text.slice(from);
}

/** Escapes a value for literal use inside a JavaScript regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function resolvePlaceholder(kind: string, name: string, attribute: string, source: PlaceholderSource, written: string): Promise<string> {
  if (kind === 'node') {
    if (attribute !== 'IP') throw unknownForm(written);
    const node = source.info.nodes.find((n) => n.name === name);
    if (!node) throw new HarnessError('NOT_FOUND', `${written}: there is no node "${name}"; the nodes are ${source.info.nodes.map((n) => n.name).join(', ')}`);
    return node.ip;
  }
  const ref = parseObjectRef(name);
  if (kind === 'pod') {
    if (attribute !== 'IP') throw unknownForm(written);
    const pod = (await source.get('Pod', ref.name, ref.namespace)) as Pod | undefined;
    if (!pod) throw new HarnessError('NOT_FOUND', `${written}: pod "${ref.name}" not found in namespace ${ref.namespace}`);
    if (!pod.status?.podIP) throw new HarnessError('NOT_FOUND', `${written}: pod "${ref.name}" has no IP yet (phase ${pod.status?.phase ?? 'unknown'})`);
    return pod.status.podIP;
  }
  const service = (await source.get('Service', ref.name, ref.namespace)) as Service | undefined;
  if (!service) throw new HarnessError('NOT_FOUND', `${written}: service "${ref.name}" not found in namespace ${ref.namespace}; apply it before the step that uses it`);
  return serviceValue(service, attribute, written);
}

function serviceValue(service: Service, attribute: string, written: string): string {
  const name = service.metadata.name;
  if (attribute === 'cluster IP') {
    const ip = service.spec.clusterIP;
    if (!ip || ip === 'None') throw new HarnessError('NOT_FOUND', `${written}: service "${name}" has no cluster IP (type ${service.spec.type ?? 'ClusterIP'}, clusterIP ${ip ?? 'unset'})`);
    return ip;
  }
  if (attribute === 'external IP') {
    const ip = service.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip ?? service.spec.externalIPs?.[0];
    if (!ip) throw new HarnessError('NOT_FOUND', `${written}: service "${name}" has no external IP yet (status.loadBalancer is empty: is a load-balancer implementation such as MetalLB installed with an address pool?)`);
    return ip;
  }
  const nodePort = /^node port(?: (\S+))?$/.exec(attribute);
  if (!nodePort) throw unknownForm(written);
  const ports = service.spec.ports ?? [];
  const wanted = nodePort[1];
  const port = wanted === undefined ? ports[0] : ports.find((p) => String(p.port) === wanted || p.name === wanted);
  if (wanted === undefined && ports.length > 1) {
    throw new HarnessError('INVALID_INPUT', `${written}: service "${name}" has ${ports.length} ports; say which: {service ${name} node port ${ports[0]!.name ?? ports[0]!.port}}`);
  }
  if (!port) throw new HarnessError('NOT_FOUND', `${written}: service "${name}" has no port ${wanted ?? ''}`.trimEnd());
  if (port.nodePort === undefined) throw new HarnessError('NOT_FOUND', `${written}: service "${name}" port ${port.port} has no node port (type ${service.spec.type ?? 'ClusterIP'})`);
  return String(port.nodePort);
}

function unknownForm(written: string): HarnessError {
  return new HarnessError('INVALID_INPUT', `unknown placeholder ${written}; kubelab knows ${PLACEHOLDER_FORMS.join(', ')}`);
}
