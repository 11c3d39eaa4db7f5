/** batch/v1 workloads: Job. */
import type { KubeObject, LabelSelector } from './meta.ts';
import type { PodTemplate } from './apps.ts';

/** A Job condition (Complete, SuccessCriteriaMet, Failed, FailureTarget, Suspended). */
export interface JobCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** What the Job controller reports (batch/v1 JobStatus, in its field order). */
export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  ready?: number;
}

/** A Job: run pods until `completions` of them succeed. */
export interface Job extends KubeObject {
  kind: 'Job';
  spec: {
    parallelism?: number;
    completions?: number;
    backoffLimit?: number;
    completionMode?: 'NonIndexed' | 'Indexed';
    suspend?: boolean;
    manualSelector?: boolean;
    podReplacementPolicy?: string;
    selector?: LabelSelector;
    template: PodTemplate;
  };
  status?: JobStatus;
}
