/**
 * The tutorial's myapp:v1 / myapp:v2 image (ikubernetes/myapp): nginx/1.12.2 serving
 * /usr/share/nginx/html with index.html ("Hello MyApp | Version: vN | …"), hostname.html (the pod
 * name, written when the container starts) and nginx's stock 50x.html, on TCP 80.
 * SRC: nginx 1.12.2 src/http/ngx_http_special_response.c (error pages), modules/ngx_http_static_module.c,
 * ngx_http_index_module.c, ngx_http_core_module.c (ETag "<mtime hex>-<length hex>", Last-Modified, Accept-Ranges).
 */
import type { HttpRequestRecord, HttpResponseRecord } from '../../cluster/exchanges.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { AppHttpResult, AppImage, AppProcess } from './app.ts';
import { shortImageName } from './catalogue.ts';
import { ownerWorkload } from '../controllers/owners.ts';

/** index.html's mtime in the image: `Last-Modified: Fri, 02 Mar 2018 03:39:12 GMT`, `ETag: "5a98c760-41"` as curl shows for v1 (v2 assumed the same build time). */
const INDEX_MTIME = Date.UTC(2018, 2, 2, 3, 39, 12);

const FIFTY_X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the <a href="http://nginx.org/r/error_log">error log</a> for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page for a status (ngx_http_error_pages + ngx_http_error_tail with server_tokens on). */
export function nginxErrorPage(status: number, reason: string, version = '1.12.2'): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body bgcolor="white">\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** The version (v1/v2) an image reference names, or undefined when it is not myapp. */
export function myappVersion(image: string): 'v1' | 'v2' | undefined {
  const m = /^(?:ikubernetes\/)?myapp:(v[12])$/.exec(shortImageName(image));
  return m ? (m[1] as 'v1' | 'v2') : undefined;
}

/** myapp:v1 and myapp:v2, with or without a registry prefix (reg.exam.com/library/myapp:v1). */
export const myappImage: AppImage = {
  name: 'myapp (nginx/1.12.2)',
  matches: (image) => myappVersion(image) !== undefined,
  start(pod: Pod, sim: Simulation): AppProcess {
    const version = myappVersion(pod.spec.containers[0]?.image ?? '') ?? 'v1';
    const started = Date.parse(pod.status?.containerStatuses?.[0]?.state.running?.startedAt ?? '') || sim.clock.now().getTime();
    const files = new Map<string, { body: string; mtime: number }>([
      ['/index.html', { body: `Hello MyApp | Version: ${version} | <a href="hostname.html">Pod Name</a>\n`, mtime: INDEX_MTIME }],
      ['/hostname.html', { body: `${pod.metadata.name}\n`, mtime: Math.floor(started / 1000) * 1000 }],
      ['/50x.html', { body: FIFTY_X_HTML, mtime: INDEX_MTIME }],
    ]);
    return {
      listens: (port, protocol) => port === 80 && protocol === 'TCP',
      http: async (req, s) => serve(req, s, pod, files),
    };
  },
};

function serve(req: HttpRequestRecord, sim: Simulation, pod: Pod, files: Map<string, { body: string; mtime: number }>): AppHttpResult {
  const date = sim.clock.now().toUTCString();
  const head = req.method === 'HEAD';
  const path = decodePath(req.path);
  let response: HttpResponseRecord;
  let decision: string;
  if (path === undefined) {
    response = errorResponse(400, 'Bad Request', date, head);
    decision = `nginx/1.12.2 rejected the request target ${req.path}`;
  } else {
    // SRC: ngx_http_index_module — a URI ending in "/" is served by its index.html.
    const file = files.get(path.endsWith('/') ? `${path}index.html` : path);
    if (!file) {
      response = errorResponse(404, 'Not Found', date, head);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      // SRC: ngx_http_static_module — only GET and HEAD read a static file; POST and others get 405.
      response = errorResponse(405, 'Not Allowed', date, head);
    } else {
      response = fileResponse(file, req, date, head);
    }
    decision = `nginx/1.12.2 answered ${response.status} for ${req.method} ${req.path}`;
  }
  const servedBy = { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', node: pod.spec.nodeName, ip: pod.status?.podIP, owner: ownerWorkload(sim.view, pod) };
  return { response, servedBy, backendRequest: req, trace: [{ component: 'app', decision: `${decision} in pod ${pod.metadata.name}`, details: { status: response.status } }] };
}

function fileResponse(file: { body: string; mtime: number }, req: HttpRequestRecord, date: string, head: boolean): HttpResponseRecord {
  const length = Buffer.byteLength(file.body);
  const etag = `"${Math.floor(file.mtime / 1000).toString(16)}-${length.toString(16)}"`;
  const lastModified = new Date(file.mtime).toUTCString();
  // SRC: ngx_http_not_modified_filter_module — If-None-Match, else exact If-Modified-Since ("if_modified_since exact").
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if ((inm !== undefined && inm.split(/\s*,\s*/).some((t) => t === etag || t === '*')) || (inm === undefined && ims === lastModified)) {
    return { status: 304, reason: 'Not Modified', headers: { server: 'nginx/1.12.2', date, 'last-modified': lastModified, connection: 'keep-alive', etag }, body: '' };
  }
  return {
    status: 200,
    reason: 'OK',
    headers: { server: 'nginx/1.12.2', date, 'content-type': 'text/html', 'content-length': String(length), 'last-modified': lastModified, connection: 'keep-alive', etag, 'accept-ranges': 'bytes' },
    body: head ? '' : file.body,
  };
}

function errorResponse(status: number, reason: string, date: string, head: boolean): HttpResponseRecord {
  const body = nginxErrorPage(status, reason);
  const connection = status === 400 ? 'close' : 'keep-alive';
  return { status, reason, headers: { server: 'nginx/1.12.2', date, 'content-type': 'text/html', 'content-length': String(body.length), connection }, body: head ? '' : body };
}

// SRC: ngx_http_parse_complex_uri — the query is dropped, %XX decoded, "//" merged (merge_slashes on), "/./" and "/../" resolved.
function decodePath(target: string): string | undefined {
  const raw = target.split('?')[0] ?? '/';
  if (!raw.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const segments = decoded.replace(/\/{2,}/g, '/').split('/').slice(1);
  for (const [i, seg] of segments.entries()) {
    if (seg === '.') { if (i === segments.length - 1) out.push(''); continue; }
    if (seg === '..') { if (out.length === 0) return undefined; out.pop(); if (i === segments.length - 1) out.push(''); continue; }
    out.push(seg);
  }
  return `/${out.join('/')}`;
}
