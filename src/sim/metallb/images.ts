/** MetalLB's two images (quay.io/metallb/{controller,speaker}:v0.14.8, or the tutorial's Harbor copies): what their processes listen on. */
// SRC: metallb config/manifests/metallb-native.yaml (v0.14.8) — controller 7472 monitoring + 9443 webhook; speaker (hostNetwork) 7472 + 7946 memberlist TCP/UDP
import type { AppImage, AppProcess } from '../apps/app.ts';
import { shortImageName } from '../apps/catalogue.ts';

/** The MetalLB version kubelab models. */
export const METALLB_VERSION = 'v0.14.8';

function process(ports: [number, 'TCP' | 'UDP'][]): AppProcess {
  return { listens: (port, protocol) => ports.some(([p, proto]) => p === port && proto === protocol) };
}

/** metallb/controller:v0.14.8: allocates IPs, serves the validating webhook. */
export const metallbControllerImage: AppImage = {
  name: 'metallb controller',
  matches: (image) => shortImageName(image) === `metallb/controller:${METALLB_VERSION}`,
  start: () => process([[7472, 'TCP'], [9443, 'TCP']]),
};

/** metallb/speaker:v0.14.8: announces LoadBalancer IPs (layer 2 answers ARP from the node). */
export const metallbSpeakerImage: AppImage = {
  name: 'metallb speaker',
  matches: (image) => shortImageName(image) === `metallb/speaker:${METALLB_VERSION}`,
  start: () => process([[7472, 'TCP'], [7946, 'TCP'], [7946, 'UDP']]),
};
