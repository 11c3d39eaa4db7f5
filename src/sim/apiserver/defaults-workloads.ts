/**
 * Defaults the v1.31 API server fills into pods, pod templates and apps/v1 workloads
 * (SRC: kubernetes pkg/apis/core/v1/defaults.go SetDefaults_PodSpec/Container/Pod, pkg/apis/apps/v1/defaults.go).
 */
import type { KubeObject } from '../../model/meta.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `IfNotPresent`, or `Always` for `:latest` and untagged images (SRC: defaults.go SetDefaults_Container; digests count as tagged). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Json): void {
  if (typeof c.image === 'string' && c.imagePullPolicy === undefined) c.imagePullPolicy = defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) p.protocol ??= 'TCP';
}

/** SetDefaults_PodSpec + container defaults, in place. */
export function defaultPodSpec(spec: Json): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const list of [spec.containers, spec.initContainers]) {
    if (Array.isArray(list)) for (const c of list) if (isObject(c)) defaultContainer(c);
  }
}

function defaultTemplate(spec: Json): void {
  const template = spec.template;
  if (isObject(template) && isObject(template.spec)) defaultPodSpec(template.spec);
}

/** Defaults of Pod, Deployment, ReplicaSet, DaemonSet; other kinds are left alone. */
export function defaultWorkload(obj: KubeObject): void {
  const spec = obj.spec;
  if (!isObject(spec)) return;
  switch (obj.kind) {
    case 'Pod':
      defaultPodSpec(spec);
      // SRC: defaults.go SetDefaults_Pod (not templates): enableServiceLinks true.
      spec.enableServiceLinks ??= true;
      if (spec.hostNetwork === true) defaultHostNetworkPorts(spec);
      break;
    case 'Deployment':
      // SRC: apps/v1 defaults.go SetDefaults_Deployment.
      spec.replicas ??= 1;
      if (!isObject(spec.strategy)) spec.strategy = {};
      defaultDeploymentStrategy(spec.strategy as Json);
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      defaultTemplate(spec);
      break;
    case 'ReplicaSet':
      spec.replicas ??= 1;
      defaultTemplate(spec);
      break;
    case 'DaemonSet': {
      // SRC: apps/v1 defaults.go SetDefaults_DaemonSet: RollingUpdate, maxUnavailable 1, maxSurge 0.
      if (!isObject(spec.updateStrategy)) spec.updateStrategy = {};
      const strategy = spec.updateStrategy as Json;
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        if (!isObject(strategy.rollingUpdate)) strategy.rollingUpdate = {};
        const rolling = strategy.rollingUpdate as Json;
        rolling.maxUnavailable ??= 1;
        rolling.maxSurge ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      defaultTemplate(spec);
      break;
    }
  }
}

function defaultDeploymentStrategy(strategy: Json): void {
  strategy.type ??= 'RollingUpdate';
  if (strategy.type !== 'RollingUpdate') return;
  if (!isObject(strategy.rollingUpdate)) strategy.rollingUpdate = {};
  const rolling = strategy.rollingUpdate as Json;
  rolling.maxUnavailable ??= '25%';
  rolling.maxSurge ??= '25%';
}

// SRC: defaults.go defaultHostNetworkPorts: on the host network, hostPort mirrors containerPort.
function defaultHostNetworkPorts(spec: Json): void {
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) {
    if (!isObject(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) if (isObject(p) && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
}
