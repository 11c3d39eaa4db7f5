import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carvePool, parseNetworkInspect, parseRange } from './network.ts';
import { NETWORK_JSON } from './testing/fixtures.ts';

test('docker network inspect: the IPv4 subnet (not the IPv6 ULA kind adds) and the containers', () => {
  assert.deepEqual(parseNetworkInspect(NETWORK_JSON, 'kind'), { name: 'kind', subnet: '172.18.0.0/16', gateway: '172.18.0.1', used: ['172.18.0.2', '172.18.0.3', '172.18.0.4'] });
});

const POOLS = [
  { name: '/16: the 50 addresses below the broadcast', subnet: '172.18.0.0/16', used: ['172.18.0.2'], pool: { first: '172.18.255.205', last: '172.18.255.254' } },
  { name: '/24 (kind docs\' 172.19 example, smaller pool)', subnet: '172.19.0.0/24', used: [], pool: { first: '172.19.0.205', last: '172.19.0.254' } },
  { name: 'a /26 is too small', subnet: '10.1.0.0/26', used: [], error: /too small for a MetalLB pool of 50 addresses/ },
  { name: 'a container inside the pool: no free pool addresses', subnet: '172.18.0.0/16', used: ['172.18.255.210'], error: /no free pool addresses: 172\.18\.255\.210 .* lie in the MetalLB pool 172\.18\.255\.205-172\.18\.255\.254/ },
];
for (const c of POOLS) {
  test(`carvePool: ${c.name}`, () => {
    const net = { name: 'kind', subnet: c.subnet, used: c.used };
    if (c.error) assert.throws(() => carvePool(net, 50), c.error);
    else assert.deepEqual(carvePool(net, 50), c.pool);
  });
}

test('address ranges: first-last and CIDR; bad input named', () => {
  assert.deepEqual(parseRange('172.25.250.50-172.25.250.99'), { first: '172.25.250.50', last: '172.25.250.99' });
  assert.deepEqual(parseRange('172.25.250.48/30'), { first: '172.25.250.48', last: '172.25.250.51' });
  assert.throws(() => parseRange('172.25.250.99-172.25.250.50'), /is not an address range/);
});
