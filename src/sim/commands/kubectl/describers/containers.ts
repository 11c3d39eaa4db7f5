/**
 * The pod-spec sections `kubectl describe` shares between pods and pod templates: containers, volumes,
 * node selectors, tolerations and the QoS class.
 * SRC: kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go describeContainers, describeContainerBasicInfo,
 * describeContainerState, describeStatus, describeContainerEnvVars, describeContainerVolumes, describeVolumes,
 * printTolerationsMultilineWithIndent (v1.31); pkg/apis/core/helper/qos/qos.go ComputePodQOS.
 */
import type { Container, ContainerStatus } from '../../../../model/core.ts';
import { field } from '../printers/printer.ts';
import { describeTime, type DescribeWriter } from './describe-text.ts';

type Loose = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** `Containers:` and each container; `space` is "  " inside a pod template (names then get one more space). */
export function writeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space = ''): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space === '' ? '' : ' ';
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name) as (ContainerStatus & Loose) | undefined;
    w.write(1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${str(status['containerID'])}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (status) w.write(2, `Image ID:\t${str(status['imageID'])}\n`);
    const ports = (c.ports ?? []) as (Loose & { containerPort: number })[];
    const portText = ports.map((p) => `${p.containerPort}/${str(p['protocol'])}`).join(', ');
    const hostText = ports.map((p) => `${str(p['hostPort'] ?? 0)}/${str(p['protocol'])}`).join(', ');
    w.write(2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${portText || '<none>'}\n`);
    w.write(2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${hostText || '<none>'}\n`);
    for (const [title, words] of [['Command', c.command], ['Args', c.args]] as const) {
      if (words?.length) w.write(2, `${title}:\n`).write(0, words.flatMap((s) => s.split('\n')).map((s) => `      ${s}\n`).join(''));
    }
    if (status) {
      writeState(w, 'State', status.state as Loose);
      const last = field(status, 'lastState') as Loose | undefined;
      if (last?.['terminated']) writeState(w, 'Last State', last);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`).write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    writeResources(w, c as Container & Loose);
    writeEnv(w, c);
    const mounts = ((field(c, 'volumeMounts') as Loose[] | undefined) ?? []).slice().sort((a, b) => (str(a['mountPath']) < str(b['mountPath']) ? -1 : 1));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m['readOnly'] ? 'ro' : 'rw', ...(m['subPath'] ? [`path="${str(m['subPath'])}"`] : [])];
      w.write(3, `${str(m['mountPath'])} from ${str(m['name'])} (${flags.join(',')})\n`);
    }
  }
}

function writeState(w: DescribeWriter, title: string, state: Loose): void {
  const running = state['running'] as Loose | undefined;
  const waiting = state['waiting'] as Loose | undefined;
  const terminated = state['terminated'] as Loose | undefined;
  if (running) w.write(2, `${title}:\tRunning\n`).write(3, `Started:\t${describeTime(str(running['startedAt']))}\n`);
  else if (terminated) {
    w.write(2, `${title}:\tTerminated\n`);
    if (terminated['reason']) w.write(3, `Reason:\t${str(terminated['reason'])}\n`);
    if (terminated['message']) w.write(3, `Message:\t${str(terminated['message'])}\n`);
    w.write(3, `Exit Code:\t${str(terminated['exitCode'] ?? 0)}\n`);
    if (Number(terminated['signal'] ?? 0) > 0) w.write(3, `Signal:\t${str(terminated['signal'])}\n`);
    w.write(3, `Started:\t${describeTime(str(terminated['startedAt']))}\n`).write(3, `Finished:\t${describeTime(str(terminated['finishedAt']))}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    if (waiting?.['reason']) w.write(3, `Reason:\t${str(waiting['reason'])}\n`);
  }
}

// Limits then Requests, resource names sorted.
function writeResources(w: DescribeWriter, c: Container & Loose): void {
  for (const [title, key] of [['Limits', 'limits'], ['Requests', 'requests']] as const) {
    const list = (field(c, 'resources', key) as Record<string, unknown> | undefined) ?? {};
    const names = Object.keys(list).sort();
    if (names.length > 0) w.write(2, `${title}:\n`);
    for (const n of names) w.write(3, `${n}:\t${str(list[n])}\n`);
  }
}

function writeEnv(w: DescribeWriter, c: Container): void {
  const env = (c.env ?? []) as (Loose & { name: string })[];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e['valueFrom'] as Loose | undefined;
    if (!from) {
      str(e['value']).split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const ref = (key: string) => from[key] as Loose | undefined;
    // fieldRef values are resolved from the pod by kubectl; the lab prints the reference only.
    if (ref('fieldRef')) w.write(3, `${e.name}:\t (${str(ref('fieldRef')!['apiVersion'])}:${str(ref('fieldRef')!['fieldPath'])})\n`);
    else if (ref('secretKeyRef')) w.write(3, `${e.name}:\t<set to the key '${str(ref('secretKeyRef')!['key'])}' in secret '${str(ref('secretKeyRef')!['name'])}'>\tOptional: ${ref('secretKeyRef')!['optional'] === true}\n`);
    else if (ref('configMapKeyRef')) w.write(3, `${e.name}:\t<set to the key '${str(ref('configMapKeyRef')!['key'])}' of config map '${str(ref('configMapKeyRef')!['name'])}'>\tOptional: ${ref('configMapKeyRef')!['optional'] === true}\n`);
  }
}

/** `Volumes:` with the sources the lab's manifests use; `<none>` without volumes. */
export function writeVolumes(w: DescribeWriter, volumes: Loose[] | undefined, space = ''): void {
  if (!volumes?.length) return void w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space === '' ? '' : ' '}${str(v['name'])}:\n`);
    const src = (k: string) => v[k] as Loose | undefined;
    if (src('hostPath')) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(src('hostPath')!['path'])}\n    HostPathType:\t${str(src('hostPath')!['type']) || '<none>'}\n`);
    else if (src('emptyDir')) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(src('emptyDir')!['medium'])}\n    SizeLimit:\t${str(src('emptyDir')!['sizeLimit']) || '<unset>'}\n`);
    else if (src('secret')) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(src('secret')!['secretName'])}\n    Optional:\t${src('secret')!['optional'] === true}\n`);
    else if (src('configMap')) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(src('configMap')!['name'])}\n    Optional:\t${src('configMap')!['optional'] === true}\n`);
    else if (src('projected')) writeProjected(w, src('projected')!);
    else w.write(2, '<unknown>\n');
  }
}

// printProjectedVolumeSource: one line per source; optional flags are *bool printed with %v (<nil> when unset).
function writeProjected(w: DescribeWriter, projected: Loose): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  const optional = (s: Loose) => (typeof s['optional'] === 'boolean' ? String(s['optional']) : '<nil>');
  for (const source of (projected['sources'] as Loose[] | undefined) ?? []) {
    const part = (k: string) => source[k] as Loose | undefined;
    if (part('secret')) w.write(2, `SecretName:\t${str(part('secret')!['name'])}\n    SecretOptionalName:\t${optional(part('secret')!)}\n`);
    else if (part('downwardAPI')) w.write(2, 'DownwardAPI:\ttrue\n');
    else if (part('configMap')) w.write(2, `ConfigMapName:\t${str(part('configMap')!['name'])}\n    ConfigMapOptional:\t${optional(part('configMap')!)}\n`);
    else if (part('serviceAccountToken')) w.write(2, `TokenExpirationSeconds:\t${str(part('serviceAccountToken')!['expirationSeconds'])}\n`);
  }
}

/** `Tolerations:` sorted by key: `key[=value][:effect][ op=Exists][ for Ns]`, `<none>` without any. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: Loose[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!tolerations?.length) return void w.write(0, '<none>\n');
  const sorted = [...tolerations].sort((a, b) => (str(a['key']) < str(b['key']) ? -1 : str(a['key']) > str(b['key']) ? 1 : 0));
  sorted.forEach((t, i) => {
    const key = str(t['key']);
    const value = str(t['value']);
    const effect = str(t['effect']);
    let text = key + (value ? `=${value}` : '') + (effect ? `:${effect}` : '');
    if (t['operator'] === 'Exists' && !value) text += key || effect ? ' op=Exists' : 'op=Exists';
    if (t['tolerationSeconds'] !== undefined && t['tolerationSeconds'] !== null) text += ` for ${str(t['tolerationSeconds'])}s`;
    w.write(0, `${i === 0 ? '' : '\t'}${text}\n`);
  });
}

/** BestEffort without requests/limits, Guaranteed when every container's cpu and memory limits equal its requests, else Burstable. */
export function qosClass(containers: Container[], status: Loose | undefined): string {
  if (typeof status?.['qosClass'] === 'string' && status['qosClass'] !== '') return status['qosClass'];
  const resources = containers.map((c) => ({ requests: (field(c, 'resources', 'requests') ?? {}) as Loose, limits: (field(c, 'resources', 'limits') ?? {}) as Loose }));
  const compute = (r: Loose) => Object.keys(r).filter((k) => k === 'cpu' || k === 'memory');
  if (resources.every((r) => compute(r.requests).length === 0 && compute(r.limits).length === 0)) return 'BestEffort';
  // Requests default to limits (SetDefaults_Container), so an unset request equals its limit.
  const guaranteed = resources.every((r) => ['cpu', 'memory'].every((k) => r.limits[k] !== undefined && str(r.requests[k] ?? r.limits[k]) === str(r.limits[k])));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
