/**
 * Integration test with a real Docker engine: the client-host container (testcontainers, attached to a
 * user network, with the scenario's /etc/hosts entries) reaches an HTTP server container by the name the
 * scenario gave it. No registry is needed: the image is built locally from busybox-static (plus curl)
 * with `docker import`. Skips, saying why, when Docker is not available.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, copyFile, symlink, mkdir, access, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { startClientHost, type ClientHost } from './client-host.ts';
import { OWNER_LABEL } from './sweep.ts';

// Debian's busybox-static links glibc statically, and static glibc cannot use NSS: its wget crashes on any
// name lookup (even /etc/hosts). So the image also carries this machine's dynamically linked curl with the
// shared libraries `ldd` lists, and an nsswitch.conf — a real resolver reading the extraHosts entries.
const IMAGE = 'kubelab/busybox-curl:test';
const APPLETS = ['sh', 'httpd', 'sleep', 'echo', 'mkdir', 'cat', 'hostname'];

async function docker(args: string[], input?: string) {
  return execa('docker', args, { reject: false, timeout: 60_000, ...(input !== undefined ? { input } : {}) });
}

async function firstExisting(files: string[]): Promise<string | undefined> {
  for (const f of files) if (await access(f).then(() => true, () => false)) return f;
  return undefined;
}

/** The test image from busybox-static, curl and curl's libraries, imported without a registry; undefined + why when a tool is missing. */
async function buildImage(): Promise<string | undefined> {
  if ((await docker(['image', 'inspect', IMAGE])).exitCode === 0) return undefined;
  const busybox = await firstExisting(['/bin/busybox', '/usr/bin/busybox']);
  const curl = await firstExisting(['/usr/bin/curl']);
  if (!busybox || !curl) return `${busybox ? 'curl' : 'busybox'} is not installed (apt-get install -y busybox-static curl)`;
  const libs = (await execa('ldd', [curl])).stdout.split('\n').map((l) => /(\/\S+)\s+\(0x/.exec(l)?.[1]).filter((l): l is string => !!l);
  const root = await mkdtemp(path.join(tmpdir(), 'kubelab-busybox-'));
  try {
    for (const dir of ['bin', 'tmp', 'etc']) await mkdir(path.join(root, dir));
    await copyFile(busybox, path.join(root, 'bin', 'busybox'));
    await copyFile(curl, path.join(root, 'bin', 'curl'));
    for (const applet of APPLETS) await symlink('busybox', path.join(root, 'bin', applet));
    await writeFile(path.join(root, 'etc', 'nsswitch.conf'), 'hosts: files dns\n');
    const list = [...libs].map((l) => `'${l}'`).join(' ');
    const built = await execa('sh', ['-c', `tar -C '${root}' -c . > '${root}.tar' && tar -rhf '${root}.tar' ${list} 2>/dev/null; docker import -c 'ENV PATH=/bin' '${root}.tar' ${IMAGE}`],
      { reject: false, timeout: 120_000 });
    if (built.exitCode !== 0) throw new Error(`docker import failed: ${built.stderr}`);
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(`${root}.tar`, { force: true });
  }
  return undefined;
}

test('the client-host container reaches a server by the name its /etc/hosts gives', { timeout: 180_000 }, async (t) => {
  const info = await execa('docker', ['info', '--format', '{{.ServerVersion}}'], { reject: false, timeout: 20_000 }).catch((e: Error) => ({ exitCode: 1, stderr: e.message, stdout: '' }));
  if (info.exitCode !== 0) {
    // execa (reject: false) reports a missing binary as code ENOENT with no stderr.
    const why = (info as { code?: string }).code === 'ENOENT' ? 'the docker CLI is not on PATH' : String(info.stderr).trim().split('\n')[0] || 'docker info failed';
    t.skip(`Docker is not available (${why}): install Docker and start dockerd to run this test`);
    return;
  }
  // Ryuk (testcontainers' reaper) is an image pulled from a registry, and none is reachable here;
  // this test removes its containers and network itself in `finally`.
  process.env['TESTCONTAINERS_RYUK_DISABLED'] = 'true';
  const missing = await buildImage();
  if (missing) {
    t.skip(`cannot build the test image: ${missing}`);
    return;
  }
  const network = `kubelab-it-${process.pid}`;
  const server = `kubelab-it-web-${process.pid}`;
  let client: ClientHost | undefined;
  try {
    const net = await docker(['network', 'create', '--label', `${OWNER_LABEL}=${process.pid}`, network]);
    assert.equal(net.exitCode, 0, net.stderr);
    const run = await docker(['run', '-d', '--name', server, '--network', network, '--label', `${OWNER_LABEL}=${process.pid}`, IMAGE,
      'sh', '-c', 'mkdir -p /www && echo "Hello MyApp | Version: v1 | from $(hostname)" > /www/index.html && exec httpd -f -p 80 -h /www']);
    assert.equal(run.exitCode, 0, run.stderr);
    const ip = (await docker(['inspect', '-f', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, server])).stdout.trim();
    assert.match(ip, /^\d+\.\d+\.\d+\.\d+$/);

    client = await startClientHost({ image: IMAGE, network, extraHosts: [{ name: 'www.exam.com', ip }], ownerPid: process.pid });
    assert.notEqual(client.ip, ip);
    const hosts = await client.exec('cat /etc/hosts');
    assert.match(hosts.stdout, new RegExp(`^${ip.replace(/\./g, '\\.')}\\s+www\\.exam\\.com$`, 'm'));
    let page = { exitCode: 1, stdout: '', stderr: '' };
    for (let i = 0; i < 20 && page.exitCode !== 0; i++) {
      page = await client.exec('curl -sS -m 3 http://www.exam.com/');
      if (page.exitCode !== 0) await new Promise((r) => setTimeout(r, 250)); // httpd may still be starting
    }
    assert.equal(page.exitCode, 0, page.stderr);
    assert.match(page.stdout, /^Hello MyApp \| Version: v1 \| from [0-9a-f]{12}$/m);
    const unknown = await client.exec('curl -sS -m 3 http://nobody.exam.com/');
    assert.match(unknown.stderr, /Could not resolve host: nobody\.exam\.com/, 'a name without an /etc/hosts entry does not resolve');
  } finally {
    await client?.stop();
    await docker(['rm', '-f', server]);
    await docker(['network', 'rm', network]);
  }
  const left = await docker(['ps', '-aq', '--filter', `label=${OWNER_LABEL}=${process.pid}`]);
  assert.equal(left.stdout.trim(), '', 'nothing of this test is left running');
});
