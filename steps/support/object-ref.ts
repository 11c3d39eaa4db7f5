/** Object names as steps write them: `howe` (namespace default) or `ingress-nginx/ingress-nginx-controller`. */
import { HarnessError } from '../../src/index.ts';

/** A namespaced name. */
export interface NamespacedName { namespace: string; name: string }

// SRC: apimachinery pkg/util/validation IsDNS1123Subdomain / IsDNS1123Label (names and namespaces).
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Parses `name` or `namespace/name`; the namespace defaults to `default` as kubectl's does. */
export function parseObjectRef(text: string): NamespacedName {
  const parts = text.split('/');
  if (parts.length > 2 || parts.some((p) => !NAME.test(p))) {
    throw new HarnessError('INVALID_INPUT', `"${text}" is not an object name: write NAME or NAMESPACE/NAME, e.g. "howe" or "ingress-nginx/ingress-nginx-controller"`);
  }
  return parts.length === 2 ? { namespace: parts[0]!, name: parts[1]! } : { namespace: 'default', name: parts[0]! };
}

/** `namespace/name`, or just `name` in the default namespace, as a step would write it. */
export function formatObjectRef(ref: NamespacedName): string {
  return ref.namespace === 'default' ? ref.name : `${ref.namespace}/${ref.name}`;
}
