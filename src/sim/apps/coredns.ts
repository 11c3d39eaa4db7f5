/**
 * The CoreDNS image kubeadm deploys (registry.k8s.io/coredns/coredns:v1.11.x) running the kubeadm
 * Corefile: DNS on 53/UDP and 53/TCP, Prometheus metrics on 9153, health on 8080, ready on 8181.
 */
// SRC: kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go (v1.31) — ports 53/UDP, 53/TCP, 9153/TCP; probes /health:8080, /ready:8181
import type { Pod } from '../../model/core.ts';
import type { HttpRequestRecord } from '../../cluster/exchanges.ts';
import type { Simulation } from '../simulation.ts';
import type { AppImage, AppProcess, AppHttpResult, DnsQuery } from './app.ts';
import { answerQuery } from '../dns/coredns.ts';
import { DnsCache } from '../dns/coredns-cache.ts';
import { ZoneWatch } from '../dns/coredns-watch.ts';
import { roundRobin } from '../dns/loadbalance.ts';
import { shortImageName } from './catalogue.ts';

/**
 * A running CoreDNS pod: answers from the API objects at the moment of the query (its informers are
 * always in sync), through its own `cache 30` (kubeadm Corefile), with the serial its informers saw.
 */
export class CoreDnsProcess implements AppProcess {
  readonly version: string;
  readonly pod: string;
  readonly #cache = new DnsCache();
  readonly #watch: ZoneWatch | undefined;
  constructor(version: string, pod: string, sim?: Simulation) {
    this.version = version;
    this.pod = pod;
    this.#watch = sim ? new ZoneWatch(sim.view, sim.clock.now()) : undefined;
  }
  listens(port: number, protocol: 'TCP' | 'UDP'): boolean {
    return port === 53 || (protocol === 'TCP' && (port === 9153 || port === 8080 || port === 8181));
  }
  dns(query: DnsQuery, sim: Simulation) {
    const now = sim.clock.now();
    const question = { name: query.name, type: query.type.toUpperCase() };
    // SRC: coredns plugin.cfg order — loadbalance runs before cache, so cached replies are shuffled again.
    const hit = this.#cache.lookup(question, now);
    const answer = hit
      ? { ...hit, answers: roundRobin(hit.answers, sim.rng), additional: roundRobin(hit.additional, sim.rng) }
      : this.#cache.store(answerQuery(sim.view, sim.topology, question, { rng: sim.rng, now, ...(this.#watch ? { serial: this.#watch.serial(sim.view, now) } : {}) }), now);
    return { ...answer, trace: answer.trace.map((hop) => ({ ...hop, details: { ...hop.details, pod: this.pod, clientIP: query.clientIP } })) };
  }
  async http(req: HttpRequestRecord): Promise<AppHttpResult> {
    // health answers OK on :8080/health, ready on :8181/ready; metrics on :9153/metrics (only the build info is modelled).
    const routes: Record<number, Record<string, string>> = {
      8080: { '/health': 'OK' },
      8181: { '/ready': 'OK' },
      9153: { '/metrics': `# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{version="${this.version}"} 1\n` },
    };
    const body = routes[req.port]?.[req.path.split('?')[0] ?? ''];
    const response = body === undefined
      ? { status: 404, reason: 'Not Found', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' }
      : { status: 200, reason: 'OK', headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
    return { response, trace: [{ component: 'coredns', decision: `${req.method} ${req.path} on :${req.port} → ${response.status}` }] };
  }
}

const COREDNS_IMAGE = /^coredns\/coredns:v(1\.11\.\d+)$/;

/** coredns/coredns:v1.11.x from registry.k8s.io (or a registry mirror such as the tutorial's Harbor). */
export const corednsImage: AppImage = {
  name: 'coredns',
  matches: (image) => COREDNS_IMAGE.test(shortImageName(image)),
  start: (pod: Pod, sim: Simulation) => new CoreDnsProcess(COREDNS_IMAGE.exec(shortImageName(pod.spec.containers[0]?.image ?? ''))?.[1] ?? '1.11.3', pod.metadata.name, sim),
};
