/**
 * openssl (OpenSSL 3.0.7 on Rocky 9), the two sub-commands the tutorial needs:
 * `openssl req -newkey rsa:N -nodes -keyout KEY -x509 -days D -subj "/CN=…/O=…" -out CRT` writes a real RSA key
 * (PKCS#8 "PRIVATE KEY") and a real self-signed certificate (extensions of the default v3_ca section:
 * subjectKeyIdentifier, authorityKeyIdentifier, basicConstraints critical CA:TRUE), and
 * `openssl x509 -in CRT -noout [-subject] [-issuer] [-dates] [-serial] [-text]` prints them (`-text`: openssl-text.ts).
 * SRC: openssl apps/req.c, apps/x509.c, apps/openssl.cnf [v3_ca] (3.0). Keys come from node webcrypto (not sim.rng).
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto, X509Certificate } from 'node:crypto';

type WebKey = webcrypto.CryptoKey;
type WebKeyPair = webcrypto.CryptoKeyPair;
import { textOutput, type CommandHandler, type CommandOutput } from './command.ts';
import { FileAccessError, readLabFile, writeLabFile } from './shell-files.ts';
import { certificateText } from './openssl-text.ts';
import type { CommandContext } from './command.ts';

/** "/CN=a/O=b" → "CN=a, O=b" (the x509 name in subject order). */
export function subjToName(subj: string): string | undefined {
  if (!subj.startsWith('/')) return undefined;
  const parts = subj.slice(1).split('/').filter(Boolean);
  if (parts.some((p) => !/^[A-Za-z]+=/.test(p))) return undefined;
  return parts.join(', ');
}

/** OpenSSL's oneline-with-spaces rendering: "CN = nginxsvc, O = nginxsvc". */
function opensslName(nodeName: string): string {
  return nodeName.split('\n').filter(Boolean).map((p) => p.replace('=', ' = ')).join(', ');
}

function flagValues(args: string[]): { flags: Map<string, string | true>; error?: string } {
  const withValue = new Set(['-newkey', '-keyout', '-days', '-subj', '-out', '-in', '-key']);
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (withValue.has(a)) {
      const v = args[++i];
      if (v === undefined) return { flags, error: `${a}: Option requires an argument` };
      flags.set(a, v);
    } else flags.set(a, true);
  }
  return { flags };
}

async function req(args: string[], ctx: CommandContext): Promise<CommandOutput> {
  const { flags, error } = flagValues(args);
  if (error) return textOutput('', `req: ${error}\nreq: Use -help for summary.\n`, 1);
  const known = new Set(['-newkey', '-nodes', '-keyout', '-x509', '-days', '-subj', '-out']);
  const unknown = [...flags.keys()].find((k) => !known.has(k));
  if (unknown) return textOutput('', `req: kubelab models only "openssl req -newkey rsa:N -nodes -keyout KEY -x509 -days D -subj /CN=… -out CRT"; ${unknown} is not modelled\n`, 1);
  const newkey = String(flags.get('-newkey') ?? '');
  const bits = /^rsa:(\d+)$/.exec(newkey)?.[1];
  if (!bits || !flags.has('-x509') || !flags.has('-nodes') || !flags.has('-keyout') || !flags.has('-out')) {
    return textOutput('', 'req: kubelab models only "openssl req -newkey rsa:N -nodes -keyout KEY -x509 -days D -subj /CN=… -out CRT"\n', 1);
  }
  const name = subjToName(String(flags.get('-subj') ?? '/CN=localhost'));
  if (!name) return textOutput('', `req: Error parsing subject "${flags.get('-subj')}"\n`, 1);
  const days = Number(flags.get('-days') ?? 30);
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: Number(bits) };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const notBefore = ctx.sim.clock.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: ctx.sim.rng.string(40, '0123456789abcdef').replace(/^[89a-f]/, '1'),
    name, notBefore, notAfter: new Date(notBefore.getTime() + days * 86400000), signingAlgorithm: alg, keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    extensions: [
      await x509.SubjectKeyIdentifierExtension.create((keys as WebKeyPair).publicKey as unknown as Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0]),
      await x509.AuthorityKeyIdentifierExtension.create((keys as WebKeyPair).publicKey as unknown as Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0]),
      new x509.BasicConstraintsExtension(true, undefined, true),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', (keys as WebKeyPair).privateKey as WebKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  try {
    writeLabFile(String(flags.get('-keyout')), ctx.workdir, ctx.source, keyPem);
    writeLabFile(String(flags.get('-out')), ctx.workdir, ctx.source, `${cert.toString('pem').replace(/\r/g, '')}\n`);
  } catch (e) {
    return textOutput('', `req: ${(e as FileAccessError).message}\n`, 1);
  }
  // OpenSSL 3 prints prime-search progress while generating the key, then a dashed line.
  return textOutput('', `${'.'.repeat(8)}+${'.'.repeat(5)}+++++++++++++++++++++++++++++++++++++++*${'.'.repeat(12)}+++++++++++++++++++++++++++++++++++++++*\n-----\n`);
}

function x509cmd(args: string[], ctx: CommandContext): CommandOutput {
  const { flags, error } = flagValues(args);
  if (error) return textOutput('', `x509: ${error}\n`, 1);
  const input = flags.get('-in');
  if (typeof input !== 'string') return textOutput('', 'x509: kubelab models only "openssl x509 -in FILE -noout -subject|-issuer|-dates|-serial|-text"\n', 1);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readLabFile(input, ctx.workdir, ctx.source));
  } catch (e) {
    if (e instanceof FileAccessError) return textOutput('', `Could not open file or uri for loading certificate from ${input}\n`, 1);
    return textOutput('', `Could not read certificate from ${input}\nUnable to load certificate\n`, 1);
  }
  const out: string[] = [];
  const date = (s: string) => s.replace(/ GMT$/, ' GMT');
  for (const key of flags.keys()) {
    if (key === '-subject') out.push(`subject=${opensslName(cert.subject)}`);
    else if (key === '-issuer') out.push(`issuer=${opensslName(cert.issuer)}`);
    else if (key === '-dates') out.push(`notBefore=${date(cert.validFrom)}`, `notAfter=${date(cert.validTo)}`);
    else if (key === '-serial') out.push(`serial=${cert.serialNumber.toUpperCase()}`);
    else if (key === '-text') out.push(...certificateText(cert.toString()));
    else if (!['-in', '-noout'].includes(key)) return textOutput('', `x509: kubelab does not model option ${key}\n`, 1);
  }
  // Without -noout the certificate itself follows, as PEM.
  if (!flags.has('-noout')) out.push(cert.toString().trimEnd());
  return textOutput(out.length ? `${out.join('\n')}\n` : '');
}

/** The openssl program (req and x509). */
export const openssl: CommandHandler = async (argv, ctx) => {
  const [, sub, ...args] = argv;
  if (sub === 'req') return req(args, ctx);
  if (sub === 'x509') return x509cmd(args, ctx);
  return textOutput('', `openssl: kubelab models only "openssl req" and "openssl x509"${sub ? `, not "${sub}"` : ''}\n`, 1);
};
