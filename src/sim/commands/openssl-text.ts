/**
 * `openssl x509 -text` of OpenSSL 3.0.7: the certificate fields, the RSA modulus and exponent, the v3 extensions
 * the lab's certificates carry, and the signature.
 * SRC: openssl crypto/x509/t_x509.c X509_print_ex (serial on one line when it fits a long, else colon hex),
 * crypto/rsa/rsa_ameth.c pkey_rsa_print (Modulus 15 bytes a line), crypto/x509/v3_prn.c X509V3_extensions_print
 * (": critical" or ": " with a trailing space), v3_skid.c/v3_akid.c (3.0 prints the AKID key id without "keyid:"),
 * v3_bcons.c, v3_san.c, crypto/x509/t_x509.c X509_signature_dump (18 bytes a line) (OpenSSL 3.0).
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate } from 'node:crypto';

const hex = (bytes: Uint8Array, upper = false) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).map((h) => (upper ? h.toUpperCase() : h)).join(':');

function wrapped(bytes: Uint8Array, perLine: number, indent: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) out.push(`${indent}${hex(bytes.subarray(i, i + perLine))}${i + perLine < bytes.length ? ':' : ''}`);
  return out;
}

// v3_bitst.c key usage names in bit order; v3_extku.c / objects.txt names of the extended key usages.
const KEY_USAGES: [number, string][] = [[1, 'Digital Signature'], [2, 'Non Repudiation'], [4, 'Key Encipherment'], [8, 'Data Encipherment'], [16, 'Key Agreement'], [32, 'Certificate Sign'], [64, 'CRL Sign'], [128, 'Encipher Only'], [256, 'Decipher Only']];
const EXT_KEY_USAGES: Record<string, string> = { '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication', '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication' };

function extensionLines(ext: x509.Extension): string[] {
  const head = (name: string) => `            ${name}: ${ext.critical ? 'critical' : ''}`;
  const body = '                ';
  if (ext instanceof x509.SubjectKeyIdentifierExtension) return [head('X509v3 Subject Key Identifier'), `${body}${ext.keyId.toUpperCase().match(/../g)!.join(':')}`];
  if (ext instanceof x509.AuthorityKeyIdentifierExtension) return [head('X509v3 Authority Key Identifier'), `${body}${(ext.keyId ?? '').toUpperCase().match(/../g)?.join(':') ?? ''}`];
  if (ext instanceof x509.BasicConstraintsExtension) return [head('X509v3 Basic Constraints'), `${body}CA:${ext.ca ? 'TRUE' : 'FALSE'}${ext.pathLength !== undefined ? `, pathlen:${ext.pathLength}` : ''}`];
  if (ext instanceof x509.SubjectAlternativeNameExtension) {
    const names = ext.names.items.map((n) => (n.type === 'dns' ? `DNS:${n.value}` : n.type === 'ip' ? `IP Address:${n.value}` : `${n.type}:${n.value}`));
    return [head('X509v3 Subject Alternative Name'), `${body}${names.join(', ')}`];
  }
  if (ext instanceof x509.KeyUsagesExtension) {
    const names = KEY_USAGES.filter(([bit]) => (ext.usages & bit) !== 0).map(([, label]) => label);
    return [head('X509v3 Key Usage'), `${body}${names.join(', ')}`];
  }
  if (ext instanceof x509.ExtendedKeyUsageExtension) {
    return [head('X509v3 Extended Key Usage'), `${body}${ext.usages.map((u) => EXT_KEY_USAGES[String(u)] ?? String(u)).join(', ')}`];
  }
  return [head(ext.type), `${body}(value not shown by kubelab)`];
}

/** The full `-text` dump of a PEM certificate. */
export function certificateText(pem: string): string[] {
  const cert = new x509.X509Certificate(pem);
  const node = new X509Certificate(pem);
  const name = (n: string) => n.split('\n').filter(Boolean).map((p) => p.replace('=', ' = ')).join(', ');
  const serial = Buffer.from(cert.serialNumber, 'hex');
  // A serial that fits a long is printed as decimal (0xhex); longer ones as colon-separated hex.
  const serialLines = serial.length <= 8 && BigInt(`0x${cert.serialNumber}`) < 2n ** 63n
    ? [`        Serial Number: ${BigInt(`0x${cert.serialNumber}`)} (0x${BigInt(`0x${cert.serialNumber}`).toString(16)})`]
    : ['        Serial Number:', `            ${hex(serial)}`];
  const jwk = node.publicKey.export({ format: 'jwk' });
  const n = Buffer.from(jwk.n ?? '', 'base64url');
  const modulus = n[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), n]) : n;
  const e = BigInt(`0x${Buffer.from(jwk.e ?? '', 'base64url').toString('hex') || '0'}`);
  const extensions = cert.extensions.flatMap(extensionLines);
  return [
    'Certificate:', '    Data:', '        Version: 3 (0x2)', ...serialLines,
    '        Signature Algorithm: sha256WithRSAEncryption', `        Issuer: ${name(node.issuer)}`, '        Validity',
    `            Not Before: ${node.validFrom}`, `            Not After : ${node.validTo}`, `        Subject: ${name(node.subject)}`,
    '        Subject Public Key Info:', '            Public Key Algorithm: rsaEncryption',
    `                Public-Key: (${node.publicKey.asymmetricKeyDetails?.modulusLength ?? 0} bit)`, '                Modulus:',
    ...wrapped(modulus, 15, '                    '), `                Exponent: ${e} (0x${e.toString(16)})`,
    ...(extensions.length > 0 ? ['        X509v3 extensions:', ...extensions] : []),
    '    Signature Algorithm: sha256WithRSAEncryption', '    Signature Value:', ...wrapped(new Uint8Array(cert.signature), 18, '        '),
  ];
}
