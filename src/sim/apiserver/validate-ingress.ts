/**
 * Ingress validation of the API server. SRC: kubernetes pkg/apis/networking/validation/validation.go
 * ValidateIngressCreate/ValidateIngressSpec/validateIngressRules/validateHTTPIngressPath/validateIngressBackend/
 * validateIngressTLS (v1.31); apimachinery pkg/util/validation IsWildcardDNS1123Subdomain.
 */
import type { KubeObject } from '../../model/meta.ts';
import type { Ingress, IngressBackend } from '../../model/networking.ts';
import type { FieldError } from './types.ts';
import { fieldError, invalidNumber, invalidString, notSupported, required } from './field-errors.ts';
import { isDns1035Label, isDns1123Subdomain, isValidPortName, isValidPortNum, maxLenError, regexError } from './name-rules.ts';
import { isIP } from 'node:net';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const WILDCARD_FMT = `\\*\\.${LABEL}(\\.${LABEL})*`;
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** IsWildcardDNS1123Subdomain. */
export function isWildcardDns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

function validateBackend(backend: IngressBackend | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = backend?.resource !== undefined;
  const svc = backend?.service;
  if (hasResource && svc) return [invalidString(field, '', 'cannot set both resource and service backends')];
  if (hasResource) return errs;
  if (!svc) return [invalidString(field, '', 'resource or service backend is required')];
  if (!svc.name) errs.push(required(`${field}.service.name`));
  else for (const msg of isDns1035Label(svc.name)) errs.push(invalidString(`${field}.service.name`, svc.name, msg));
  const name = svc.port?.name ?? '';
  const num = svc.port?.number ?? 0;
  if (name !== '' && num !== 0) errs.push(invalidString(field, '', 'cannot set both port name & port number'));
  else if (name !== '') for (const msg of isValidPortName(name)) errs.push(invalidString(`${field}.service.port.name`, name, msg));
  else if (num !== 0) for (const msg of isValidPortNum(num)) errs.push(invalidNumber(`${field}.service.port.number`, num, msg));
  else errs.push(required(field, 'port name or number is required'));
  return errs;
}

function validateHost(host: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isIP(host) !== 0) errs.push(invalidString(field, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
  for (const msg of msgs) errs.push(invalidString(field, host, msg));
  return errs;
}

/** The Ingress validator registered in VALIDATORS. */
export function validateIngress(obj: KubeObject): FieldError[] {
  const ing = obj as Ingress;
  const spec = ing.spec ?? {};
  const errs: FieldError[] = [];
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    errs.push(fieldError('spec', 'Invalid value', '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const base = `spec.rules[${i}]`;
    if (rule.host) errs.push(...validateHost(rule.host, `${base}.host`));
    if (!rule.http) return;
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errs.push(required(`${base}.http.paths`));
    paths.forEach((p, j) => {
      const f = `${base}.http.paths[${j}]`;
      if (p.pathType === undefined) {
        errs.push(required(`${f}.pathType`, 'pathType must be specified'));
        return;
      }
      const value = p.path ?? '';
      if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
        if (!value.startsWith('/')) errs.push(invalidString(`${f}.path`, value, 'must be an absolute path'));
        if (value.length > 0) {
          for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalidString(`${f}.path`, value, `must not contain '${seq}'`));
          for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalidString(`${f}.path`, value, `cannot end with '${suf}'`));
        }
      } else if (p.pathType === 'ImplementationSpecific') {
        if (value.length > 0 && !value.startsWith('/')) errs.push(invalidString(`${f}.path`, value, 'must be an absolute path'));
      } else {
        errs.push(notSupported(`${f}.pathType`, p.pathType, ['Exact', 'ImplementationSpecific', 'Prefix']));
      }
      errs.push(...validateBackend(p.backend, `${f}.backend`));
    });
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const msgs = host.includes('*') ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
      for (const msg of msgs) errs.push(invalidString(`spec.tls[${i}].hosts[${j}]`, host, msg));
    });
    if (tls.secretName) for (const msg of isDns1123Subdomain(tls.secretName)) errs.push(invalidString(`spec.tls[${i}].secretName`, tls.secretName, msg));
  });
  if (spec.ingressClassName !== undefined) for (const msg of isDns1123Subdomain(spec.ingressClassName)) errs.push(invalidString('spec.ingressClassName', spec.ingressClassName, msg));
  const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (annotation !== undefined && spec.ingressClassName !== undefined) {
    errs.push(invalidString('annotations.kubernetes.io/ingress.class', annotation, 'can not be set when the class field is also set'));
  }
  return errs;
}
