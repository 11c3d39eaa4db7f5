/**
 * The ServiceAccount admission plugin on a Pod CREATE (v1.31): default account, the account must exist, and unless
 * automounting is off (pod first, then account) a projected `kube-api-access-<5 chars>` volume — bound token
 * (3607 s), the kube-root-ca.crt ConfigMap's ca.crt and the namespace from the downward API — mounted read-only
 * at /var/run/secrets/kubernetes.io/serviceaccount in every container and init container. Mirror pods are left
 * alone but may not name an account. SRC: kubernetes plugin/pkg/admission/serviceaccount/admission.go Admit,
 * Validate, shouldAutomount, mountServiceAccountToken, TokenVolumeSource; pkg/serviceaccount/claims.go
 * WarnOnlyBoundTokenExpirationSeconds (3607) (v1.31).
 */
import type { KubeObject } from '../../model/meta.ts';
import type { ReadonlyStore } from '../store.ts';
import { NAME_SUFFIX_ALPHABET, type Random } from '../context.ts';
import type { ApiStatus } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the token, ca.crt and namespace files appear in each container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The name prefix of the projected volume (ServiceAccountVolumeName + "-"). */
export const API_ACCESS_VOLUME_PREFIX = 'kube-api-access-';
/** The kubelet's annotation on a static pod's mirror. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** What the plugin reads: the stored ServiceAccounts, and the generator for the volume name's suffix. */
export interface AdmissionReads { rng: Random; store: Pick<ReadonlyStore, 'get'> }

/** Applies the plugin to a Pod being created, in place; a Forbidden status when the pod must be refused. */
export function admitServiceAccount(pod: KubeObject, reads: AdmissionReads): ApiStatus | undefined {
  const spec = pod.spec;
  if (!isObject(spec)) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
    return spec.serviceAccountName ? forbidden(pod, 'a mirror pod may not reference service accounts') : undefined;
  }
  if (!spec.serviceAccountName) spec.serviceAccountName = typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default';
  // The v1 object mirrors the account into the deprecated field (pkg/apis/core/v1/conversion.go).
  spec.serviceAccount = spec.serviceAccountName;
  const name = String(spec.serviceAccountName);
  const account = reads.store.get('ServiceAccount', name, ns);
  // getServiceAccount retries the default account for ~2 s before giving up; the simulation has settled by then.
  if (!account) return forbidden(pod, `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`);
  if (shouldAutomount(account, spec)) mountToken(spec, reads.rng);
  return undefined;
}

// The pod's automountServiceAccountToken wins, then the account's; default true.
function shouldAutomount(account: KubeObject, spec: Json): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

function mountToken(spec: Json, rng: Random): void {
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as unknown[]) : [];
  const existing = volumes.find((v) => isObject(v) && typeof v.name === 'string' && v.name.startsWith(API_ACCESS_VOLUME_PREFIX)) as Json | undefined;
  const volumeName = existing ? String(existing.name) : API_ACCESS_VOLUME_PREFIX + rng.string(5, NAME_SUFFIX_ALPHABET);
  let needsVolume = false;
  // Init containers first, then containers; a container that already mounts something at the path is left alone.
  for (const list of [spec.initContainers, spec.containers]) {
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      if (!isObject(container)) continue;
      const mounts = Array.isArray(container.volumeMounts) ? (container.volumeMounts as unknown[]) : [];
      if (mounts.some((m) => isObject(m) && m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
      container.volumeMounts = [...mounts, { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }];
}

/** The projected source of the kube-api-access volume (defaultMode 0644 set explicitly, kubernetes#104464). */
export function tokenVolumeSource(): Json {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  };
}

// SRC: apiserver pkg/admission/errors.go NewForbidden: the object's name, else its generateName (not generated yet).
function forbidden(pod: KubeObject, reason: string): ApiStatus {
  const name = pod.metadata.name || pod.metadata.generateName || 'Unknown';
  return { code: 403, reason: 'Forbidden', message: `pods "${name}" is forbidden: ${reason}`, kind: 'pods', name };
}
