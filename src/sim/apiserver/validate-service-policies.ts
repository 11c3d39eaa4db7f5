/** Session affinity, externalIPs, LoadBalancer-only fields and traffic policies (SRC: kubernetes pkg/apis/core/validation/validation.go, v1.31). */
import ipaddr from 'ipaddr.js';
import type { Service } from '../../model/core.ts';
import type { FieldError } from './types.ts';
import { forbidden, invalidNumber, invalidString, notSupported, required } from './field-errors.ts';
import { INVALID_IP_MESSAGE, isQualifiedName, isValidPortNum } from './name-rules.ts';
import { isIPLiteral } from './ip-range.ts';
import { externallyAccessible } from './defaults-service.ts';
import { needsHealthCheck } from './service-port-alloc.ts';

/** sessionAffinity and its ClientIP config (validateClientIPAffinityConfig, validateAffinityTimeout). */
export function validateAffinity(svc: Service): FieldError[] {
  const spec = svc.spec;
  const path = 'spec.sessionAffinityConfig';
  if (!spec.sessionAffinity) return [required('spec.sessionAffinity')];
  if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) return [notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None'])];
  if (spec.sessionAffinity === 'None') {
    return spec.sessionAffinityConfig ? [forbidden(path, 'must not be set when session affinity is None')] : [];
  }
  const when = 'when session affinity type is ClientIP';
  const config = spec.sessionAffinityConfig;
  if (!config) return [required(path, when)];
  if (!config.clientIP) return [required(`${path}.clientIP`, when)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined) return [required(`${path}.clientIP.timeoutSeconds`, when)];
  // MaxClientIPServiceAffinitySeconds = 86400.
  if (timeout <= 0 || timeout > 86400) return [invalidNumber(`${path}.clientIP.timeoutSeconds`, timeout, 'must be greater than 0 and less than 86400')];
  return [];
}

/** Each externalIP is an IP and not a special one (ValidateNonSpecialIP). */
export function validateExternalIPs(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  for (const [i, ip] of (svc.spec.externalIPs ?? []).entries()) {
    const path = `spec.externalIPs[${i}]`;
    if (!isIPLiteral(ip)) {
      errs.push(invalidString(path, ip, INVALID_IP_MESSAGE));
      continue;
    }
    const range = ipaddr.parse(ip).range();
    const special: Record<string, string> = {
      unspecified: 'may not be unspecified (0.0.0.0, ::)',
      loopback: 'may not be in the loopback range (127.0.0.0/8, ::1/128)',
      linkLocal: 'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    };
    if (special[range]) errs.push(invalidString(path, ip, special[range]));
    else if (/^224\.0\.0\./.test(ip)) errs.push(invalidString(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

/** LoadBalancerSourceRanges (capital L: the path upstream really uses), allocateLoadBalancerNodePorts, loadBalancerClass. */
export function validateLoadBalancerFields(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  const isLB = spec.type === 'LoadBalancer';
  if (spec.loadBalancerSourceRanges?.length) {
    if (!isLB) errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    for (const [i, raw] of spec.loadBalancerSourceRanges.entries()) {
      const value = raw.trim();
      if (!isCIDR(value)) errs.push(invalidString(`spec.LoadBalancerSourceRanges[${i}]`, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    }
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && !isLB) {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.loadBalancerClass !== undefined) {
    if (!isLB) errs.push(forbidden('spec.loadBalancerClass', "may only be used when service type is 'LoadBalancer'"));
    else for (const msg of isQualifiedName(spec.loadBalancerClass)) errs.push(invalidString('spec.loadBalancerClass', spec.loadBalancerClass, msg));
  }
  return errs;
}

/** validateServiceExternalTrafficPolicy + validateServiceInternalTrafficFieldsValue. */
export function validateTrafficPolicies(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy) errs.push(invalidString('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hc !== 0) errs.push(invalidNumber('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc === 0) {
    errs.push(required('spec.healthCheckNodePort'));
  } else {
    for (const msg of isValidPortNum(hc)) errs.push(invalidNumber('spec.healthCheckNodePort', hc, msg));
  }
  if (spec.internalTrafficPolicy === undefined) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? '')) errs.push(required('spec.internalTrafficPolicy'));
  } else if (!['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/**
 * validateServiceExternalTrafficFieldsUpdate: while a Service stays LoadBalancer + Local, its healthCheckNodePort
 * may not change (SRC: validation.go ValidateServiceUpdate, v1.31; the allocator keeps the old number when omitted).
 */
export function validateExternalTrafficFieldsUpdate(svc: Service, old: Service): FieldError[] {
  if (!needsHealthCheck(old) || !needsHealthCheck(svc)) return [];
  if ((svc.spec.healthCheckNodePort ?? 0) === (old.spec.healthCheckNodePort ?? 0)) return [];
  return [forbidden('spec.healthCheckNodePort', 'field is immutable')];
}

function isCIDR(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}
