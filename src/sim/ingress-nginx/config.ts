/**
 * The ConfigMap `ingress-nginx/ingress-nginx-controller` read into the settings the model honours.
 * SRC: ingress-nginx internal/ingress/controller/config/config.go NewDefault (controller-v1.11.2);
 * the bare-metal deploy.yaml sets only `allow-snippet-annotations: "false"`.
 */
import type { ConfigMap } from '../../model/core.ts';
import type { ControllerConfig } from './types.ts';

/** The v1.11 defaults. */
export function defaultControllerConfig(): ControllerConfig {
  return {
    sslRedirect: true,
    forceSslRedirect: false,
    httpRedirectCode: 308,
    hsts: true,
    hstsMaxAge: '31536000',
    hstsIncludeSubdomains: true,
    hstsPreload: false,
    preserveTrailingSlash: false,
    useForwardedHeaders: false,
    noTlsRedirectLocations: ['/.well-known/acme-challenge'],
    serviceUpstream: false,
    loadBalance: 'round_robin',
    allowSnippetAnnotations: false,
    serverTokens: false,
  };
}

const BOOL_KEYS: Record<string, keyof ControllerConfig> = {
  'ssl-redirect': 'sslRedirect',
  'force-ssl-redirect': 'forceSslRedirect',
  hsts: 'hsts',
  'hsts-include-subdomains': 'hstsIncludeSubdomains',
  'hsts-preload': 'hstsPreload',
  'preserve-trailing-slash': 'preserveTrailingSlash',
  'use-forwarded-headers': 'useForwardedHeaders',
  'service-upstream': 'serviceUpstream',
  'allow-snippet-annotations': 'allowSnippetAnnotations',
  'server-tokens': 'serverTokens',
};

// SRC: ingress-nginx internal/ingress/controller/template/configmap.go ReadConfig: mapstructure with WeaklyTypedInput,
// which parses a string into a bool with Go's strconv.ParseBool (and "" as false).
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Applies the ConfigMap's data; unknown or unparsable keys are returned as warnings (the real controller logs them). */
export function readControllerConfig(cm: ConfigMap | undefined): { config: ControllerConfig; warnings: string[] } {
  const config = defaultControllerConfig();
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(cm?.data ?? {})) {
    const boolKey = BOOL_KEYS[key];
    if (boolKey) {
      if (GO_TRUE.has(value) || GO_FALSE.has(value)) (config as unknown as Record<string, unknown>)[boolKey] = GO_TRUE.has(value);
      else warnings.push(`ConfigMap ingress-nginx-controller: ${key}: ${JSON.stringify(value)} is not a boolean, keeping the default`);
    } else if (key === 'http-redirect-code') {
      const code = Number(value);
      if ([301, 302, 307, 308].includes(code)) config.httpRedirectCode = code;
      else warnings.push(`ConfigMap ingress-nginx-controller: http-redirect-code ${value} is not one of 301, 302, 307, 308; using 308`);
    } else if (key === 'hsts-max-age') {
      config.hstsMaxAge = value;
    } else if (key === 'load-balance') {
      config.loadBalance = value;
    } else if (key === 'no-tls-redirect-locations') {
      config.noTlsRedirectLocations = value.split(',').map((s) => s.trim()).filter(Boolean);
    } else {
      warnings.push(`ConfigMap ingress-nginx-controller: key ${key} is not simulated`);
    }
  }
  return { config, warnings };
}
