/** kube-apiserver flags the lab changes (tutorial §4.3: --service-node-port-range=30000-40000). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultClusterConfig } from '../cluster-config.ts';
import { applyApiServerFlags, parsePortRange } from './flags.ts';

const rangeCases = [
  { value: '30000-40000', want: { min: 30000, max: 40000 } },
  { value: '30000+100', want: { min: 30000, max: 30100 } },
  { value: '30080', want: { min: 30080, max: 30080 } },
  { value: 'abc-1', want: { error: 'strconv.Atoi: parsing "abc": invalid syntax' } },
  { value: '40000-30000', want: { error: 'end port cannot be less than start port: 40000-30000' } },
  { value: '30000-70000', want: { error: 'the port range cannot be greater than 65535: 30000-70000' } },
  { value: '1-2+3', want: { error: 'unable to parse port range: 1-2+3' } },
];
for (const c of rangeCases) {
  test(`parsePortRange ${c.value}`, () => assert.deepEqual(parsePortRange(c.value), c.want));
}

test('flags change the config; bad values and unknown flags are refused with a message', () => {
  const config = defaultClusterConfig('10.96.0.0/12');
  assert.deepEqual(applyApiServerFlags(config, ['--service-node-port-range=30000-40000', '--service-cluster-ip-range', '10.100.0.0/16']), { ok: true });
  assert.deepEqual(config.serviceNodePortRange, { min: 30000, max: 40000 });
  assert.equal(config.serviceClusterIPRange, '10.100.0.0/16');
  assert.deepEqual(applyApiServerFlags(config, ['--service-node-port-range=x']), {
    ok: false,
    message: 'invalid argument "x" for "--service-node-port-range" flag: strconv.Atoi: parsing "x": invalid syntax',
  });
  assert.deepEqual(applyApiServerFlags(config, ['--service-cluster-ip-range=10.0.0.0/8']), {
    ok: false,
    message: 'specified --service-cluster-ip-range[0] is too large; for 32-bit addresses, the mask must be >= 12',
  });
  const unknown = applyApiServerFlags(config, ['--enable-admission-plugins=NodeRestriction']);
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.match(unknown.message, /"--enable-admission-plugins".*--service-node-port-range, --service-cluster-ip-range/);
});
