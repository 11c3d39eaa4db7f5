/** `kubectl describe service`. */
import type { EndpointSlice, Service } from '../../../../model/core.ts';
import { formatLabels } from '../printers/printer.ts';
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels, type Describer } from './describe-text.ts';

/** The service describer (reference k8s-services.md §6.1). */
export const describeService: Describer = (obj, ctx) => {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeService (v1.31).
  const svc = obj as Service;
  const spec = svc.spec;
  const slices = ctx.store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  const w = new DescribeWriter();
  w.line('Name', svc.metadata.name).line('Namespace', svc.metadata.namespace ?? '');
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, svc.metadata.annotations);
  w.line('Selector', formatLabels(spec.selector)).line('Type', spec.type ?? '');
  if (spec.ipFamilyPolicy) w.line('IP Family Policy', spec.ipFamilyPolicy);
  w.line('IP Families', spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>');
  w.line('IP', spec.clusterIP ?? '');
  w.line('IPs', spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>');
  if (spec.externalIPs?.length) w.line('External IPs', spec.externalIPs.join(','));
  if (spec.loadBalancerIP) w.line('Desired LoadBalancer IP', spec.loadBalancerIP);
  if (spec.externalName) w.line('External Name', spec.externalName);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.line('LoadBalancer Ingress', ingress.map((i) => `${i.ip || i.hostname || ''}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', '));
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.line('TargetPort', `${port.targetPort ?? port.port}/${protocol}`);
    if (port.appProtocol) w.line('AppProtocol', port.appProtocol);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.line('Endpoints', formatEndpointSlices(slices, port.name ?? ''));
  }
  w.line('Session Affinity', spec.sessionAffinity ?? 'None');
  if (spec.externalTrafficPolicy) w.line('External Traffic Policy', spec.externalTrafficPolicy);
  if (spec.internalTrafficPolicy) w.line('Internal Traffic Policy', spec.internalTrafficPolicy);
  if (spec.healthCheckNodePort) w.line('HealthCheck NodePort', spec.healthCheckNodePort);
  if (spec.loadBalancerSourceRanges?.length) w.line('LoadBalancer Source Ranges', spec.loadBalancerSourceRanges.join(','));
  writeEvents(w, svc, ctx);
  return w.toString();
};

/** Ready endpoint `ip:port`s of the slices for one service port, first three then "+ N more..."; `<none>` without slices. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go formatEndpointSlices (v1.31).
  if (slices.length === 0) return '<none>';
  const all: string[] = [];
  for (const slice of slices) {
    const ready = slice.endpoints.filter((e) => e.conditions?.ready !== false && e.addresses.length > 0);
    if (!slice.ports || slice.ports.length === 0) {
      all.push(...ready.map((e) => e.addresses[0]!));
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      all.push(...ready.map((e) => `${e.addresses[0]}:${port.port}`));
    }
  }
  const shown = all.slice(0, 3).join(',');
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}
