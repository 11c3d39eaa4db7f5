import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddressEntry, parsePools, cidrText } from './pools.ts';
import type { IPAddressPool } from '../../model/networking.ts';

const pool = (name: string, addresses: string[]): IPAddressPool => ({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name, namespace: 'metallb-system' }, spec: { addresses } });

// Messages: reference §5 and metallb internal/config/config.go ParseCIDR (v0.14.8).
const entries: { name: string; entry: string; cidrs?: string[]; error?: string }[] = [
  { name: 'tutorial range', entry: '172.25.250.50-172.25.250.99', cidrs: ['172.25.250.50/31', '172.25.250.52/30', '172.25.250.56/29', '172.25.250.64/27', '172.25.250.96/30'] },
  { name: 'single-address range', entry: '10.0.0.5-10.0.0.5', cidrs: ['10.0.0.5/32'] },
  { name: 'CIDR', entry: '192.168.10.0/24', cidrs: ['192.168.10.0/24'] },
  { name: 'CIDR with host bits is masked', entry: '192.168.10.7/24', cidrs: ['192.168.10.0/24'] },
  { name: 'bad CIDR', entry: '192.168.10.0/33', error: 'invalid CIDR "192.168.10.0/33"' },
  { name: 'not an address', entry: 'abc', error: 'invalid CIDR "abc"' },
  { name: 'bad start', entry: '172.25.250.x-172.25.250.99', error: 'invalid IP range "172.25.250.x-172.25.250.99": invalid start IP "172.25.250.x"' },
  { name: 'bad end', entry: '172.25.250.50-300.1.1.1', error: 'invalid IP range "172.25.250.50-300.1.1.1": invalid end IP "300.1.1.1"' },
  { name: 'reversed range', entry: '172.25.250.99-172.25.250.50', error: 'invalid IP range "172.25.250.99-172.25.250.50": start IP "172.25.250.99" is after the end IP "172.25.250.50"' },
];

for (const e of entries) {
  test(`pool entry: ${e.name}`, () => {
    const r = parseAddressEntry(e.entry);
    if (e.cidrs) assert.deepEqual(r.ok ? r.cidrs.map(cidrText) : r.message, e.cidrs);
    else assert.deepEqual(r, { ok: false, message: e.error });
  });
}

test('pools: an error names the pool twice (config.go For wraps addressPoolFromCR) and the entry', () => {
  assert.deepEqual(parsePools([pool('first-pool', ['172.25.250.99-172.25.250.50'])]), {
    ok: false, message: 'parsing address pool first-pool: invalid CIDR "172.25.250.99-172.25.250.50" in pool "first-pool": invalid IP range "172.25.250.99-172.25.250.50": start IP "172.25.250.99" is after the end IP "172.25.250.50"',
  });
});

test('pools: overlap names the summarised CIDRs (as in the MetalLB webhook denial)', () => {
  const r = parsePools([pool('lab-pool', ['172.19.255.200-172.19.255.250']), pool('lab-pool-reserved', ['172.19.255.230-172.19.255.239'])]);
  assert.deepEqual(r, { ok: false, message: 'CIDR "172.19.255.230/31" in pool "lab-pool-reserved" overlaps with already defined CIDR "172.19.255.224/28"' });
  assert.equal(parsePools([pool('a', ['10.0.0.0/24']), pool('b', ['10.0.1.0-10.0.1.10'])]).ok, true);
});

test('pools: a pool without addresses is refused', () => {
  assert.deepEqual(parsePools([pool('empty', [])]), { ok: false, message: 'parsing address pool empty: pool has no prefixes defined' });
});
