import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32, endpointChain, serviceChains, servicePortName } from './chain-names.ts';

// Expected names: reference k8s-services.md §3.2 (verified against kube-proxy proxier_test.go and real clusters).
const CASES = [
  { name: 'kubernetes https', ns: 'default', svc: 'kubernetes', port: 'https', proto: 'TCP', chain: 'KUBE-SVC-NPX46M4PTMTKRN6Y' },
  { name: 'kube-dns dns udp', ns: 'kube-system', svc: 'kube-dns', port: 'dns', proto: 'UDP', chain: 'KUBE-SVC-TCOU7JCQXEZGVUNU' },
  { name: 'kube-dns dns-tcp', ns: 'kube-system', svc: 'kube-dns', port: 'dns-tcp', proto: 'TCP', chain: 'KUBE-SVC-ERIFXISQEP7F7OF4' },
  { name: 'kube-dns metrics', ns: 'kube-system', svc: 'kube-dns', port: 'metrics', proto: 'TCP', chain: 'KUBE-SVC-JD5MR3NA4I4DYORP' },
  { name: 'proxier_test svc1', ns: 'ns1', svc: 'svc1', port: 'p80', proto: 'tcp', chain: 'KUBE-SVC-XPGD46QRK7WJZT7O' },
];

for (const c of CASES) {
  test(`service chain: ${c.name}`, () => {
    const chains = serviceChains(servicePortName(c.ns, c.svc, c.port), c.proto);
    assert.equal(chains.svc, c.chain);
    const hash = c.chain.slice('KUBE-SVC-'.length);
    assert.deepEqual(chains, { svc: c.chain, svl: `KUBE-SVL-${hash}`, ext: `KUBE-EXT-${hash}`, fw: `KUBE-FW-${hash}` });
  });
}

test('endpoint chain of ns1/svc1:p80 -> 10.180.0.1:80', () => {
  assert.equal(endpointChain('ns1/svc1:p80', 'TCP', '10.180.0.1:80'), 'KUBE-SEP-SXIVWICOYRO3J4NJ');
});

test('service port name omits the colon for unnamed ports', () => {
  assert.equal(servicePortName('default', 'howe', undefined), 'default/howe');
  assert.equal(servicePortName('default', 'howe', ''), 'default/howe');
  assert.equal(servicePortName('default', 'howe', 'http'), 'default/howe:http');
});

test('base32 matches RFC 4648 test vectors', () => {
  const vectors: [string, string][] = [['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
  for (const [input, expected] of vectors) assert.equal(base32(Buffer.from(input)), expected);
});
