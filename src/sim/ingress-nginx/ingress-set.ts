/**
 * Which Ingresses the controller processes, in which order, and how it normalises them.
 * SRC: ingress-nginx internal/ingress/controller/store/store.go (GetIngressClass, sortIngressSlice),
 * internal/k8s/main.go SetDefaultNGINXPathType, pkg/flags (controller-class k8s.io/ingress-nginx,
 * ingress-class nginx, watch-ingress-without-class false) (controller-v1.11.2).
 */
import type { Ingress, IngressClass } from '../../model/networking.ts';

/** The controller's `--controller-class`. */
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** The controller's `--ingress-class`. */
export const INGRESS_CLASS = 'nginx';

/** Why an Ingress is or is not processed. */
export type ClassVerdict = { ours: true; via: string } | { ours: false; reason: string };

/** The class check: `spec.ingressClassName` (field wins), else the legacy annotation, else ignored. */
export function classVerdict(ing: Ingress, classes: readonly IngressClass[]): ClassVerdict {
  const name = ing.spec?.ingressClassName;
  if (name !== undefined && name !== '') {
    const cls = classes.find((c) => c.metadata.name === name);
    if (!cls) return { ours: false, reason: `IngressClass ${JSON.stringify(name)} not found` };
    if (cls.spec?.controller !== CONTROLLER_CLASS) return { ours: false, reason: `IngressClass ${name} belongs to controller ${cls.spec?.controller}` };
    return { ours: true, via: `ingressClassName ${name}` };
  }
  const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (annotation !== undefined) {
    return annotation === INGRESS_CLASS
      ? { ours: true, via: 'annotation kubernetes.io/ingress.class' }
      : { ours: false, reason: `annotation kubernetes.io/ingress.class is ${JSON.stringify(annotation)}, not "nginx"` };
  }
  return { ours: false, reason: 'no ingress class (and --watch-ingress-without-class is false)' };
}

/** pathType nil or ImplementationSpecific becomes Prefix (SetDefaultNGINXPathType). Returns a copy. */
export function normaliseIngress(ing: Ingress): Ingress {
  const copy = structuredClone(ing);
  for (const rule of copy.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      if (path.pathType === undefined || path.pathType === 'ImplementationSpecific') path.pathType = 'Prefix';
    }
  }
  return copy;
}

/** `namespace/name` of an object. */
export function keyOf(ing: Ingress): string {
  return `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`;
}

/** Oldest first by creationTimestamp (second resolution); ties by `namespace/name` descending (`return in > jn`). */
export function sortIngresses(ingresses: readonly Ingress[]): Ingress[] {
  const seconds = (ing: Ingress) => Math.floor(Date.parse(ing.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z') / 1000);
  return [...ingresses].sort((a, b) => {
    const d = seconds(a) - seconds(b);
    if (d !== 0) return d;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka > kb ? -1 : ka < kb ? 1 : 0;
  });
}

/** The processed set: ours, normalised, sorted; plus why the others were ignored. */
export function processedIngresses(all: readonly Ingress[], classes: readonly IngressClass[]): { ingresses: Ingress[]; ignored: { key: string; reason: string }[] } {
  const ours: Ingress[] = [];
  const ignored: { key: string; reason: string }[] = [];
  for (const ing of all) {
    const verdict = classVerdict(ing, classes);
    if (verdict.ours) ours.push(normaliseIngress(ing));
    else ignored.push({ key: keyOf(ing), reason: verdict.reason });
  }
  return { ingresses: sortIngresses(ours), ignored };
}
