/**
 * installIngressNginx: what `kubectl apply -f deploy.yaml` (controller-v1.11.2, provider/baremetal) creates,
 * through the simulated API server, then the admission webhook. The Service is NodePort as in the manifest;
 * `LoadBalancer` patches it afterwards as the tutorial does (`kubectl -n ingress-nginx edit svc`).
 * SRC: ingress-nginx deploy/static/provider/baremetal/deploy.yaml (controller-v1.11.2). Not created: RBAC
 * objects. The two kube-webhook-certgen Jobs run to completion (their pods end Completed); what they
 * write (the ingress-nginx-admission Secret, the webhook's caBundle) is not modelled.
 */
import type { KubeObject } from '../../model/meta.ts';
import type { Simulation } from '../simulation.ts';
import { HarnessError } from '../../errors.ts';
import { ingressAdmissionHook, WEBHOOK_NAME } from './admission.ts';
import { CONTROLLER_NAMESPACE, modelInputFromStore } from './model.ts';

/** The controller image of the tutorial's manifest (the digest is dropped). */
export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.2';
/** The admission Jobs' image (the digest is dropped). */
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.3';

const LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx',
  'app.kubernetes.io/version': '1.11.2',
};
const SELECTOR = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

const ADMISSION_LABELS = { ...LABELS, 'app.kubernetes.io/component': 'admission-webhook' };

/** One of the two admission Jobs: kube-webhook-certgen `create` or `patch` with its arguments. */
function certgenJob(name: string, container: string, args: string[]): KubeObject {
  return {
    apiVersion: 'batch/v1', kind: 'Job', metadata: meta(name, { ...ADMISSION_LABELS }),
    spec: {
      template: {
        metadata: { labels: { ...ADMISSION_LABELS }, name },
        spec: {
          containers: [{
            name: container, image: CERTGEN_IMAGE, imagePullPolicy: 'IfNotPresent', args,
            env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } },
          }],
          nodeSelector: { 'kubernetes.io/os': 'linux' }, restartPolicy: 'OnFailure', serviceAccountName: 'ingress-nginx-admission',
        },
      },
    },
  };
}

function meta(name: string, labels: Record<string, string> = LABELS, namespace: string | undefined = CONTROLLER_NAMESPACE) {
  return namespace === undefined ? { name, labels } : { name, namespace, labels };
}

/** The manifest's objects, in its order. */
export function ingressNginxObjects(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: meta(CONTROLLER_NAMESPACE, { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }, undefined) },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx'), automountServiceAccountToken: true },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('ingress-nginx-admission', ADMISSION_LABELS), automountServiceAccountToken: true },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('ingress-nginx-controller'), data: { 'allow-snippet-annotations': 'false' } },
    {
      apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller'),
      spec: {
        ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', type: 'NodePort', selector: SELECTOR,
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
      },
    },
    {
      apiVersion: 'v1', kind: 'Service', metadata: meta('ingress-nginx-controller-admission'),
      spec: { type: 'ClusterIP', selector: SELECTOR, ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }] },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('ingress-nginx-controller'),
      spec: {
        minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: SELECTOR },
        strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: LABELS },
          spec: {
            dnsPolicy: 'ClusterFirst', nodeSelector: { 'kubernetes.io/os': 'linux' }, serviceAccountName: 'ingress-nginx', terminationGracePeriodSeconds: 300,
            containers: [{
              name: 'controller', image: CONTROLLER_IMAGE, imagePullPolicy: 'IfNotPresent',
              args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key', '--enable-metrics=false'],
              ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443, name: 'https', protocol: 'TCP' }, { containerPort: 8443, name: 'webhook', protocol: 'TCP' }],
            }],
          },
        },
      },
    },
    certgenJob('ingress-nginx-admission-create', 'create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
    certgenJob('ingress-nginx-admission-patch', 'patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta('nginx', LABELS, undefined), spec: { controller: 'k8s.io/ingress-nginx' } },
    {
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration',
      metadata: meta('ingress-nginx-admission', { ...LABELS, 'app.kubernetes.io/component': 'admission-webhook' }, undefined),
      webhooks: [{
        admissionReviewVersions: ['v1'], failurePolicy: 'Fail', matchPolicy: 'Equivalent', name: WEBHOOK_NAME, sideEffects: 'None',
        clientConfig: { service: { name: 'ingress-nginx-controller-admission', namespace: CONTROLLER_NAMESPACE, path: '/networking/v1/ingresses' } },
        rules: [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['ingresses'] }],
      }],
    },
  ];
}

/** Installs the controller (idempotent: objects that exist are left alone), then settles. */
export function installIngressNginx(sim: Simulation, opts: { serviceType: 'NodePort' | 'LoadBalancer' }): void {
  for (const obj of ingressNginxObjects()) {
    if (sim.store.get(obj.kind, obj.metadata.name, obj.metadata.namespace)) continue;
    const result = sim.api.create(obj);
    if (!result.ok) throw new HarnessError('COMMAND_FAILED', `installing ingress-nginx: creating ${obj.kind} ${obj.metadata.name} failed: ${result.status.message}`);
  }
  sim.api.addAdmission(WEBHOOK_NAME, ingressAdmissionHook(() => modelInputFromStore(sim.store)));
  sim.config.addons.ingressNginx = true;
  sim.settle();
  if (opts.serviceType === 'LoadBalancer') {
    const result = sim.api.patch({ kind: 'Service', name: 'ingress-nginx-controller', namespace: CONTROLLER_NAMESPACE }, { spec: { type: 'LoadBalancer' } }, 'strategic');
    if (!result.ok) throw new HarnessError('COMMAND_FAILED', `switching ingress-nginx-controller to LoadBalancer failed: ${result.status.message}`);
    sim.settle();
  }
}
