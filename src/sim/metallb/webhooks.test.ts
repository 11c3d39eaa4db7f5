import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolAdmissionHook, l2AdvertisementAdmissionHook, POOL_WEBHOOK, L2ADVERTISEMENT_WEBHOOK, type WebhookReads } from './webhooks.ts';
import type { IPAddressPool, L2Advertisement } from '../../model/networking.ts';

const pool = (name: string, addresses: string[], namespace = 'metallb-system'): IPAddressPool => ({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name, namespace }, spec: { addresses } });
const l2 = (name: string, ipAddressPools: string[], namespace = 'metallb-system'): L2Advertisement => ({ apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: { name, namespace }, spec: { ipAddressPools } });
const reads = (pools: IPAddressPool[], ads: L2Advertisement[] = []): WebhookReads => ({ pools: () => pools, l2Advertisements: () => ads });
const denied = (webhook: string, message: string) => ({ allowed: false, status: { code: 403, reason: 'Forbidden', message: `admission webhook "${webhook}" denied the request: ${message}` } });

// Messages: metallb v0.14.8 ipaddresspool_webhook.go / l2advertisement_webhook.go and config.go For.
const cases: { name: string; hook: 'pool' | 'l2'; operation: 'CREATE' | 'UPDATE'; object: IPAddressPool | L2Advertisement; existing: IPAddressPool[]; ads?: L2Advertisement[]; expected: unknown }[] = [
  { name: 'pool outside metallb-system', hook: 'pool', operation: 'CREATE', object: pool('p', ['10.0.0.0/24'], 'default'), existing: [], expected: denied(POOL_WEBHOOK, 'resource must be created in metallb-system namespace') },
  { name: 'bad range names the pool (parsing address pool …)', hook: 'pool', operation: 'CREATE', object: pool('first-pool', ['172.25.250.99-172.25.250.50']), existing: [],
    expected: denied(POOL_WEBHOOK, 'parsing address pool first-pool: invalid CIDR "172.25.250.99-172.25.250.50" in pool "first-pool": invalid IP range "172.25.250.99-172.25.250.50": start IP "172.25.250.99" is after the end IP "172.25.250.50"') },
  { name: 'empty addresses', hook: 'pool', operation: 'CREATE', object: pool('e', []), existing: [], expected: denied(POOL_WEBHOOK, 'parsing address pool e: pool has no prefixes defined') },
  // The updated pool keeps its place in the list ("a" before "b"), so the overlap is reported on "b".
  { name: 'update keeps the pool in place: overlap reported on the later pool', hook: 'pool', operation: 'UPDATE', object: pool('a', ['10.0.1.0/24']), existing: [pool('a', ['10.0.0.0/24']), pool('b', ['10.0.1.0/25'])],
    expected: denied(POOL_WEBHOOK, 'CIDR "10.0.1.0/25" in pool "b" overlaps with already defined CIDR "10.0.1.0/24"') },
  { name: 'update without overlap is allowed', hook: 'pool', operation: 'UPDATE', object: pool('a', ['10.0.2.0/24']), existing: [pool('a', ['10.0.0.0/24']), pool('b', ['10.0.1.0/25'])], expected: { allowed: true } },
  { name: 'L2Advertisement outside metallb-system', hook: 'l2', operation: 'CREATE', object: l2('x', ['first-pool'], 'default'), existing: [], expected: denied(L2ADVERTISEMENT_WEBHOOK, 'resource must be created in metallb-system namespace') },
  { name: 'L2Advertisement with a repeated pool', hook: 'l2', operation: 'CREATE', object: l2('x', ['a', 'b', 'b', 'a']), existing: [], expected: denied(L2ADVERTISEMENT_WEBHOOK, 'duplicate definition of ipAddressPools "a"') },
  { name: 'L2Advertisement naming a missing pool is allowed', hook: 'l2', operation: 'CREATE', object: l2('x', ['nope']), existing: [pool('first-pool', ['10.0.0.0/24'])], expected: { allowed: true } },
  { name: 'L2Advertisement update replaces its old version', hook: 'l2', operation: 'UPDATE', object: l2('x', ['a']), existing: [], ads: [l2('x', ['a', 'a'])], expected: { allowed: true } },
];

for (const c of cases) {
  test(`metallb webhook: ${c.name}`, () => {
    const make = c.hook === 'pool' ? poolAdmissionHook : l2AdvertisementAdmissionHook;
    assert.deepEqual(make('metallb-system', reads(c.existing, c.ads))({ operation: c.operation, object: c.object }), c.expected);
  });
}
