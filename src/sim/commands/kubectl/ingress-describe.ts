/**
 * `kubectl describe ingress`. SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * describeIngressV1, describeBackendV1 (EndpointSlices of the Service, the port matched by number or name),
 * describeIngressTLSV1, ingressLoadBalancerStatusStringerV1 (v1.31).
 */
import type { EndpointSlice, Service } from '../../../model/core.ts';
import type { Ingress, IngressBackend } from '../../../model/networking.ts';
import type { Describer, DescribeContext } from './describers/describe-text.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './describers/describe-text.ts';
import { formatEndpointSlices } from './describers/service.ts';
import { loadBalancerIngress } from './printers/services.ts';

/** `svc:port (endpoints)` or the resource backend line. */
export function describeBackend(ns: string, backend: IngressBackend, ctx: DescribeContext): string {
  const svc = backend.service;
  if (svc) {
    const port = svc.port.number !== undefined && svc.port.number !== 0 ? String(svc.port.number) : (svc.port.name ?? '');
    const sb = `${svc.name}:${port}`;
    const service = ctx.store.get<Service>('Service', svc.name, ns);
    if (!service) return `${sb} (<error: services "${svc.name}" not found>)`;
    let spName = '';
    for (const sp of service.spec.ports ?? []) {
      if (svc.port.number !== undefined && svc.port.number !== 0 && svc.port.number === sp.port) spName = sp.name ?? '';
      else if (svc.port.name && svc.port.name === sp.name) spName = sp.name ?? '';
    }
    const slices = ctx.store.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.name);
    return `${sb} (${formatEndpointSlices(slices, spName)})`;
  }
  if (backend.resource) return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  return '';
}

/** The describer registered for Ingress. */
export const describeIngress: Describer = (obj, ctx) => {
  const ing = obj as Ingress;
  const ns = ing.metadata.namespace ?? 'default';
  const w = new DescribeWriter();
  w.line('Name', ing.metadata.name);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.line('Namespace', ns);
  w.line('Address', loadBalancerIngress(ing.status?.loadBalancer?.ingress ?? [], true));
  w.line('Ingress Class', ing.spec.ingressClassName ?? '<none>');
  const def = ing.spec.defaultBackend ? describeBackend(ns, ing.spec.defaultBackend, ctx) : '<default>';
  w.line('Default backend', def);
  if ((ing.spec.tls ?? []).length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of ing.spec.tls ?? []) {
      w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of ing.spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(ns, p.backend, ctx)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  writeAnnotations(w, ing.metadata.annotations);
  writeEvents(w, ing, ctx);
  return w.toString();
};
