/**
 * Per-kind spec validators the API server runs after metadata validation (CREATE and UPDATE).
 * Other areas add their kind with one entry (e.g. `Ingress: validateIngress` from validate-ingress.ts).
 */
import type { KubeObject } from '../../model/meta.ts';
import type { Simulation } from '../simulation.ts';
import type { FieldError } from './types.ts';
import { validateService } from './validate-service.ts';
import { validatePod, validateWorkload } from './validate-workloads.ts';
import { validateConfigMap, validateSecret } from './validate-config.ts';
import { validateIngress } from './validate-ingress.ts';
import { validateJob } from './job-strategy.ts';

/** A kind's validator: the new object, the stored one on update, and the simulation (for cross-object checks). */
export type Validator = (obj: KubeObject, old: KubeObject | undefined, sim: Simulation) => FieldError[];

/** Validators by kind; kinds without an entry get metadata validation only. */
export const VALIDATORS: Record<string, Validator> = {
  Service: validateService,
  Pod: validatePod,
  Deployment: validateWorkload,
  ReplicaSet: validateWorkload,
  DaemonSet: validateWorkload,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Ingress: validateIngress,
  Job: validateJob,
};
