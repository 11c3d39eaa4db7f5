/**
 * The ingress-nginx controller image (registry.k8s.io/ingress-nginx/controller:v1.11.x): nginx on 80/443
 * answering with route() over the model built from the store, the admission webhook on 8443 and
 * /healthz on 10254. Upstream requests leave from the controller pod through the dataplane's sendHttp.
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
import { nginxPage } from '../ingress-nginx/nginx-pages.ts';
import type { IngressModel } from '../ingress-nginx/types.ts';
import type { HttpExchange } from '../../cluster/exchanges.ts';

/** The dataplane's sendHttp (contract C), loaded lazily so this image works before/without a circular import. */
type SendHttp = (sim: Simulation, source: Source, req: HttpRequestRecord, opts?: { timeoutMs?: number }) => Promise<HttpExchange>;
const HTTP_MODULE: string = '../network/http.ts';
async function sendHttp(sim: Simulation, source: Source, req: HttpRequestRecord): Promise<HttpExchange> {
  const mod = (await import(HTTP_MODULE)) as { sendHttp: SendHttp };
  return mod.sendHttp(sim, source, req);
}

/** Does the reference name the controller image (any registry, tag or digest)? */
export function isControllerImage(image: string): boolean {
  return /^ingress-nginx\/controller:v1\.\d+\.\d+(@sha256:[0-9a-f]+)?$/.test(shortImageName(image));
}

/** The certificate presented for an SNI name (certificate.lua call()). */
export function certificateForSni(model: IngressModel, sni: string | undefined): { certPem: string; reason: string } {
  const name = (sni ?? '').toLowerCase().replace(/\.$/, '');
  const exact = name === '' ? undefined : model.certificates.get(name);
  if (exact && name !== '_') return { certPem: exact.pem, reason: `SNI ${name}: certificate ${exact.source}` };
  const dot = name.indexOf('.');
  const wildcard = dot > 0 ? model.certificates.get(`*${name.slice(dot)}`) : undefined;
  if (wildcard) return { certPem: wildcard.pem, reason: `SNI ${name}: wildcard certificate ${wildcard.source}` };
  return { certPem: model.defaultCertificate.pem, reason: `${name === '' ? 'no SNI' : `no certificate for ${name}`}: default certificate (${model.defaultCertificate.source})` };
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

async function handle(req: HttpRequestRecord, sim: Simulation, pod: Pod): Promise<AppHttpResult> {
  const model = currentModel(sim);
  // The dataplane may report the peer address; otherwise traffic arrived SNATed by kube-proxy from the node.
  const peer = (req as HttpRequestRecord & { clientIp?: string }).clientIp ?? pod.status?.hostIP ?? '';
  const decision = route(model, { scheme: req.scheme, method: req.method, uri: req.path, headers: req.headers, remoteAddr: peer }, simulationDraws(sim));
  const outcome = decision.outcome;
  if (outcome.kind === 'respond') {
    outcome.response.headers = { date: sim.clock.now().toUTCString(), ...outcome.response.headers };
    return { response: outcome.response, trace: decision.hops };
  }
  const source: Source = { kind: 'pod', pod: pod.metadata.name, namespace: pod.metadata.namespace ?? 'ingress-nginx', node: pod.spec.nodeName ?? '', ip: pod.status?.podIP ?? '' };
  const upstream: HttpRequestRecord = { method: req.method, scheme: outcome.protocol, ip: outcome.endpoint.ip, port: outcome.endpoint.port, path: outcome.path, headers: outcome.headers };
  if (req.body !== undefined) upstream.body = req.body;
  const exchange = await sendHttp(sim, source, upstream);
  const trace = [...decision.hops, ...exchange.trace];
  if (!exchange.response) {
    // proxy_next_upstream error timeout: a failed connect gives 502, a timeout 504.
    const status = exchange.failure?.kind === 'timeout' ? 504 : 502;
    trace.push({ component: 'ingress-nginx', decision: `${status}: upstream ${outcome.endpoint.ip}:${outcome.endpoint.port} ${exchange.failure?.message ?? 'failed'}` });
    const page = nginxPage(status, decision.responseHeaders);
    page.headers = { date: sim.clock.now().toUTCString(), ...page.headers };
    return { response: page, trace };
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(exchange.response.headers)) if (k !== 'server') headers[k] = v; // more_clear_headers Server
  const response: HttpResponseRecord = { ...exchange.response, headers: { ...headers, connection: 'keep-alive', ...decision.responseHeaders } };
  const result: AppHttpResult = { response, trace, backendRequest: exchange.backendRequest ?? upstream };
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
              return { certPem: chosen.certPem, trace: [{ component: 'ingress-nginx', decision: `TLS: ${chosen.reason}` }] };
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
