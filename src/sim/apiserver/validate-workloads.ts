/** Pod, pod template and apps/v1 workload rules (SRC: kubernetes pkg/apis/apps/validation/validation.go, pkg/apis/core/validation/validation.go, v1.31). */
import type { KubeObject, LabelSelector } from '../../model/meta.ts';
import type { FieldError } from './types.ts';
import { duplicate, fieldError, goQuote, goStringMap, invalidNumber, invalidString, notSupported, required } from './field-errors.ts';
import { isDns1123Label, isValidPortName, isValidPortNum } from './name-rules.ts';
import { validateLabels } from './validate-meta.ts';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** Containers of a pod spec: present, named (DNS-1123 label, unique), with an image and valid ports. */
export function validatePodSpec(spec: Json | undefined, path: string, restartPolicies?: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const containers = Array.isArray(spec?.containers) ? spec!.containers : [];
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const names = new Set<string>();
  for (const [i, raw] of containers.entries()) {
    const c = asObject(raw) ?? {};
    const at = `${path}.containers[${i}]`;
    const name = typeof c.name === 'string' ? c.name : '';
    if (!name) errs.push(required(`${at}.name`));
    else {
      for (const msg of isDns1123Label(name)) errs.push(invalidString(`${at}.name`, name, msg));
      if (names.has(name)) errs.push(duplicate(`${at}.name`, goQuote(name)));
      names.add(name);
    }
    if (!c.image) errs.push(required(`${at}.image`));
    for (const [j, rawPort] of (Array.isArray(c.ports) ? c.ports : []).entries()) {
      const p = asObject(rawPort) ?? {};
      const pp = `${at}.ports[${j}]`;
      if (typeof p.name === 'string' && p.name) for (const msg of isValidPortName(p.name)) errs.push(invalidString(`${pp}.name`, p.name, msg));
      const port = typeof p.containerPort === 'number' ? p.containerPort : 0;
      if (port === 0) errs.push(required(`${pp}.containerPort`));
      else for (const msg of isValidPortNum(port)) errs.push(invalidNumber(`${pp}.containerPort`, port, msg));
      if (typeof p.protocol === 'string' && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    }
  }
  const policy = spec?.restartPolicy;
  if (restartPolicies && typeof policy === 'string' && !restartPolicies.includes(policy)) errs.push(notSupported(`${path}.restartPolicy`, policy, restartPolicies));
  return errs;
}

/** A Pod. */
export function validatePod(obj: KubeObject): FieldError[] {
  return validatePodSpec(asObject(obj.spec), 'spec', ['Always', 'OnFailure', 'Never']);
}

/** Deployment, ReplicaSet and DaemonSet: replicas ≥ 0, a selector that matches the template labels, a valid template. */
export function validateWorkload(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs: FieldError[] = [];
  if (obj.kind !== 'DaemonSet' && typeof spec.replicas === 'number' && spec.replicas < 0) {
    errs.push(invalidNumber('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = asObject(spec.selector) as LabelSelector | undefined;
  const template = asObject(spec.template);
  const templateLabels = (asObject(asObject(template?.metadata)?.labels) ?? undefined) as Record<string, string> | undefined;
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabels(selector.matchLabels, 'spec.selector.matchLabels'));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0) {
      errs.push(fieldError('spec.selector', 'Invalid value', labelSelectorGo(selector), `empty selector is invalid for ${obj.kind.toLowerCase()}`));
    }
  }
  // A nil selector selects nothing (labels.Nothing), so it never matches the template either.
  if (!template) errs.push(required('spec.template'));
  else {
    if (!selector || !selectorMatchesLabels(selector, templateLabels)) {
      const shown = templateLabels ? goStringMap(templateLabels) : 'map[string]string(nil)';
      errs.push(fieldError('spec.template.metadata.labels', 'Invalid value', shown, '`selector` does not match template `labels`'));
    }
    errs.push(...validateLabels(templateLabels, 'spec.template.metadata.labels'));
    errs.push(...validatePodSpec(asObject(template.spec), 'spec.template.spec', ['Always']));
  }
  // SRC: apps validation ValidateDeploymentUpdate etc.: apps/v1 selectors are immutable.
  const oldSelector = asObject(asObject(old?.spec)?.selector) as LabelSelector | undefined;
  if (old && selector && oldSelector && JSON.stringify(canonical(selector)) !== JSON.stringify(canonical(oldSelector))) {
    errs.push(fieldError('spec.selector', 'Invalid value', labelSelectorGo(selector), 'field is immutable'));
  }
  return errs;
}

function selectorMatchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
  const matchExpressions = (selector.matchExpressions ?? []).every((e) => {
    const has = labels !== undefined && e.key in labels;
    const value = labels?.[e.key];
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(value!);
      case 'NotIn': return !has || !(e.values ?? []).includes(value!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
    return false;
  });
  return matchLabels && matchExpressions;
}

const canonical = (s: LabelSelector): unknown => ({ l: Object.entries(s.matchLabels ?? {}).sort(), e: s.matchExpressions ?? [] });

/** `%#v` of a metav1.LabelSelector (field errors dereference pointers before printing). */
function labelSelectorGo(s: LabelSelector): string {
  const labels = s.matchLabels && Object.keys(s.matchLabels).length ? goStringMap(s.matchLabels) : 'map[string]string(nil)';
  const exprs = s.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions.map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${e.values ? `[]string{${e.values.map(goQuote).join(', ')}}` : '[]string(nil)'}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}
