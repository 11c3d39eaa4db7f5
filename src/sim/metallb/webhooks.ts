/**
 * MetalLB's validating webhooks for IPAddressPool and L2Advertisement, served by the controller pod
 * (controller-runtime: a denial is 403 Forbidden, `admission webhook "<name>" denied the request: <err>`).
 */
// SRC: metallb internal/k8s/webhooks/webhookv1beta1/ipaddresspool_webhook.go, l2advertisement_webhook.go;
//      internal/config/validator.go, config.go For/l2AdvertisementFromCR/validateDuplicate (v0.14.8)
import type { KubeObject } from '../../model/meta.ts';
import type { IPAddressPool, L2Advertisement } from '../../model/networking.ts';
import type { AdmissionHook } from '../apiserver/types.ts';
import { parsePools } from './pools.ts';

/** The webhook name kubectl quotes when it denies a pool. */
export const POOL_WEBHOOK = 'ipaddresspoolvalidationwebhook.metallb.io';
/** The webhook name kubectl quotes when it denies an L2Advertisement. */
export const L2ADVERTISEMENT_WEBHOOK = 'l2advertisementvalidationwebhook.metallb.io';

/** The ValidatingWebhookConfiguration entry of one MetalLB webhook (CREATE and UPDATE, as in metallb-native.yaml). */
export function webhookEntry(name: string, resource: string, namespace: string): Record<string, unknown> {
  return {
    admissionReviewVersions: ['v1'], failurePolicy: 'Fail', name, sideEffects: 'None',
    clientConfig: { service: { name: 'metallb-webhook-service', namespace, path: `/validate-metallb-io-v1beta1-${resource.replace(/s$/, '')}` } },
    rules: [{ apiGroups: ['metallb.io'], apiVersions: ['v1beta1'], operations: ['CREATE', 'UPDATE'], resources: [resource] }],
  };
}

/** What the webhooks read from the API (the controller's cached client lists the MetalLB namespace). */
export interface WebhookReads { pools(): IPAddressPool[]; l2Advertisements(): L2Advertisement[] }

/** The IPAddressPool webhook: the namespace check on create, then the whole pool list (this one in place) must parse. */
export function poolAdmissionHook(namespace: string, reads: WebhookReads): AdmissionHook {
  return (request) => {
    if (request.object.kind !== 'IPAddressPool') return { allowed: true };
    const pool = request.object as IPAddressPool;
    if (request.operation === 'CREATE' && pool.metadata.namespace !== namespace) return deny(POOL_WEBHOOK, `resource must be created in ${namespace} namespace`);
    const parsed = parsePools(withUpdate(reads.pools(), pool));
    return parsed.ok ? { allowed: true } : deny(POOL_WEBHOOK, parsed.message);
  };
}

/** The L2Advertisement webhook: namespace check on create, duplicate list entries, and the pools must still parse. */
// A pool name that does not exist is accepted (the advertisement simply selects nothing).
export function l2AdvertisementAdmissionHook(namespace: string, reads: WebhookReads): AdmissionHook {
  return (request) => {
    if (request.object.kind !== 'L2Advertisement') return { allowed: true };
    const ad = request.object as L2Advertisement;
    if (request.operation === 'CREATE' && ad.metadata.namespace !== namespace) return deny(L2ADVERTISEMENT_WEBHOOK, `resource must be created in ${namespace} namespace`);
    const parsed = parsePools(reads.pools());
    if (!parsed.ok) return deny(L2ADVERTISEMENT_WEBHOOK, parsed.message);
    for (const each of withUpdate(reads.l2Advertisements(), ad)) {
      const duplicate = firstDuplicate(each.spec?.ipAddressPools ?? []);
      if (duplicate !== undefined) return deny(L2ADVERTISEMENT_WEBHOOK, `duplicate definition of ipAddressPools ${JSON.stringify(duplicate)}`);
    }
    return { allowed: true };
  };
}

// SRC: ipAddressListWithUpdate / l2AdvListWithUpdate — the new object replaces its namesake in place, else goes last.
function withUpdate<T extends KubeObject>(existing: T[], obj: T): T[] {
  const at = existing.findIndex((e) => e.metadata.name === obj.metadata.name);
  return at === -1 ? [...existing, obj] : existing.map((e, i) => (i === at ? obj : e));
}

// SRC: config.go validateDuplicate — the first entry (in list order) that appears again later.
function firstDuplicate(values: string[]): string | undefined {
  return values.find((v, i) => values.indexOf(v, i + 1) !== -1);
}

function deny(webhook: string, message: string): ReturnType<AdmissionHook> {
  return { allowed: false, status: { code: 403, reason: 'Forbidden', message: `admission webhook "${webhook}" denied the request: ${message}` } };
}
