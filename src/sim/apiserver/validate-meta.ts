/** ObjectMeta validation every kind gets (SRC: apimachinery pkg/api/validation/objectmeta.go ValidateObjectMeta, v1.31). */
import type { KubeObject } from '../../model/meta.ts';
import type { FieldError } from './types.ts';
import { fieldError, forbidden, goQuote, required } from './field-errors.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue } from './name-rules.ts';

type NameRule = (value: string) => string[];

// SRC: kubernetes pkg/apis/core/validation/validation.go ValidateServiceName (DNS-1035), ValidateNamespaceName
// (DNS-1123 label); every other kind we serve names objects as DNS-1123 subdomains.
const NAME_RULES: Record<string, NameRule> = { Service: isDns1035Label, Namespace: isDns1123Label };

/** The name rule of a kind (generateName prefixes have their trailing dashes masked, as upstream's maskTrailingDash). */
export function nameRuleFor(kind: string): NameRule {
  return NAME_RULES[kind] ?? isDns1123Subdomain;
}

/** metadata.* errors of an object about to be stored. */
export function validateObjectMeta(obj: KubeObject, namespaced: boolean): FieldError[] {
  const meta = obj.metadata;
  const rule = nameRuleFor(obj.kind);
  const errs: FieldError[] = [];
  if (meta.generateName) {
    const masked = meta.generateName.replace(/-+$/, (dashes) => (dashes.length === meta.generateName!.length ? dashes : 'a'));
    for (const msg of rule(masked)) errs.push(fieldError('metadata.generateName', 'Invalid value', goQuote(meta.generateName), msg));
  }
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of rule(meta.name)) errs.push(fieldError('metadata.name', 'Invalid value', goQuote(meta.name), msg));
  if (namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else for (const msg of isDns1123Label(meta.namespace)) errs.push(fieldError('metadata.namespace', 'Invalid value', goQuote(meta.namespace), msg));
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

// Go ranges over maps in random order; we report keys sorted so messages are reproducible.
/** ValidateLabels: keys are qualified names, values label values; the path is the map's, not the key's. */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    const value = labels![key];
    for (const msg of isQualifiedName(key)) errs.push(fieldError(path, 'Invalid value', goQuote(key), msg));
    if (typeof value !== 'string') continue;
    for (const msg of isValidLabelValue(value)) errs.push(fieldError(path, 'Invalid value', goQuote(value), msg));
  }
  return errs;
}

/** ValidateAnnotations: keys (lower-cased first) are qualified names; total size at most 256 KiB. */
export function validateAnnotations(annotations: Record<string, unknown> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const key of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(fieldError(path, 'Invalid value', goQuote(key), msg));
    total += key.length + String(annotations![key] ?? '').length;
  }
  // SRC: objectmeta.go TotalAnnotationSizeLimitB = 256 * (1 << 10); field.TooLong's v1.31 detail wording.
  if (total > 256 * 1024) errs.push(fieldError(path, 'Too long', undefined, `may not be more than ${256 * 1024} bytes`));
  return errs;
}
