/**
 * The API server's batch/v1 Job handling: defaults, the generated selector and pod labels of
 * PrepareForCreate, and the spec rules kubelab models.
 * SRC: kubernetes pkg/apis/batch/v1/defaults.go SetDefaults_Job, pkg/registry/batch/job/strategy.go
 * PrepareForCreate/generateSelector, pkg/apis/batch/validation/validation.go ValidateJob/ValidateJobSpecUpdate (v1.31).
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, LabelSelector } from '../../model/meta.ts';
import type { FieldError } from './types.ts';
import { defaultPodSpec } from './defaults-workloads.ts';
import { fieldError, goQuote, goStringMap, invalidNumber, required } from './field-errors.ts';
import { validatePodSpec } from './validate-workloads.ts';
import { validateLabels } from './validate-meta.ts';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** The labels a generated selector puts on the pod template (batch/v1 types.go: legacy and prefixed). */
export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const;
/** The controller-uid labels; the selector matches the prefixed one. */
export const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const;

/** SetDefaults_Job (with JobPodReplacementPolicy on, as in v1.31), in place; the template gets pod-spec defaults. */
export function defaultJob(obj: KubeObject): void {
  const spec = asObject(obj.spec);
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  const template = asObject(spec.template);
  const labels = asObject(asObject(template?.metadata)?.labels);
  // Go assigns the template's label map itself, so the labels generateSelector adds later show on the Job too.
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = labels as Record<string, string>;
  if (template && asObject(template.spec)) defaultPodSpec(template.spec as Json);
}

/** generateSelector, unless spec.manualSelector: job-name and controller-uid labels on the template, the selector on the uid. */
export function prepareJobForCreate(obj: KubeObject): void {
  const spec = asObject(obj.spec);
  const template = asObject(spec?.template);
  if (!spec || !template || spec.manualSelector === true) return;
  const metadata = (asObject(template.metadata) ?? (template.metadata = {})) as Json;
  const labels = (asObject(metadata.labels) ?? (metadata.labels = {})) as Record<string, string>;
  // A label the user set is kept; a conflicting one fails validation (the selector no longer matches).
  for (const key of JOB_NAME_LABELS) labels[key] ??= obj.metadata.name;
  for (const key of CONTROLLER_UID_LABELS) labels[key] ??= obj.metadata.uid ?? '';
  const selector = (asObject(spec.selector) ?? (spec.selector = {})) as LabelSelector;
  selector.matchLabels ??= {};
  selector.matchLabels[CONTROLLER_UID_LABELS[1]] ??= obj.metadata.uid ?? '';
}

/** ValidateJob (create) and the selector/completions immutability of ValidateJobSpecUpdate. */
export function validateJob(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs: FieldError[] = [];
  for (const field of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds'] as const) {
    const value = spec[field];
    if (typeof value === 'number' && value < 0) errs.push(invalidNumber(`spec.${field}`, value, 'must be greater than or equal to 0'));
  }
  const selector = asObject(spec.selector) as LabelSelector | undefined;
  const template = asObject(spec.template);
  const labels = asObject(asObject(template?.metadata)?.labels) as Record<string, string> | undefined;
  if (!selector) errs.push(required('spec.selector'));
  else if (!Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v)) {
    errs.push(fieldError('spec.template.metadata.labels', 'Invalid value', labels ? goStringMap(labels) : 'map[string]string(nil)', '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (!template) errs.push(required('spec.template'));
  else {
    errs.push(...validatePodSpec(asObject(template.spec), 'spec.template.spec'));
    // SRC: validation.go validateJobSpec — the valid values are listed in this order, not sorted.
    const policy = asObject(template.spec)?.restartPolicy;
    if (policy !== 'OnFailure' && policy !== 'Never') {
      errs.push(fieldError('spec.template.spec.restartPolicy', 'Unsupported value', goQuote(String(policy ?? '')), 'supported values: "OnFailure", "Never"'));
    }
  }
  const oldSpec = asObject(old?.spec);
  if (old && oldSpec) {
    if (!isDeepStrictEqual(oldSpec.selector, spec.selector)) errs.push(fieldError('spec.selector', 'Invalid value', selectorText(selector), 'field is immutable'));
    if (oldSpec.completions !== spec.completions) errs.push(fieldError('spec.completions', 'Invalid value', String(spec.completions ?? 'null'), 'field is immutable'));
  }
  return errs;
}

// How the immutability error prints the selector (a %#v of the new value, matchLabels only).
function selectorText(selector: LabelSelector | undefined): string {
  if (!selector) return 'null';
  return `v1.LabelSelector{MatchLabels:${selector.matchLabels ? goStringMap(selector.matchLabels) : 'map[string]string(nil)'}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}
