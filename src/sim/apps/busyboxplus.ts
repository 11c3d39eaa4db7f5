/** radial/busyboxplus:curl — the tutorial's client pod (busybox + curl): it serves nothing. */
import type { AppImage } from './app.ts';
import { shortImageName } from './catalogue.ts';

const REFERENCES = new Set(['busyboxplus', 'busyboxplus:latest', 'busyboxplus:curl', 'radial/busyboxplus', 'radial/busyboxplus:latest', 'radial/busyboxplus:curl']);

/** busyboxplus under the names the tutorial and its registry use; its shell runs commands, it listens on no port. */
export const busyboxplusImage: AppImage = {
  name: 'busyboxplus (client)',
  matches: (image) => REFERENCES.has(shortImageName(image)),
  start: () => ({ listens: () => false }),
};
