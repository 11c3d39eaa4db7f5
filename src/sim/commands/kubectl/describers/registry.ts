/** DESCRIBERS: the `kubectl describe` text of each kind. Other areas add entries (one import + one line). */
import type { Describer } from './describe-text.ts';
import { describeService } from './service.ts';
import { describePod, describeDeployment } from './workloads.ts';
import { describeNode, describeConfigMap, describeSecret, describeNamespace } from './cluster.ts';
import { describeIngress } from '../ingress-describe.ts';

/** Describers by kind. Kinds without one are reported as not modelled. */
export const DESCRIBERS: Record<string, Describer> = {
  Service: describeService,
  Pod: describePod,
  Deployment: describeDeployment,
  Node: describeNode,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Namespace: describeNamespace,
  Ingress: describeIngress,
};
