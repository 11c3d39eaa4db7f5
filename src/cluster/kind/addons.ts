/**
 * MetalLB (native, L2) and ingress-nginx (bare-metal manifest) from their verified official manifests,
 * optionally with images rewritten to a registry mirror; the waits and webhook retries they need.
 */
import { HarnessError } from '../../errors.ts';
import type { Kubectl } from './kubectl.ts';
import { mirrorManifestImages } from './image-mirror.ts';
import { loadAddonManifest, type ManifestSource } from './manifests.ts';
import { waitFor, withRetries, type Timer } from './retry.ts';
import type { AddonPin } from './versions.ts';

/** What installing an add-on needs. */
export interface AddonContext {
  kubectl: Kubectl;
  timer: Timer;
  manifests: ManifestSource;
  registryMirror?: string;
}

// SRC: metallb#1610/#1597 and ingress-nginx's docs: the validating webhooks refuse connections for a while
// after the pods are Ready (failurePolicy: Fail), so the first writes through them are retried.
const WEBHOOK_NOT_READY = /failed calling webhook|connection refused|no endpoints available|context deadline exceeded|service "[^"]*webhook[^"]*" not found/i;

/** True for the errors a webhook that is still starting gives. */
export function isWebhookNotReady(err: unknown): boolean {
  return err instanceof Error && WEBHOOK_NOT_READY.test(err.message);
}

/** Applies an add-on's verified manifest (mirrored when asked) and waits until every pod in its namespace is Ready. */
export async function installAddon(ctx: AddonContext, pin: AddonPin, opts: { readyTimeoutMs: number; selector?: string }): Promise<void> {
  const { text } = await loadAddonManifest(pin, ctx.manifests);
  const manifest = ctx.registryMirror ? mirrorManifestImages(text, ctx.registryMirror).text : text;
  await ctx.kubectl.apply(manifest, `install ${pin.name} ${pin.version}`);
  await waitPodsReady(ctx, pin.namespace, opts.selector, `${pin.name} pods in ${pin.namespace} to be Ready`, opts.readyTimeoutMs);
}

/** Waits for the (selected) running pods of a namespace to be Ready; completed Job pods are ignored. */
export async function waitPodsReady(ctx: Pick<AddonContext, 'kubectl' | 'timer'>, namespace: string, selector: string | undefined, what: string, timeoutMs: number): Promise<void> {
  await waitFor(ctx.timer, what, { timeoutMs, intervalMs: 2_000 }, async () => {
    const res = await ctx.kubectl.run(['get', 'pods', '-n', namespace, ...(selector ? ['-l', selector] : []), '-o', 'json'], `list the pods in ${namespace}`);
    if (res.exitCode !== 0) return { done: false, reason: res.stderr.trim() || `kubectl exited with ${res.exitCode}` };
    const pods = (JSON.parse(res.stdout) as { items: PodStatusView[] }).items.filter((p) => p.status?.phase !== 'Succeeded');
    if (pods.length === 0) return { done: false, reason: 'no pods yet' };
    const waiting = pods.filter((p) => !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    return waiting.length === 0
      ? { done: true, value: undefined }
      : { done: false, reason: waiting.map((p) => `${p.metadata.name} ${waitingReason(p)}`).join(', ') };
  });
}

/** The tutorial's pool: IPAddressPool `first-pool` + L2Advertisement `example`, applied with retries while MetalLB's webhook starts. */
export async function configureMetallbPool(ctx: Pick<AddonContext, 'kubectl' | 'timer'>, range: { first: string; last: string }): Promise<void> {
  const manifest = [
    'apiVersion: metallb.io/v1beta1', 'kind: IPAddressPool', 'metadata:', '  name: first-pool', '  namespace: metallb-system',
    'spec:', '  addresses:', `  - ${range.first}-${range.last}`, '---',
    'apiVersion: metallb.io/v1beta1', 'kind: L2Advertisement', 'metadata:', '  name: example', '  namespace: metallb-system',
    'spec:', '  ipAddressPools:', '  - first-pool', '',
  ].join('\n');
  await withRetries(ctx.timer, 'apply the MetalLB address pool (webhook ipaddresspoolvalidationwebhook.metallb.io)',
    { attempts: 30, delayMs: 2_000, retryable: isWebhookNotReady },
    () => ctx.kubectl.apply(manifest, 'apply the MetalLB IPAddressPool and L2Advertisement'));
}

/** Removes the pool (between scenarios: without a pool a LoadBalancer service stays <pending>, as in 4.4). */
export async function removeMetallbPool(kubectl: Kubectl): Promise<void> {
  await kubectl.must(['delete', '-n', 'metallb-system', 'ipaddresspools.metallb.io,l2advertisements.metallb.io', '--all', '--ignore-not-found'],
    'delete the MetalLB pools');
}

/** Switches the ingress-nginx controller Service between NodePort (the bare-metal manifest) and LoadBalancer. */
export async function setIngressServiceType(kubectl: Kubectl, type: 'NodePort' | 'LoadBalancer'): Promise<void> {
  if (type !== 'NodePort' && type !== 'LoadBalancer') throw new HarnessError('INVALID_INPUT', `ingress-nginx Service type "${String(type)}" is not NodePort or LoadBalancer`);
  await kubectl.must(['-n', 'ingress-nginx', 'patch', 'service', 'ingress-nginx-controller', '-p', JSON.stringify({ spec: { type } })],
    `make the ingress-nginx controller Service ${type}`);
}

interface PodStatusView {
  metadata: { name: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
}

function waitingReason(p: PodStatusView): string {
  return p.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting?.reason ?? p.status?.phase ?? 'Pending';
}
