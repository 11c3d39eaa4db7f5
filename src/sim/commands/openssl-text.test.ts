import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateText } from './openssl-text.ts';
import { FAKE_CERTIFICATE_PEM } from '../ingress-nginx/fake-certificate.ts';

// OpenSSL 3.0 `openssl x509 -text` layout (t_x509.c, rsa_ameth.c, v3_prn.c), on the controller's fake certificate.
const lines = certificateText(FAKE_CERTIFICATE_PEM);
const after = (header: string) => lines[lines.indexOf(header) + 1];
const cases: { name: string; check: () => void }[] = [
  { name: 'a 16-byte serial is colon hex on its own line', check: () => assert.equal(after('        Serial Number:'), '            7a:3f:9c:2e:5b:1d:4e:6f:8a:0b:2c:4d:6e:8f:0a:1b') },
  { name: 'names in DN order with " = "', check: () => assert.ok(lines.includes('        Subject: O = Acme Co, CN = Kubernetes Ingress Controller Fake Certificate')) },
  { name: 'modulus: 00 sign byte, 15 bytes a line, 20-space indent, 18 lines for 2048 bits', check: () => {
    const mod = lines.slice(lines.indexOf('                Modulus:') + 1, lines.findIndex((l) => l.startsWith('                Exponent:')));
    assert.equal(mod.length, 18);
    assert.match(mod[0]!, /^ {20}00:e2:(?:[0-9a-f]{2}:){13}$/);
    assert.match(mod[17]!, /^ {20}[0-9a-f]{2}:[0-9a-f]{2}$/);
  } },
  { name: 'exponent in decimal and hex', check: () => assert.ok(lines.includes('                Exponent: 65537 (0x10001)')) },
  { name: 'critical extensions say so; others keep the trailing space', check: () => {
    assert.equal(after('            X509v3 Key Usage: critical'), '                Digital Signature, Key Encipherment');
    assert.equal(after('            X509v3 Extended Key Usage: '), '                TLS Web Server Authentication');
    assert.equal(after('            X509v3 Subject Alternative Name: '), '                DNS:ingress.local');
  } },
  { name: 'signature: 18 bytes a line, 8-space indent, 15 lines for 256 bytes', check: () => {
    const sig = lines.slice(lines.indexOf('    Signature Value:') + 1);
    assert.equal(sig.length, 15);
    assert.match(sig[0]!, /^ {8}(?:[0-9a-f]{2}:){18}$/);
  } },
];
for (const c of cases) test(`openssl x509 -text: ${c.name}`, c.check);
