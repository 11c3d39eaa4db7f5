/** Plain-object builders for tests of the ingress-nginx model (no simulation needed). */
import type { EndpointSlice, Secret, Service } from '../../model/core.ts';
import type { HTTPIngressPath, Ingress, IngressClass } from '../../model/networking.ts';
import type { ModelInput } from './model.ts';

/** The IngressClass `nginx` of deploy.yaml. */
export const NGINX_CLASS: IngressClass = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } };

/** A path to a Service port 80. */
export function path(p: string, service: string, pathType: HTTPIngressPath['pathType'] = 'Prefix', port = 80): HTTPIngressPath {
  return { path: p, pathType, backend: { service: { name: service, port: { number: port } } } };
}

/** An Ingress of class nginx in `default`, created `ageSeconds` after the epoch used by tests. */
export function ingress(name: string, rules: { host?: string; paths: HTTPIngressPath[] }[], opts: { annotations?: Record<string, string>; tls?: { hosts?: string[]; secretName?: string }[]; created?: number; className?: string } = {}): Ingress {
  const short: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.annotations ?? {})) short[k.includes('/') ? k : `nginx.ingress.kubernetes.io/${k}`] = v;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', annotations: short, creationTimestamp: new Date(Date.UTC(2024, 8, 6, 7, 0, opts.created ?? 0)).toISOString() },
    spec: {
      ingressClassName: opts.className ?? 'nginx',
      ...(opts.tls ? { tls: opts.tls } : {}),
      rules: rules.map((r) => ({ ...(r.host ? { host: r.host } : {}), http: { paths: r.paths } })),
    },
  };
}

/** A ClusterIP Service `name` port 80 → 80 with `ips.length` ready endpoints (pods `<name>-<i>`). */
export function serviceWithEndpoints(name: string, ips: string[], ready = true): { service: Service; slice: EndpointSlice } {
  const service: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.100.1', selector: { app: name }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    ports: [{ port: 80, protocol: 'TCP' }],
    endpoints: ips.map((ip, i) => ({ addresses: [ip], conditions: { ready }, targetRef: { kind: 'Pod', name: `${name}-${i}`, namespace: 'default' } })),
  };
  return { service, slice };
}

/** An Opaque secret with string data. */
export function secret(name: string, data: Record<string, string>, type = 'Opaque'): Secret {
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = Buffer.from(v).toString('base64');
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, type, data: encoded };
}

/** A model input from Ingresses and `service → endpoint IPs`. */
export function input(ingresses: Ingress[], services: Record<string, string[]> = {}, secrets: Secret[] = []): ModelInput {
  const built = Object.entries(services).map(([n, ips]) => serviceWithEndpoints(n, ips));
  return { ingresses, ingressClasses: [NGINX_CLASS], services: built.map((b) => b.service), endpointSlices: built.map((b) => b.slice), secrets };
}

/** Deterministic draws: canary draws from a list, endpoints always the first, fixed request id. */
export function fixedDraws(canaryValues: number[] = []) {
  let i = 0;
  return {
    canary: (total: number) => Math.min(total, canaryValues[i++] ?? total),
    endpoint: () => 0,
    requestId: () => '0123456789abcdef0123456789abcdef',
  };
}
