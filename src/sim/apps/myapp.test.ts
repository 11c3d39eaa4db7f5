import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../model/core.ts';
import type { HttpRequestRecord } from '../../cluster/exchanges.ts';
import { myappImage, nginxErrorPage } from './myapp.ts';
import { busyboxplusImage } from './busyboxplus.ts';
import { kubeApiServerImage, forbidden } from './kube-apiserver.ts';
import { Simulation } from '../simulation.ts';

const sim = new Simulation({ seed: 7 });
const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'howe-7b74f758bd-pnmpg', namespace: 'default', uid: 'u1' },
  spec: { nodeName: 'k8s-node1', containers: [{ name: 'myapp', image: 'reg.exam.com/library/myapp:v1' }] },
  status: { phase: 'Running', podIP: '10.244.1.2', containerStatuses: [{ name: 'myapp', image: 'myapp:v1', ready: true, restartCount: 0, state: { running: { startedAt: '2024-09-06T06:20:00Z' } } }] },
};
const request = (method: string, path: string, headers: Record<string, string> = {}): HttpRequestRecord => ({ method, scheme: 'http', ip: '10.244.1.2', port: 80, path, headers: { host: '10.244.1.2', ...headers } });

test('image matching: myapp with registry prefixes, busyboxplus names, unknown tags', () => {
  const cases: [string, boolean, boolean][] = [
    ['myapp:v1', true, false], ['myapp:v2', true, false], ['reg.exam.com/library/myapp:v1', true, false], ['myapp:v3', false, false], ['myapp', false, false],
    ['busyboxplus', false, true], ['busyboxplus:latest', false, true], ['radial/busyboxplus:curl', false, true], ['busybox', false, false],
  ];
  for (const [image, isMyapp, isBusybox] of cases) {
    assert.equal(myappImage.matches(image), isMyapp, image);
    assert.equal(busyboxplusImage.matches(image), isBusybox, image);
  }
});

test('myapp answers like nginx/1.12.2', async () => {
  const proc = myappImage.start(pod, sim);
  assert.equal(proc.listens(80, 'TCP'), true);
  assert.equal(proc.listens(443, 'TCP'), false);
  const index = 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n';
  const page404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body bgcolor="white">\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.12.2</center>\r\n</body>\r\n</html>\r\n';
  const cases: { name: string; req: HttpRequestRecord; status: number; body: string; headers?: Record<string, string> }[] = [
    { name: 'index', req: request('GET', '/'), status: 200, body: index, headers: { 'content-length': '65', etag: '"5a98c760-41"', 'last-modified': 'Fri, 02 Mar 2018 03:39:12 GMT', 'accept-ranges': 'bytes', 'content-type': 'text/html', server: 'nginx/1.12.2' } },
    { name: 'index.html with query', req: request('GET', '/index.html?x=1'), status: 200, body: index },
    { name: 'hostname', req: request('GET', '/hostname.html'), status: 200, body: 'howe-7b74f758bd-pnmpg\n', headers: { 'last-modified': 'Fri, 06 Sep 2024 06:20:00 GMT', etag: '"66da9f10-16"' } },
    { name: 'tutorial 404 for /app/hostname.html', req: request('GET', '/app/hostname.html'), status: 404, body: page404, headers: { 'content-length': '169' } },
    { name: 'HEAD has headers, no body', req: request('HEAD', '/'), status: 200, body: '', headers: { 'content-length': '65' } },
    { name: 'POST to a static file', req: request('POST', '/'), status: 405, body: nginxErrorPage(405, 'Not Allowed') },
    { name: 'conditional GET', req: request('GET', '/', { 'if-none-match': '"5a98c760-41"' }), status: 304, body: '' },
    { name: 'dot segments and double slashes', req: request('GET', '//a/../hostname.html'), status: 200, body: 'howe-7b74f758bd-pnmpg\n' },
  ];
  for (const c of cases) {
    const result = await proc.http!(c.req, sim);
    assert.equal(result.response.status, c.status, c.name);
    assert.equal(result.response.body, c.body, c.name);
    for (const [k, v] of Object.entries(c.headers ?? {})) assert.equal(result.response.headers[k], v, `${c.name}: ${k}`);
    assert.equal(result.response.headers['date'], 'Fri, 06 Sep 2024 06:24:57 GMT', c.name);
    assert.equal(result.servedBy?.pod, 'howe-7b74f758bd-pnmpg');
  }
});

test('kube-apiserver: anonymous requests get RBAC 403 Status JSON, health endpoints are open', async () => {
  const apiPod = sim.store.get<Pod>('Pod', 'kube-apiserver-k8s-master', 'kube-system')!;
  const proc = kubeApiServerImage.start(apiPod, sim);
  assert.equal(proc.listens(6443, 'TCP'), true);
  const root = await proc.http!({ ...request('GET', '/'), scheme: 'https', port: 6443 }, sim);
  assert.equal(root.response.status, 403);
  assert.deepEqual(JSON.parse(root.response.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'forbidden: User "system:anonymous" cannot get path "/"', reason: 'Forbidden', details: {}, code: 403 });
  assert.equal((await proc.http!({ ...request('GET', '/healthz'), scheme: 'https', port: 6443 }, sim)).response.body, 'ok');
  const cases: [string, string, string][] = [
    ['GET', '/api/v1/namespaces/default/pods', 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"'],
    ['GET', '/api/v1/nodes/k8s-node1', 'nodes "k8s-node1" is forbidden: User "system:anonymous" cannot get resource "nodes" in API group "" at the cluster scope'],
    ['POST', '/apis/apps/v1/namespaces/default/deployments', 'deployments.apps is forbidden: User "system:anonymous" cannot create resource "deployments" in API group "apps" in the namespace "default"'],
  ];
  for (const [method, path, message] of cases) assert.equal(forbidden(method, path).message, message, path);
});
