/**
 * registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.x — the tool deploy.yaml's two admission Jobs run:
 * `create` writes the webhook's CA/cert Secret, `patch` puts the CA into the ValidatingWebhookConfiguration,
 * then the process exits 0. It listens on nothing. What it writes is not modelled (the simulated controller's
 * webhook needs no certificate from it).
 * SRC: kubernetes/ingress-nginx images/kube-webhook-certgen/rootfs/cmd/{create,patch}.go (controller-v1.11.2).
 */
import type { AppImage } from './app.ts';
import { shortImageName } from './catalogue.ts';

/** Does the reference name kube-webhook-certgen (any registry, a v1.x tag, optional digest)? */
export function isCertgenImage(image: string): boolean {
  return /^ingress-nginx\/kube-webhook-certgen:v1\.\d+\.\d+(@sha256:[0-9a-f]+)?$/.test(shortImageName(image));
}

/** The catalogue entry: a run-to-completion process that exits 0. */
export const kubeWebhookCertgenImage: AppImage = {
  name: 'ingress-nginx kube-webhook-certgen (exits 0)',
  matches: isCertgenImage,
  start: () => ({ listens: () => false }),
  exitCode: 0,
};
