/**
 * The ingress-nginx controller image (registry.k8s.io/ingress-nginx/controller:v1.11.x): nginx on 80/443
 * answering with route() over the model built from the store, the admission webhook on 8443 and
 * /healthz on 10254. Upstream requests leave from the controller pod through the dataplane's sendHttp, with nginx's
 * retries on connection errors and timeouts, and custom-http-errors interception of upstream statuses.
 * SRC: ingress-nginx rootfs/etc/nginx/template/nginx.tmpl, rootfs/etc/nginx/lua/certificate.lua (SNI lookup:
 * exact, then `*.<rest>`, else the default certificate) (controller-v1.11.2).
 */
import type { HttpRequestRecord, HttpResponseRecord } from '../../cluster/exchanges.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import type { AppHttpResult, AppImage, AppProcess, TlsServer } from './app.ts';
import { shortImageName } from './catalogue.ts';
import { buildIngressModel, modelInputFromStore } from '../ingress-nginx/model.ts';
import { route } from '../ingress-nginx/route.ts';
import { simulationDraws } from '../ingress-nginx/draws.ts';
import { nginxPage, NGINX_SERVER_TOKEN } from '../ingress-nginx/nginx-pages.ts';
import { errorPageOutcome, intercepts } from '../ingress-nginx/custom-errors.ts';
import type { Endpoint, IngressModel } from '../ingress-nginx/types.ts';
import type { Hop, HttpExchange } from '../../cluster/exchanges.ts';

/** The dataplane's sendHttp (contract C), loaded lazily so this image works before/without a circular import. */
type SendHttp = (sim: Simulation, source: Source, req: HttpRequestRecord, opts?: { timeoutMs?: number }) => Promise<HttpExchange>;
const HTTP_MODULE: string = '../network/http.ts';
async function sendHttp(sim: Simulation, source: Source, req: HttpRequestRecord, timeoutMs: number): Promise<HttpExchange> {
  const mod = (await import(HTTP_MODULE)) as { sendHttp: SendHttp };
  return mod.sendHttp(sim, source, req, { timeoutMs });
}

// SRC: ingress-nginx internal/ingress/controller/config/config.go NewDefault (controller-v1.11.2): ProxyConnectTimeout 5,
// ProxyNextUpstream "error timeout", ProxyNextUpstreamTries 3 (nginx.tmpl l.1480–1482).
const PROXY_CONNECT_TIMEOUT_MS = 5000;
const PROXY_NEXT_UPSTREAM_TRIES = 3;

/** Does the reference name the controller image (any registry, tag or digest)? */
export function isControllerImage(image: string): boolean {
  return /^ingress-nginx\/controller:v1\.\d+\.\d+(@sha256:[0-9a-f]+)?$/.test(shortImageName(image));
}

/** The certificate (and its key) presented for an SNI name (certificate.lua call()). */
export function certificateForSni(model: IngressModel, sni: string | undefined): { certPem: string; keyPem: string; reason: string } {
  const name = (sni ?? '').toLowerCase().replace(/\.$/, '');
  const exact = name === '' ? undefined : model.certificates.get(name);
  if (exact && name !== '_') return { certPem: exact.pem, keyPem: exact.keyPem, reason: `SNI ${name}: certificate ${exact.source}` };
  const dot = name.indexOf('.');
  const wildcard = dot > 0 ? model.certificates.get(`*${name.slice(dot)}`) : undefined;
  if (wildcard) return { certPem: wildcard.pem, keyPem: wildcard.keyPem, reason: `SNI ${name}: wildcard certificate ${wildcard.source}` };
  const fallback = model.defaultCertificate;
  return { certPem: fallback.pem, keyPem: fallback.keyPem, reason: `${name === '' ? 'no SNI' : `no certificate for ${name}`}: default certificate (${fallback.source})` };
}

/** Records the controller's log lines as scenario warnings (once each). */
function logWarnings(sim: Simulation, warnings: readonly string[]): void {
  for (const w of warnings) if (!sim.warnings.includes(w)) sim.warnings.push(w);
}

function currentModel(sim: Simulation): IngressModel {
  const model = buildIngressModel(modelInputFromStore(sim.view));
  logWarnings(sim, model.warnings);
  return model;
}

/** nginx's own Date (and, with server-tokens, Server) in front of a response it sends. */
function stamp(sim: Simulation, model: IngressModel, response: HttpResponseRecord): HttpResponseRecord {
  const { server: _upstreamServer, date: _upstreamDate, ...rest } = response.headers;
  const own: Record<string, string> = model.config.serverTokens ? { server: NGINX_SERVER_TOKEN } : {};
  own['date'] = sim.clock.now().toUTCString();
  return { ...response, headers: { ...own, ...rest } };
}

/** One proxied request with nginx's retries: proxy_next_upstream error timeout, proxy_next_upstream_tries 3, connect timeout 5 s. */
async function proxyWithRetries(sim: Simulation, source: Source, model: IngressModel, first: { backend: string; endpoint: Endpoint; request: HttpRequestRecord }, trace: Hop[]): Promise<{ exchange: HttpExchange; failedStatus?: number }> {
  const draws = simulationDraws(sim);
  let endpoint = first.endpoint;
  let exchange: HttpExchange | undefined;
  for (let attempt = 1; attempt <= PROXY_NEXT_UPSTREAM_TRIES; attempt++) {
    if (attempt > 1) {
      // balancer.balance() runs again for every try: round robin moves on to the next endpoint.
      const endpoints = model.backends.get(first.backend)?.endpoints ?? [first.endpoint];
      endpoint = endpoints[draws.endpoint(first.backend, endpoints) % endpoints.length]!;
      trace.push({ component: 'ingress-nginx', decision: `proxy_next_upstream: try ${attempt} of ${PROXY_NEXT_UPSTREAM_TRIES} on ${endpoint.ip}:${endpoint.port}` });
    }
    const request: HttpRequestRecord = { ...first.request, ip: endpoint.ip, port: endpoint.port };
    exchange = await sendHttp(sim, source, request, PROXY_CONNECT_TIMEOUT_MS);
    trace.push(...exchange.trace);
    if (exchange.response) return { exchange };
    trace.push({ component: 'ingress-nginx', decision: `upstream ${endpoint.ip}:${endpoint.port} failed: ${exchange.failure?.message ?? 'error'}` });
  }
  // The status comes from the last failure: a timeout gives 504, any other error 502 (ngx_http_upstream_next).
  return { exchange: exchange!, failedStatus: exchange!.failure?.kind === 'timeout' ? 504 : 502 };
}

async function handle(req: HttpRequestRecord, sim: Simulation, pod: Pod): Promise<AppHttpResult> {
  const model = currentModel(sim);
  // The dataplane may report the peer address; otherwise traffic arrived SNATed by kube-proxy from the node.
  const peer = (req as HttpRequestRecord & { clientIp?: string }).clientIp ?? pod.status?.hostIP ?? '';
  const draws = simulationDraws(sim);
  const decision = route(model, { scheme: req.scheme, method: req.method, uri: req.path, headers: req.headers, remoteAddr: peer }, draws);
  const outcome = decision.outcome;
  if (outcome.kind === 'respond') return { response: stamp(sim, model, outcome.response), trace: decision.hops };
  const source: Source = { kind: 'pod', pod: pod.metadata.name, namespace: pod.metadata.namespace ?? 'ingress-nginx', node: pod.spec.nodeName ?? '', ip: pod.status?.podIP ?? '' };
  const upstream: HttpRequestRecord = { method: req.method, scheme: outcome.protocol, ip: outcome.endpoint.ip, port: outcome.endpoint.port, path: outcome.path, headers: outcome.headers };
  if (req.body !== undefined) upstream.body = req.body;
  const trace = [...decision.hops];
  const { exchange, failedStatus } = await proxyWithRetries(sim, source, model, { backend: outcome.backend, endpoint: outcome.endpoint, request: upstream }, trace);
  const status = failedStatus ?? exchange.response!.status;
  if (intercepts(outcome.errorPages, status)) {
    // error_page <status> = @custom_<upstream>_<status> (proxy_intercept_errors on); that location does not intercept again.
    const pages = outcome.errorPages;
    const page = errorPageOutcome(model, pages, status, draws.endpoint);
    trace.push({ component: 'ingress-nginx', decision: `${status} intercepted: error_page ${status} = @custom_${pages.upstream}_${status}` });
    if (page.kind === 'default-server-404') return { response: stamp(sim, model, nginxPage(404, {}, model.config.serverTokens)), trace };
    const errorRequest: HttpRequestRecord = { method: req.method, scheme: 'http', ip: page.endpoint.ip, port: page.endpoint.port, path: page.path, headers: page.headers };
    const retried = await proxyWithRetries(sim, source, model, { backend: page.backend, endpoint: page.endpoint, request: errorRequest }, trace);
    return answer(sim, model, retried.exchange, retried.failedStatus, {}, trace, errorRequest);
  }
  return answer(sim, model, exchange, failedStatus, decision.responseHeaders, trace, upstream);
}

/** The response nginx sends back for a proxied exchange: the upstream's (Server hidden) or its own 502/504 page. */
function answer(sim: Simulation, model: IngressModel, exchange: HttpExchange, failedStatus: number | undefined, extraHeaders: Record<string, string>, trace: Hop[], sent: HttpRequestRecord): AppHttpResult {
  if (failedStatus !== undefined || !exchange.response) {
    trace.push({ component: 'ingress-nginx', decision: `${failedStatus ?? 502}: every try failed` });
    return { response: stamp(sim, model, nginxPage(failedStatus ?? 502, extraHeaders, model.config.serverTokens)), trace };
  }
  const response = stamp(sim, model, exchange.response);
  response.headers = { ...response.headers, connection: 'keep-alive', ...extraHeaders };
  const result: AppHttpResult = { response, trace, backendRequest: exchange.backendRequest ?? sent };
  if (exchange.servedBy) result.servedBy = exchange.servedBy;
  return result;
}

/** The controller image entry of the catalogue. */
export const ingressNginxControllerImage: AppImage = {
  name: 'ingress-nginx controller (nginx 1.25.5)',
  matches: isControllerImage,
  start(pod: Pod, sim: Simulation): AppProcess {
    const tls = (port: number): TlsServer | undefined =>
      port === 443 || port === 8443
        ? {
            certificateFor: (sni) => {
              const chosen = certificateForSni(currentModel(sim), sni);
              return { certPem: chosen.certPem, keyPem: chosen.keyPem, trace: [{ component: 'ingress-nginx', decision: `TLS: ${chosen.reason}` }] };
            },
          }
        : undefined;
    return {
      listens: (port, protocol) => protocol === 'TCP' && [80, 443, 8443, 10254].includes(port),
      tls,
      http: async (req, s) => {
        if (req.port === 10254) return { response: { ...nginxPage(200), body: 'ok' }, trace: [{ component: 'ingress-nginx', decision: '/healthz on 10254' }] };
        return handle(req, s, pod);
      },
    };
  },
};
