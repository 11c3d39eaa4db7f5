/**
 * ValidateService / ValidateServiceUpdate (SRC: kubernetes pkg/apis/core/validation/validation.go, v1.31), in upstream's order:
 * on update clusterIPs, loadBalancerClass and healthCheckNodePort immutability come before the ValidateService rules.
 */
import type { Service } from '../../model/core.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { FieldError } from './types.ts';
import { forbidden, invalidString, notSupported, required } from './field-errors.ts';
import { isDns1123Subdomain } from './name-rules.ts';
import { isHeadless, validateClusterIPsRelated, validateClusterIPsUpdate } from './validate-service-ips.ts';
import { validateServicePorts, validateServicePortSets } from './validate-service-ports.ts';
import { validateLabels } from './validate-meta.ts';
import { validateAffinity, validateExternalIPs, validateExternalTrafficFieldsUpdate, validateLoadBalancerFields, validateTrafficPolicies } from './validate-service-policies.ts';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** The spec errors of a Service (metadata is checked for every kind by the API server). */
export function validateService(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const svc = obj as Service;
  const spec = svc.spec;
  const errs: FieldError[] = [];
  if (old) {
    errs.push(...validateClusterIPsUpdate(svc, old as Service));
    errs.push(...validateLoadBalancerClassUpdate(svc, old as Service));
    errs.push(...validateExternalTrafficFieldsUpdate(svc, old as Service));
  }
  if (!spec.ports?.length && !isHeadless(svc) && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (spec.type === 'LoadBalancer' && isHeadless(svc)) errs.push(invalidString('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (spec.type === 'NodePort' && isHeadless(svc)) errs.push(invalidString('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (spec.type === 'ExternalName') errs.push(...validateExternalName(svc));
  errs.push(...validateServicePorts(svc));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateAffinity(svc));
  errs.push(...validateClusterIPsRelated(svc));
  errs.push(...validateExternalIPs(svc));
  if (!spec.type) errs.push(required('spec.type'));
  else if (!TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, TYPES));
  errs.push(...validateServicePortSets(svc));
  errs.push(...validateLoadBalancerFields(svc));
  errs.push(...validateTrafficPolicies(svc));
  return errs;
}

function validateExternalName(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  if (spec.clusterIPs?.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
  if (spec.ipFamilies?.length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
  if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
  // A trailing dot marks the CNAME as fully qualified and is allowed.
  const cname = (spec.externalName ?? '').replace(/\.$/, '');
  if (cname) for (const msg of isDns1123Subdomain(cname)) errs.push(invalidString('spec.externalName', cname, msg));
  else errs.push(required('spec.externalName'));
  return errs;
}

// SRC: validation.go validateLoadBalancerClassField (update half): LB → LB may not change the class.
function validateLoadBalancerClassUpdate(svc: Service, old: Service): FieldError[] {
  if (old.spec.type !== 'LoadBalancer' || svc.spec.type !== 'LoadBalancer') return [];
  if (old.spec.loadBalancerClass === svc.spec.loadBalancerClass) return [];
  const value = svc.spec.loadBalancerClass === undefined ? 'null' : JSON.stringify(svc.spec.loadBalancerClass);
  return [{ field: 'spec.loadBalancerClass', type: 'Invalid value', value, detail: 'may not change once set' }];
}
