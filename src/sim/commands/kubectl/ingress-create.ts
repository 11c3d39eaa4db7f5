/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend] [--annotation]`.
 * SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create_ingress.go Validate/buildIngressSpec/
 * buildTLSRules/buildIngressRules/buildHTTPIngressPath (v1.31): a path ending in `*` is Prefix (the `*` dropped),
 * otherwise Exact; the host is kept verbatim (`*` included).
 */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { finishGenerated, typedMeta, nameArgument } from './generated.ts';

const RULE = /^(?<host>[\w*\-.]*)(?<path>\/.*)=(?<svcname>[\w-]+):(?<svcport>[\w-]+)(,(?<istls>tls)=?(?<secretname>[\w-]+)?)?/;

function backend(service: string): Record<string, unknown> {
  const [name, port = ''] = service.split(':');
  // intstr.Parse: a decimal integer is a port number, anything else a port name.
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

function httpPath(pathsvc: string): Record<string, unknown> {
  const [p = '', svc = ''] = pathsvc.split('=');
  let path = `/${p}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(svc) };
}

/** The Ingress object create_ingress.go builds, in Go struct field order. */
export function ingressObject(name: string, meta: KubeObject['metadata'], rules: string[], opts: { className?: string; defaultBackend?: string; annotations: string[] }): KubeObject {
  const annotations: Record<string, string> = {};
  for (const a of opts.annotations) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0] ?? '';
    const secret = parts[1]!.split('=')[1] ?? '';
    if (seenHosts.has(host)) continue;
    const existing = tls.find((t) => (t.secretName ?? '') === secret);
    seenHosts.add(host);
    if (existing) { (existing.hosts ??= []).push(host); continue; }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') entry.hosts = [host];
    if (secret !== '') entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  const ruleObjs: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0]!;
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const p = httpPath(noTls.slice(slash + 1));
    const found = ruleObjs.find((r) => (r.host ?? '') === host);
    if (found) { found.http.paths.push(p); continue; }
    ruleObjs.push(host !== '' ? { host, http: { paths: [p] } } : { http: { paths: [p] } });
  }
  const spec: Record<string, unknown> = {};
  if (opts.className) spec['ingressClassName'] = opts.className;
  if (opts.defaultBackend) spec['defaultBackend'] = backend(opts.defaultBackend);
  if (tls.length > 0) spec['tls'] = tls;
  if (ruleObjs.length > 0) spec['rules'] = ruleObjs;
  const metadata = { ...meta, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
  return { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

/** `kubectl create ingress`. */
export const createIngressCommand: KubectlCommand = {
  name: 'ingress',
  aliases: ['ing'],
  summary: 'Create an ingress with the specified name',
  usage: 'create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [flags]',
  flags: [
    { name: 'rule', kind: 'array' },
    { name: 'class', kind: 'string' },
    { name: 'default-backend', kind: 'string' },
    { name: 'annotation', kind: 'array' },
    OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE,
  ],
  run: (inv) => {
    const arg = nameArgument(inv);
    if (!arg.ok) return arg.error;
    const name = arg.name;
    const rules = inv.flags.list('rule');
    const def = inv.flags.string('default-backend') ?? '';
    const annotations = inv.flags.list('annotation');
    if (def === '' && rules.length === 0) {
      return kubectlError('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    }
    for (const rule of rules) {
      if (!RULE.test(rule)) return kubectlError(`error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    }
    for (const a of annotations) if (!a.includes('=')) return kubectlError(`error: annotation ${a} is invalid and should be in format key=[value]`);
    if (def !== '' && def.split(':').length !== 2) return kubectlError('error: default-backend should be in format servicename:serviceport');
    const cls = inv.flags.string('class');
    const object = ingressObject(name, typedMeta(inv, name), rules, { ...(cls ? { className: cls } : {}), ...(def ? { defaultBackend: def } : {}), annotations });
    return finishGenerated({ inv, object, verb: 'created', errorText: (s) => `error: failed to create ingress: ${s.message}` });
  },
};
