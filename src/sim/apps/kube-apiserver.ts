/**
 * The kube-apiserver process on k8s-master (hostNetwork, TCP 6443) as an anonymous client sees it:
 * health and version endpoints open (system:public-info-viewer), everything else 403 with a JSON Status.
 * SRC: kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go
 * (forbiddenMessage), plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (system:public-info-viewer) (v1.31).
 * TLS on the secure port with kubeadm's serving certificate (kube-apiserver-certificate.ts), whatever the SNI.
 */
import type { HttpRequestRecord, HttpResponseRecord } from '../../cluster/exchanges.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { AppHttpResult, AppImage, AppProcess } from './app.ts';
import { randomUid } from '../controllers/workload-meta.ts';
import { APISERVER_CERT_PEM, APISERVER_KEY_PEM } from './kube-apiserver-certificate.ts';

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/** registry.k8s.io/kube-apiserver:v1.31.x. */
export const kubeApiServerImage: AppImage = {
  name: 'kube-apiserver',
  matches: (image) => /^(registry\.k8s\.io\/|k8s\.gcr\.io\/)?kube-apiserver:v1\.31\.\d+$/.test(image),
  start(pod: Pod, sim: Simulation): AppProcess {
    const port = securePort(pod) ?? sim.topology.apiServerPort;
    return {
      listens: (p, protocol) => protocol === 'TCP' && p === port,
      // kube-apiserver serves one certificate for every SNI name (no SNI certificates configured by kubeadm).
      tls: (p) => (p === port ? { certificateFor: () => ({ certPem: APISERVER_CERT_PEM, keyPem: APISERVER_KEY_PEM, trace: [{ component: 'kube-apiserver', decision: 'presented the kubeadm serving certificate CN=kube-apiserver (issuer CN=kubernetes)' }] }) } : undefined),
      http: async (req, s) => answer(req, s, pod),
    };
  },
};

function securePort(pod: Pod): number | undefined {
  const flag = pod.spec.containers[0]?.command?.find((c) => c.startsWith('--secure-port='));
  return flag ? Number(flag.split('=')[1]) : undefined;
}

function answer(req: HttpRequestRecord, sim: Simulation, pod: Pod): AppHttpResult {
  const path = req.path.split('?')[0] ?? '/';
  let response: HttpResponseRecord;
  if (req.scheme === 'http') {
    // Go's TLS listener spots a plaintext request in the first bytes and answers it in clear.
    // SRC: go net/http server.go (*conn).serve, "Client sent an HTTP request to an HTTPS server." (go1.22)
    const body = 'Client sent an HTTP request to an HTTPS server.\n';
    response = { status: 400, reason: 'Bad Request', headers: {}, body };
  } else if (req.method === 'GET' && PUBLIC_PATHS.has(path)) {
    response = respond(sim, 200, 'OK', 'text/plain; charset=utf-8', 'ok');
  } else if (req.method === 'GET' && path === '/version') {
    // Version fields of the v1.31.0 release build.
    const version = { major: '1', minor: '31', gitVersion: 'v1.31.0', gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce', gitTreeState: 'clean', buildDate: '2024-08-13T07:28:49Z', goVersion: 'go1.22.5', compiler: 'gc', platform: 'linux/amd64' };
    response = respond(sim, 200, 'OK', 'application/json', `${JSON.stringify(version, null, 2)}\n`);
  } else {
    const { message, details } = forbidden(req.method, path);
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
    response = respond(sim, 403, 'Forbidden', 'application/json', `${JSON.stringify(status, null, 2)}\n`);
  }
  return {
    response,
    servedBy: { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? 'kube-system', node: pod.spec.nodeName, ip: pod.status?.podIP },
    backendRequest: req,
    trace: [{ component: 'app', decision: `kube-apiserver answered ${response.status} to system:anonymous for ${req.method} ${path}` }],
  };
}

/** The RBAC denial text for an anonymous request: resource requests name the resource, others the path. */
export function forbidden(method: string, path: string): { message: string; details: Record<string, string> } {
  const user = 'User "system:anonymous"';
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  if (!m) {
    return { message: `forbidden: ${user} cannot ${method.toLowerCase()} path "${path}"`, details: {} };
  }
  const [, group = '', namespace, resource = '', name] = m;
  // SRC: apiserver pkg/endpoints/request/requestinfo.go — verbs from the HTTP method and whether a name is present.
  const verbs: Record<string, string> = { GET: name ? 'get' : 'list', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: name ? 'delete' : 'deletecollection', HEAD: name ? 'get' : 'list' };
  const verb = verbs[method] ?? method.toLowerCase();
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  // The subject names the resource with its group (`deployments.apps`), the reason the bare resource.
  const qualified = group ? `${resource}.${group}` : resource;
  const subject = name ? `${qualified} "${name}"` : qualified;
  return {
    message: `${subject} is forbidden: ${user} cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    details: { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource },
  };
}

function respond(sim: Simulation, status: number, reason: string, contentType: string, body: string): HttpResponseRecord {
  return {
    status,
    reason,
    headers: {
      'audit-id': randomUid(sim.rng),
      'cache-control': 'no-cache, private',
      'content-type': contentType,
      'x-content-type-options': 'nosniff',
      date: sim.clock.now().toUTCString(),
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}
