import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'undici';
import dnsPacket from 'dns-packet';
import type { Service } from '../model/core.ts';
import { serveLab } from './served-lab.ts';
import { REQUEST_ID_HEADER } from './correlation.ts';
import { labWith, nodePortApp, selfSigned, tlsTestImage } from './serve-fixture.ts';

const insecure = new Agent({ connect: { rejectUnauthorized: false } });
test.after(() => insecure.close());

test('ServedLab: myapp behind a NodePort answers real HTTP on every node address, Host reaches the application', async () => {
  const sim = labWith(nodePortApp('myapp', 'myapp:v1', [{ port: 80, targetPort: 80, nodePort: 30080 }]));
  const lab = await serveLab(sim, { mapping: { mode: 'ephemeral' }, dnsPort: false });
  try {
    const cases = [
      { name: 'master', ip: '172.25.250.100', path: '/', status: 200, body: /^Hello MyApp \| Version: v1 \| <a href="hostname.html">Pod Name<\/a>\n$/ },
      { name: 'node1', ip: '172.25.250.10', path: '/hostname.html', status: 200, body: /^myapp-[a-z0-9]+-[a-z0-9]{5}\n$/ },
      { name: 'node2 404', ip: '172.25.250.20', path: '/nope', status: 404, body: /<center><h1>404 Not Found<\/h1><\/center>/ },
    ];
    for (const c of cases) {
      const address = lab.addressOf(c.ip, 30080);
      assert.ok(address, `${c.name}: ${c.ip}:30080 is served`);
      assert.match(address.host, /^127\./, `${c.name}: bound on loopback`);
      const wait = lab.correlation.expect({});
      const res = await request(`http://${address.host}:${address.port}${c.path}`, { headers: { host: 'www.exam.com', [REQUEST_ID_HEADER]: wait.id } });
      assert.equal(res.statusCode, c.status, c.name);
      assert.equal(res.headers['server'], 'nginx/1.12.2', `${c.name}: the application's own headers`);
      assert.match(await res.body.text(), c.body, c.name);
      const exchange = await wait.exchange;
      assert.equal(exchange.backendRequest?.headers['host'], 'www.exam.com', `${c.name}: Host as sent`);
      assert.equal(exchange.backendRequest?.headers[REQUEST_ID_HEADER], undefined, `${c.name}: the correlation header is stripped`);
      assert.match(exchange.servedBy?.pod ?? '', /^myapp-/, `${c.name}: servedBy travels in process`);
    }
  } finally {
    await lab.close();
  }
});

test('ServedLab: services created later are served after sync, deleted ones are closed', async () => {
  const sim = labWith([]);
  const lab = await serveLab(sim, { mapping: { mode: 'ephemeral' }, dnsPort: false });
  try {
    assert.equal(lab.addressOf('172.25.250.10', 30081), undefined);
    for (const obj of nodePortApp('late', 'myapp:v1', [{ port: 80, targetPort: 80, nodePort: 30081 }])) { assert.ok(sim.api.create(obj).ok); sim.settle(); }
    await lab.sync();
    const address = lab.addressOf('172.25.250.10', 30081)!;
    assert.equal((await request(`http://${address.host}:${address.port}/`)).statusCode, 200);
    assert.ok(sim.api.delete({ kind: 'Service', name: 'late', namespace: 'default' }).ok);
    sim.settle();
    await lab.sync();
    assert.equal(lab.addressOf('172.25.250.10', 30081), undefined);
    await assert.rejects(request(`http://${address.host}:${address.port}/`), /ECONNREFUSED/);
  } finally {
    await lab.close();
  }
});

test('ServedLab: HTTPS with SNI presents the simulated listener certificate; a listener without a key is refused', async () => {
  const foo = await selfSigned('foo.bar.com');
  const fallback = await selfSigned('default.example');
  const sim = labWith(nodePortApp('tls', 'tls-test:v1', [{ port: 8443, targetPort: 8443, nodePort: 30443 }, { port: 9443, targetPort: 9443, nodePort: 30444 }], 1),
    [tlsTestImage({ 'foo.bar.com': foo }, fallback)]);
  const lab = await serveLab(sim, { mapping: { mode: 'ephemeral' }, dnsPort: false });
  try {
    const a = lab.addressOf('172.25.250.10', 30443)!;
    const cases = [
      { name: 'SNI foo.bar.com', host: 'foo.bar.com', cert: foo, body: 'https sni=foo.bar.com host=foo.bar.com\n' },
      { name: 'no SNI (IP host)', host: undefined, cert: fallback, body: `https sni=- host=${a.host}:${a.port}\n` },
    ];
    for (const c of cases) {
      let peer: X509Certificate | undefined;
      const agent = new Agent({ connect: (opts, cb) => {
        const socket = tls.connect({ host: opts.hostname, port: Number(opts.port), ...(opts.servername ? { servername: opts.servername } : {}), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => {
          peer = socket.getPeerX509Certificate();
          cb(null, socket);
        });
        socket.on('error', (e) => cb(e, null));
      } });
      const res = await request(`https://${a.host}:${a.port}/`, { headers: c.host ? { host: c.host } : {}, dispatcher: agent });
      assert.equal(res.statusCode, 200, c.name);
      assert.equal(await res.body.text(), c.body, c.name);
      assert.ok(peer?.raw.equals(new X509Certificate(c.cert.certPem).raw), `${c.name}: the certificate that crossed the wire`);
      await agent.close();
    }
    const refused = lab.addressOf('172.25.250.10', 30444)!;
    await assert.rejects(request(`https://${refused.host}:${refused.port}/`, { dispatcher: insecure }), /wrong version number|EPROTO/);
    assert.match(lab.table(), /172\.25\.250\.10:30444 .* https refused: the simulated TLS listener has no private key/);
  } finally {
    await lab.close();
  }
});

test('ServedLab: the cluster DNS server answers a real UDP query with the service cluster IP', async () => {
  const sim = labWith(nodePortApp('myapp', 'myapp:v1', [{ port: 80, targetPort: 80, nodePort: 30080 }]));
  const lab = await serveLab(sim, { mapping: { mode: 'ephemeral' }, dnsPort: 0 });
  try {
    const dns = lab.dnsAddress!;
    assert.equal(dns.host, '127.96.0.10');
    const clusterIP = sim.store.get<Service>('Service', 'myapp', 'default')!.spec.clusterIP;
    const cases = [
      { name: 'service A record', q: 'myapp.default.svc.cluster.local', rcode: 'NOERROR', answers: [clusterIP] },
      { name: 'unknown name', q: 'nobody.default.svc.cluster.local', rcode: 'NXDOMAIN', answers: [] },
    ];
    for (const c of cases) {
      const reply = await udpQuery(dns.host, dns.port, dnsPacket.encode({ id: 4242, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ name: c.q, type: 'A', class: 'IN' }] }));
      const packet = dnsPacket.decode(reply) as dnsPacket.Packet & { rcode?: string };
      assert.equal(packet.id, 4242, c.name);
      assert.equal(packet.rcode, c.rcode, c.name);
      assert.deepEqual((packet.answers ?? []).filter((a) => a.type === 'A').map((a) => (a as { data: string }).data), c.answers, c.name);
    }
  } finally {
    await lab.close();
  }
});

test('ServedLab: binds loopback only, and port-base maps every endpoint to 127.0.0.1:N+k in a printed table', async () => {
  const sim = labWith(nodePortApp('myapp', 'myapp:v1', [{ port: 80, targetPort: 80, nodePort: 30080 }]));
  const base = 22000 + (process.pid % 4000); // below the ephemeral range (32768+)
  const lab = await serveLab(sim, { mapping: { mode: 'port-base', base }, dnsPort: false });
  try {
    const rows = lab.rows();
    for (const row of rows) assert.match(row.served, /^127\.0\.0\.1:\d+$/, row.simulated);
    assert.deepEqual(rows.filter((r) => r.simulated.endsWith(':30080')).map((r) => r.simulated), ['172.25.250.10:30080', '172.25.250.20:30080', '172.25.250.100:30080']);
    assert.deepEqual(rows.map((r) => Number(r.served.split(':')[1])).sort(), rows.map((_, k) => base + k));
    assert.match(lab.table(), /^SIMULATED +SERVED ON +WHAT\n/);
  } finally {
    await lab.close();
  }
});

function udpQuery(host: string, port: number, message: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => { socket.close(); reject(new Error('no DNS reply within 2 s')); }, 2000);
    socket.once('message', (msg) => { clearTimeout(timer); socket.close(); resolve(msg); });
    socket.send(message, port, host);
  });
}
