/**
 * The clusterIP/clusterIPs/ipFamilies rules of a Service (SRC: kubernetes pkg/apis/core/validation/validation.go
 * ValidateServiceClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs; storage/alloc.go initIPFamilyFields, v1.31),
 * for the IPv4 single-stack clusters the simulator models.
 */
import type { Service } from '../../model/core.ts';
import type { FieldError } from './types.ts';
import { fieldError, goQuote, goStringSlice, invalidString, notSupported, required } from './field-errors.ts';
import { INVALID_IP_MESSAGE, } from './name-rules.ts';
import { isIPLiteral } from './ip-range.ts';

const FAMILIES = ['IPv4', 'IPv6'];
const POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

/** Headless: clusterIP None. */
export const isHeadless = (svc: Service): boolean => svc.spec.clusterIP === 'None';

/** ValidateServiceClusterIPsRelatedFields. */
export function validateClusterIPsRelated(svc: Service): FieldError[] {
  const spec = svc.spec;
  const ips = spec.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== spec.clusterIP) errs.push(fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  for (const [i, family] of (spec.ipFamilies ?? []).entries()) {
    if (!FAMILIES.includes(family)) errs.push(notSupported(`spec.ipFamilies[${i}]`, family, FAMILIES));
    if (seen.has(family)) errs.push(fieldError(`spec.ipFamilies[${i}]`, 'Duplicate value', goQuote(family)));
    seen.add(family);
  }
  if (spec.ipFamilyPolicy !== undefined && !POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, POLICIES));
  }
  let badIPs = false;
  for (const [i, ip] of ips.entries()) {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(ips), "'None' must be the first and only value"));
      }
      continue;
    }
    if (!isIPLiteral(ip)) {
      badIPs = true;
      errs.push(invalidString(`spec.clusterIPs[${i}]`, ip, INVALID_IP_MESSAGE));
    }
  }
  if (ips.length > 2) errs.push(fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(ips), 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && ips.every((ip) => ip.includes(':') === ips[0]!.includes(':'))) {
    errs.push(fieldError('spec.clusterIPs', 'Invalid value', goStringSlice(ips), 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(svc)) {
    for (const [i, ip] of ips.entries()) {
      const family = spec.ipFamilies?.[i];
      if (family === 'IPv4' && ip.includes(':')) errs.push(invalidString(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (family === 'IPv6' && !ip.includes(':')) errs.push(invalidString(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    }
  }
  return errs;
}

/**
 * initIPFamilyFields for an IPv4-only cluster: fills ipFamilyPolicy/ipFamilies or returns the errors
 * (headless without selector defaults to RequireDualStack; everything else to SingleStack/[IPv4]).
 */
export function initIPFamilies(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  for (const [i, ip] of (spec.clusterIPs ?? []).entries()) {
    if (ip === 'None') break;
    if (i >= (spec.ipFamilies?.length ?? 0)) {
      if (ip.includes(':')) errs.push(fieldError(`spec.clusterIPs[${i}]`, 'Invalid value', goStringSlice(spec.clusterIPs!), 'IPv6 is not configured on this cluster'));
      else spec.ipFamilies = [...(spec.ipFamilies ?? []), 'IPv4'];
    }
  }
  if (errs.length > 0) return errs;
  if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) {
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy ??= 'RequireDualStack';
    return [];
  }
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    errs.push(invalidString('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  for (const [i, family] of spec.ipFamilies.entries()) {
    if (family !== 'IPv4') errs.push(invalidString(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: a set ClusterIP may not change (except to/from ExternalName). */
export function validateClusterIPsUpdate(svc: Service, old: Service): FieldError[] {
  if (svc.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return [];
  const now = svc.spec.clusterIPs ?? [];
  const errs: FieldError[] = [];
  for (const [i, ip] of (old.spec.clusterIPs ?? []).entries()) {
    if (i >= now.length) break;
    if (ip !== now[i]) errs.push(fieldError(`spec.clusterIPs[${i}]`, 'Invalid value', goStringSlice(now), 'may not change once set'));
  }
  return errs;
}
