/**
 * buildIngressModel: the pure translation of the cluster's objects into servers → locations → backends,
 * following getConfiguration/getBackendServers. SRC: ingress-nginx internal/ingress/controller/controller.go,
 * location.go updateServerLocations, template.go enforceRegexModifier/buildLocation (controller-v1.11.2).
 */
import type { ConfigMap, EndpointSlice, Secret, Service } from '../../model/core.ts';
import type { Ingress, IngressClass } from '../../model/networking.ts';
import type { ReadonlyStore } from '../store.ts';
import { extractAnnotations, modelledAnnotationKeys } from './annotations/index.ts';
import { createUpstreams } from './backends.ts';
import { fakeCertificate, type CertificateInfo } from './certificates.ts';
import { readControllerConfig } from './config.ts';
import { keyOf, processedIngresses } from './ingress-set.ts';
import { addLocations, assignCertificates, createServers, type ParsedIngress } from './servers.ts';
import { mergeCanaries } from './canary-merge.ts';
import { finaliseServer } from './locations.ts';
import { applyCustomDefaultBackends } from './custom-default-backend.ts';
import { CATCH_ALL_SERVER, type IngressModel } from './types.ts';

/** The objects the controller watches. */
export interface ModelInput {
  ingresses: readonly Ingress[];
  ingressClasses: readonly IngressClass[];
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
  secrets: readonly Secret[];
  configMap?: ConfigMap;
  /** The default certificate (fake unless --default-ssl-certificate). */
  defaultCertificate?: CertificateInfo;
  /** An Ingress processed after the sorted stored ones (the admission webhook appends the one under review). */
  appendLast?: Ingress;
}

/** Namespace and ConfigMap of the installed controller (deploy.yaml). */
export const CONTROLLER_NAMESPACE = 'ingress-nginx';

/** Reads the watched objects from the store. */
export function modelInputFromStore(store: ReadonlyStore): ModelInput {
  const input: ModelInput = {
    ingresses: store.list<Ingress>('Ingress'),
    ingressClasses: store.list<IngressClass>('IngressClass'),
    services: store.list<Service>('Service'),
    endpointSlices: store.list<EndpointSlice>('EndpointSlice'),
    secrets: store.list<Secret>('Secret'),
  };
  const cm = store.get<ConfigMap>('ConfigMap', 'ingress-nginx-controller', CONTROLLER_NAMESPACE);
  return cm ? { ...input, configMap: cm } : input;
}

/** Builds the model. Pure: the same input gives the same model. */
export function buildIngressModel(input: ModelInput): IngressModel {
  const { config, warnings } = readControllerConfig(input.configMap);
  const defaultCertificate = input.defaultCertificate ?? fakeCertificate();
  const { ingresses } = processedIngresses(input.ingresses, input.ingressClasses);
  if (input.appendLast) ingresses.push(...processedIngresses([input.appendLast], input.ingressClasses).ingresses);
  const resolver = {
    secret: (ns: string, name: string) => input.secrets.find((s) => s.metadata.namespace === ns && s.metadata.name === name),
    service: (ns: string, name: string) => input.services.find((s) => s.metadata.namespace === ns && s.metadata.name === name),
  };
  const modelled = modelledAnnotationKeys();
  const data: ParsedIngress[] = ingresses.map((ingress) => {
    const extracted = extractAnnotations({ ingress, resolver, config });
    warnings.push(...extracted.warnings);
    for (const key of Object.keys(ingress.metadata.annotations ?? {})) {
      if (key.startsWith('nginx.ingress.kubernetes.io/') && !modelled.has(key)) {
        warnings.push(`ingress ${keyOf(ingress)}: annotation ${key} is not simulated by kubelab and has no effect here`);
      }
    }
    return { ingress, extracted };
  });
  const upstreams = createUpstreams(data.map((d) => ({ ingress: d.ingress, annotations: d.extracted.annotations })), { services: input.services, endpointSlices: input.endpointSlices, config });
  // The catch-all root location uses the defaults: an Ingress-less extraction.
  const defaults = extractAnnotations({ ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: '', namespace: '' }, spec: {} }, resolver, config });
  const servers = createServers(data, upstreams, defaults, warnings);
  assignCertificates(data, servers, input.secrets, defaultCertificate, warnings);
  addLocations(data, servers, upstreams, warnings);
  if (data.some((d) => !d.extracted.annotations.canary.enabled)) {
    for (const d of data) if (d.extracted.annotations.canary.enabled) mergeCanaries(d.ingress, upstreams, servers, warnings);
  }
  applyCustomDefaultBackends(servers, upstreams, input.services, input.endpointSlices, warnings);
  const sorted = [...servers.values()].map(finaliseServer).sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
  const certificates = new Map<string, CertificateInfo>();
  certificates.set(CATCH_ALL_SERVER, defaultCertificate);
  for (const s of sorted) if (s.tls && s.hostname !== CATCH_ALL_SERVER) certificates.set(s.hostname, s.tls.certificate);
  return { servers: sorted, backends: upstreams, certificates, defaultCertificate, config, warnings };
}
