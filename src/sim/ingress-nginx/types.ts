/**
 * The controller's configuration model, shaped like ingress-nginx's `ingress.Configuration`:
 * servers (one per host) → locations (one per path) → backends (one per Service port).
 * SRC: ingress-nginx pkg/apis/ingress/types.go (controller-v1.11.2).
 */
import type { ParsedAnnotations } from './annotations/index.ts';
import type { CertificateInfo } from './certificates.ts';

/** How nginx matches a rendered location: `= path`, plain prefix, or `~* "^path"`. */
export type LocationMatch = 'exact' | 'prefix' | 'regex';

/** A pod endpoint (or the ClusterIP with service-upstream) an upstream may proxy to. */
export interface Endpoint { ip: string; port: number; pod?: { name: string; namespace: string }; node?: string }

/** Canary traffic-shaping policy of an alternative backend (SRC: pkg/apis/ingress/types.go TrafficShapingPolicy). */
export interface TrafficShapingPolicy {
  weight: number;
  weightTotal: number;
  header: string;
  headerValue: string;
  headerPattern: string;
  cookie: string;
}

/** An nginx upstream: `<namespace>-<service>-<port>` with its endpoints. */
export interface Backend {
  name: string;
  namespace: string;
  service?: { name: string; port: number | string };
  /** Why the backend has no endpoints, for traces ("service not found", "no ready endpoints"…). */
  emptyReason?: string;
  endpoints: Endpoint[];
  /** A canary backend: it creates no server or location (SRC: controller.go createUpstreams). */
  noServer: boolean;
  trafficShapingPolicy?: TrafficShapingPolicy;
  /** Names of canary backends merged into this one; only the first is ever used (balancer.lua). */
  alternativeBackends: string[];
  loadBalance: string;
  /** The Ingress whose path created this upstream (oldest wins). */
  createdBy: string;
}

/** One nginx location of a server. */
export interface Location {
  /** The location path as rendered (after Prefix expansion: `/foo/` or `/foo`). */
  path: string;
  /** The path written in the Ingress (ordering key and rewrite regex). */
  ingressPath: string;
  pathType: 'Exact' | 'Prefix';
  match: LocationMatch;
  backend: string;
  /** The host's root fallback pointing at the default backend. */
  isDefBackend: boolean;
  /** `namespace/name` of the Ingress that defined it (or gave the root fallback its annotations). */
  ingress?: string;
  service?: { name: string; port: number | string };
  annotations: ParsedAnnotations;
  /** Set when an annotation made the location unusable: nginx renders `return 503;` (LocationDenied). */
  denied?: string;
  /** Upstream of the `@custom_<upstream>_<code>` error locations (DefaultBackendUpstreamName): the default upstream, or `custom-default-backend-<ns>-<svc>`. */
  defaultBackendUpstream?: string;
}

/** One nginx server block (a host, or `_` for the catch-all). */
export interface Server {
  hostname: string;
  locations: Location[];
  /** Any location of the host uses regex or rewrite: every location is rendered `~* "^path"` (template.go enforceRegexModifier). */
  regexMode: boolean;
  /** TLS configuration of the host, when an Ingress with `spec.tls` covers it (else undefined: not TLS-configured). */
  tls?: { secret?: string; certificate: CertificateInfo; reason: string };
}

/** ConfigMap settings the model honours (defaults of controller v1.11, SRC: internal/ingress/controller/config/config.go). */
export interface ControllerConfig {
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  httpRedirectCode: number;
  hsts: boolean;
  hstsMaxAge: string;
  hstsIncludeSubdomains: boolean;
  hstsPreload: boolean;
  preserveTrailingSlash: boolean;
  useForwardedHeaders: boolean;
  noTlsRedirectLocations: string[];
  serviceUpstream: boolean;
  loadBalance: string;
  allowSnippetAnnotations: boolean;
  /** server-tokens: false clears the Server header and the error pages say just `nginx`. */
  serverTokens: boolean;
}

/** The whole model the controller's nginx would run. */
export interface IngressModel {
  /** Servers sorted by hostname (`_` first), as getBackendServers returns them. */
  servers: Server[];
  backends: Map<string, Backend>;
  /** Certificates registered by hostname for SNI lookup (certificate.lua); `_` holds the default. */
  certificates: Map<string, CertificateInfo>;
  defaultCertificate: CertificateInfo;
  config: ControllerConfig;
  /** What the controller would log: invalid annotations, ignored canaries, missing secrets… */
  warnings: string[];
}

/** Name of the built-in default upstream (127.0.0.1:8181 answering 404). SRC: controller.go defUpstreamName. */
export const DEFAULT_UPSTREAM = 'upstream-default-backend';
/** Name of the catch-all server. SRC: controller.go defServerName. */
export const CATCH_ALL_SERVER = '_';
