/**
 * nginx.ingress.kubernetes.io/canary and canary-by-header, -by-header-value, -by-header-pattern,
 * -by-cookie, -weight, -weight-total. SRC: ingress-nginx internal/ingress/annotations/canary/main.go Parse
 * (controller-v1.11.2): unparsable values fall back (enabled false, weight 0, total 100, strings ''); canary
 * settings without `canary: "true"` make Parse fail ("configured but not enabled"), the Extractor drops the
 * result and the Ingress is an ordinary one.
 */
import type { Ingress } from '../../../model/networking.ts';
import { defineAnnotation, invalidWarning, readBool, readInt, readString } from './define.ts';
import type { TrafficShapingPolicy } from '../types.ts';

/** The canary settings of an Ingress: the traffic-shaping policy it gives its backend, when enabled. */
export interface CanaryConfig extends TrafficShapingPolicy {
  enabled: boolean;
}

const OFF: CanaryConfig = { enabled: false, weight: 0, weightTotal: 100, header: '', headerValue: '', headerPattern: '', cookie: '' };

function str(ing: Ingress, key: string, warnings: string[]): string {
  const read = readString(ing, key);
  if (read.kind === 'invalid') warnings.push(invalidWarning(ing, key, read.raw, "defaulting to ''"));
  return read.kind === 'value' ? read.value : '';
}

function int(ing: Ingress, key: string, fallback: number, warnings: string[]): number {
  const read = readInt(ing, key);
  if (read.kind === 'invalid') warnings.push(invalidWarning(ing, key, read.raw, `defaulting to ${fallback}`));
  return read.kind === 'value' ? read.value : fallback;
}

/** The canary configuration (disabled = ordinary Ingress). */
export const canary = defineAnnotation({
  field: 'canary',
  keys: ['canary', 'canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie', 'canary-weight', 'canary-weight-total'],
  parse: (ctx) => {
    const ing = ctx.ingress;
    const warnings: string[] = [];
    const enabledRead = readBool(ing, 'canary');
    if (enabledRead.kind === 'invalid') warnings.push(invalidWarning(ing, 'canary', enabledRead.raw, 'defaulting to false'));
    const config: CanaryConfig = {
      enabled: enabledRead.kind === 'value' && enabledRead.value,
      weight: int(ing, 'canary-weight', 0, warnings),
      weightTotal: int(ing, 'canary-weight-total', 100, warnings),
      header: str(ing, 'canary-by-header', warnings),
      headerValue: str(ing, 'canary-by-header-value', warnings),
      headerPattern: str(ing, 'canary-by-header-pattern', warnings),
      cookie: str(ing, 'canary-by-cookie', warnings),
    };
    const configured = config.weight > 0 || config.header !== '' || config.headerValue !== '' || config.cookie !== '' || config.headerPattern !== '';
    if (!config.enabled && configured) {
      warnings.push(`ingress ${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}: annotation ${'nginx.ingress.kubernetes.io'}/canary: configured but not enabled; the canary settings are ignored and the Ingress is treated as an ordinary one`);
      return { value: OFF, warnings };
    }
    return { value: config, warnings };
  },
});
