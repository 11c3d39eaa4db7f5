/** The one extensible list of images the simulator can run. */
import type { AppImage } from './app.ts';
import { myappImage } from './myapp.ts';
import { busyboxplusImage } from './busyboxplus.ts';
import { kubeProxyImage } from './kube-proxy.ts';
import { kubeApiServerImage } from './kube-apiserver.ts';
import { corednsImage } from './coredns.ts';
import { metallbControllerImage, metallbSpeakerImage } from '../metallb/images.ts';
import { ingressNginxControllerImage } from './ingress-nginx-controller.ts';
import { echoImage } from './echo.ts';
import { kubeWebhookCertgenImage } from './kube-webhook-certgen.ts';

/** Images in lookup order; the first whose `matches` accepts the reference runs it. */
export function imageCatalogue(): AppImage[] {
  return [
    // myapp:v1/v2, busyboxplus, coredns, kube-proxy, kube-apiserver, mendhak/http-https-echo, ingress-nginx controller…
    myappImage,
    busyboxplusImage,
    kubeProxyImage,
    kubeApiServerImage,
    corednsImage,
    metallbControllerImage,
    metallbSpeakerImage,
    ingressNginxControllerImage,
    echoImage,
    kubeWebhookCertgenImage,
  ];
}

/** Strips a registry host and `library/` so "reg.exam.com/library/myapp:v1" compares as "myapp:v1". */
export function shortImageName(image: string): string {
  const parts = image.split('/');
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  return parts.join('/');
}
