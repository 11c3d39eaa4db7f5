/**
 * installMetallb: what `kubectl apply -f metallb-native.yaml` (v0.14.8) creates, through the simulated
 * API server, plus the IPAddressPool and L2Advertisement validating webhooks; configureMetallbPool applies the tutorial's
 * `first-pool` + `example` L2Advertisement. Not created: RBAC, the excludel2 ConfigMap, the webhook cert Secret.
 */
// SRC: metallb config/manifests/metallb-native.yaml (v0.14.8); internal/k8s/webhooks/webhookv1beta1/ipaddresspool_webhook.go
import type { KubeObject } from '../../model/meta.ts';
import type { IPAddressPool, L2Advertisement } from '../../model/networking.ts';
import type { Simulation } from '../simulation.ts';
import { METALLB_RESOURCES } from '../kinds.ts';
import { HarnessError } from '../../errors.ts';
import { activeKubeProxyConfig } from '../apps/kube-proxy.ts';
import { POOL_WEBHOOK, L2ADVERTISEMENT_WEBHOOK, poolAdmissionHook, l2AdvertisementAdmissionHook, webhookEntry, type WebhookReads } from './webhooks.ts';
import { METALLB_NAMESPACE } from './l2.ts';
import { METALLB_VERSION } from './images.ts';

export { POOL_WEBHOOK, L2ADVERTISEMENT_WEBHOOK, poolAdmissionHook, l2AdvertisementAdmissionHook } from './webhooks.ts';

const labels = (component: string) => ({ app: 'metallb', component });
const CONTROL_PLANE_TOLERATIONS = [
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
];

/** The manifest's objects kubelab models, in its order. */
export function metallbObjects(): KubeObject[] {
  const ns = METALLB_NAMESPACE;
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'pod-security.kubernetes.io/audit': 'privileged', 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'controller', namespace: ns, labels: labels('controller') } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'speaker', namespace: ns, labels: labels('speaker') } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'metallb-webhook-service', namespace: ns }, spec: { ports: [{ port: 443, targetPort: 9443 }], selector: { component: 'controller' } } },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'controller', namespace: ns, labels: labels('controller') },
      spec: { revisionHistoryLimit: 3, selector: { matchLabels: labels('controller') }, template: { metadata: { labels: labels('controller') }, spec: {
        serviceAccountName: 'controller', nodeSelector: { 'kubernetes.io/os': 'linux' }, terminationGracePeriodSeconds: 0,
        containers: [{ name: 'controller', image: `quay.io/metallb/controller:${METALLB_VERSION}`, args: ['--port=7472', '--log-level=info', '--tls-min-version=VersionTLS12'],
          ports: [{ containerPort: 7472, name: 'monitoring' }, { containerPort: 9443, name: 'webhook-server', protocol: 'TCP' }] }],
      } } },
    },
    {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'speaker', namespace: ns, labels: labels('speaker') },
      spec: { selector: { matchLabels: labels('speaker') }, template: { metadata: { labels: labels('speaker') }, spec: {
        hostNetwork: true, serviceAccountName: 'speaker', nodeSelector: { 'kubernetes.io/os': 'linux' }, terminationGracePeriodSeconds: 2, tolerations: CONTROL_PLANE_TOLERATIONS,
        containers: [{ name: 'speaker', image: `quay.io/metallb/speaker:${METALLB_VERSION}`, args: ['--port=7472', '--log-level=info'],
          ports: [{ containerPort: 7472, name: 'monitoring' }, { containerPort: 7946, name: 'memberlist-tcp' }, { containerPort: 7946, name: 'memberlist-udp', protocol: 'UDP' }] }],
      } } },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'metallb-webhook-configuration' },
      // Only the two webhooks for the kinds kubelab models (the manifest also has bgppeers, bfdprofiles, bgpadvertisements, communities).
      webhooks: [webhookEntry(POOL_WEBHOOK, 'ipaddresspools', ns), webhookEntry(L2ADVERTISEMENT_WEBHOOK, 'l2advertisements', ns)],
    },
  ];
}

/** Installs MetalLB (idempotent), registers its CRDs and webhook, then settles. */
export function installMetallb(sim: Simulation): void {
  sim.resources.add(METALLB_RESOURCES);
  for (const obj of metallbObjects()) {
    if (sim.store.get(obj.kind, obj.metadata.name, obj.metadata.namespace)) continue;
    const result = sim.api.create(obj);
    if (!result.ok) throw new HarnessError('COMMAND_FAILED', `installing MetalLB: creating ${obj.kind} ${obj.metadata.name} failed: ${result.status.message}`);
  }
  const reads: WebhookReads = {
    pools: () => sim.store.list<IPAddressPool>('IPAddressPool', METALLB_NAMESPACE),
    l2Advertisements: () => sim.store.list<L2Advertisement>('L2Advertisement', METALLB_NAMESPACE),
  };
  sim.api.addAdmission(POOL_WEBHOOK, poolAdmissionHook(METALLB_NAMESPACE, reads));
  sim.api.addAdmission(L2ADVERTISEMENT_WEBHOOK, l2AdvertisementAdmissionHook(METALLB_NAMESPACE, reads));
  sim.config.addons.metallb = true;
  sim.settle();
  warnIfIpvsWithoutStrictArp(sim);
}

/** Applies the tutorial's configmap.yml: IPAddressPool `first-pool` over `addresses` (comma-separated entries) and L2Advertisement `example`. */
export function configureMetallbPool(sim: Simulation, addresses: string): void {
  if (!sim.config.addons.metallb) throw new HarnessError('INVALID_INPUT', 'configureMetallbPool: MetalLB is not installed; call installMetallb first (its CRDs and webhook come with it)');
  const objects: KubeObject[] = [
    { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'first-pool', namespace: METALLB_NAMESPACE }, spec: { addresses: addresses.split(',').map((a) => a.trim()).filter((a) => a !== '') } },
    { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: { name: 'example', namespace: METALLB_NAMESPACE }, spec: { ipAddressPools: ['first-pool'] } },
  ];
  for (const obj of objects) {
    const result = sim.api.apply(obj);
    if (!result.ok) throw new HarnessError('INVALID_INPUT', `MetalLB pool "${addresses}": ${result.status.message}`);
    sim.settle();
  }
  warnIfIpvsWithoutStrictArp(sim);
}

// MetalLB itself reports nothing (no Event, no log) when kube-proxy runs IPVS without strictARP: every node then
// answers ARP for the LoadBalancer IPs. kubelab says so as a simulator warning, not as a Kubernetes Event.
// SRC: metallb website/content/installation/_index.md "Preparation" (strictARP required with IPVS)
function warnIfIpvsWithoutStrictArp(sim: Simulation): void {
  const nodes = sim.topology.nodes.filter((n) => { const c = activeKubeProxyConfig(sim, n.name); return c?.mode === 'ipvs' && !c.strictARP; }).map((n) => n.name);
  if (nodes.length === 0) return;
  sim.warnings.push(`kubelab: kube-proxy runs in IPVS mode without strictARP on ${nodes.join(', ')}; MetalLB's layer-2 mode needs "strictARP: true" in the kube-proxy ConfigMap (every node would answer ARP for LoadBalancer IPs). A real cluster shows no event for this.`);
}
