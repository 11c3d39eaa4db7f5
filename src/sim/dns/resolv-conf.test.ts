import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchCandidates, clusterFirstConf, renderResolvConf, clusterDnsIP } from './resolv-conf.ts';
import { defaultTopology } from '../topology.ts';

const topology = defaultTopology();
const conf = clusterFirstConf(topology, 'default');

test('resolv.conf of a ClusterFirst pod: nameserver, search, options (reference §4.3)', () => {
  assert.equal(renderResolvConf(conf), 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n');
  assert.equal(renderResolvConf(clusterFirstConf(topology, 'kube-system')).split('\n')[1], 'search kube-system.svc.cluster.local svc.cluster.local cluster.local');
});

test('cluster DNS IP is the tenth service address', () => {
  assert.equal(clusterDnsIP(topology), '10.96.0.10');
  assert.equal(clusterDnsIP({ ...topology, serviceCIDR: '10.100.0.0/16' }), '10.100.0.10');
});

// Reference §4.3: `nginx` → nginx.<ns>.svc.cluster.local first; `nginx.other` → …<ns>.svc (NXDOMAIN) then nginx.other.svc.cluster.local.
const walks: { name: string; query: string; expected: string[] }[] = [
  { name: 'bare service name', query: 'superhowe', expected: ['superhowe.default.svc.cluster.local.', 'superhowe.svc.cluster.local.', 'superhowe.cluster.local.', 'superhowe.'] },
  { name: 'service.namespace', query: 'nginx.other', expected: ['nginx.other.default.svc.cluster.local.', 'nginx.other.svc.cluster.local.', 'nginx.other.cluster.local.', 'nginx.other.'] },
  { name: 'four dots still walks the search list first', query: 'howe.default.svc.cluster.local', expected: ['howe.default.svc.cluster.local.default.svc.cluster.local.', 'howe.default.svc.cluster.local.svc.cluster.local.', 'howe.default.svc.cluster.local.cluster.local.', 'howe.default.svc.cluster.local.'] },
  { name: 'five dots is tried as is first', query: 'a.b.c.d.e.f', expected: ['a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.'] },
  { name: 'trailing dot is absolute', query: 'howe.default.svc.cluster.local.', expected: ['howe.default.svc.cluster.local.'] },
];

for (const w of walks) {
  test(`search walk: ${w.name}`, () => assert.deepEqual(searchCandidates(w.query, conf), w.expected));
}
