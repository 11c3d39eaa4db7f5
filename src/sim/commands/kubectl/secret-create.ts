/**
 * `kubectl create secret generic NAME [--from-file=[key=]path] [--from-literal=key=value] [--type]` and
 * `kubectl create secret tls NAME --cert=path --key=path`.
 * SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret.go (handleSecretFromFileSources,
 * handleSecretFromLiteralSources, addKeyFromLiteralToSecret) and create_secret_tls.go (tls.X509KeyPair check) (v1.31).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { basename } from 'node:path';
import type { KubeObject } from '../../../model/meta.ts';
import type { CommandOutput } from '../command.ts';
import type { Invocation, KubectlCommand } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { finishGenerated, typedMeta, nameArgument } from './generated.ts';
import { FileAccessError, readLabFile } from '../shell-files.ts';
import { isConfigMapKey } from '../../apiserver/validate-config.ts';

function readBytes(inv: Invocation, path: string): { ok: true; text: string } | { ok: false; out: CommandOutput } {
  try {
    return { ok: true, text: readLabFile(path, inv.ctx.workdir, inv.ctx.source) };
  } catch (error) {
    if (error instanceof FileAccessError && /No such file/.test(error.message)) return { ok: false, out: kubectlError(`error: error reading ${path}: no such file or directory`) };
    return { ok: false, out: kubectlError(`error: ${(error as Error).message}`) };
  }
}

function secret(inv: Invocation, name: string, data: Record<string, string>, type: string | undefined): KubeObject {
  const obj: Record<string, unknown> = { kind: 'Secret', apiVersion: 'v1', metadata: typedMeta(inv, name), data };
  if (type) obj['type'] = type;
  return obj as unknown as KubeObject;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function addKey(data: Record<string, string>, key: string, value: string): string | undefined {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) return `error: "${key}" is not a valid key name for a Secret: ${errs.join(';')}`;
  if (key in data) return `error: cannot add key ${key}, another key by that name already exists in Data for Secret`;
  data[key] = b64(value);
  return undefined;
}

const generic: KubectlCommand = {
  name: 'generic',
  summary: 'Create a secret from a local file, directory, or literal value',
  usage: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags]',
  flags: [{ name: 'from-file', kind: 'strings' }, { name: 'from-literal', kind: 'array' }, { name: 'type', kind: 'string' }, OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE],
  run: (inv) => {
    const arg = nameArgument(inv);
    if (!arg.ok) return arg.error;
    const name = arg.name;
    const data: Record<string, string> = {};
    for (const source of inv.flags.list('from-file')) {
      const eq = source.indexOf('=');
      const key = eq >= 0 ? source.slice(0, eq) : basename(source);
      const path = eq >= 0 ? source.slice(eq + 1) : source;
      if (eq >= 0 && (key === '' || path === '')) return kubectlError(`error: key names or file paths cannot be empty`);
      const read = readBytes(inv, path);
      if (!read.ok) return read.out;
      const err = addKey(data, key, read.text);
      if (err) return kubectlError(err);
    }
    for (const literal of inv.flags.list('from-literal')) {
      const eq = literal.indexOf('=');
      if (eq <= 0) return kubectlError(`error: invalid literal source ${literal}, expected key=value`);
      const err = addKey(data, literal.slice(0, eq), literal.slice(eq + 1));
      if (err) return kubectlError(err);
    }
    return finishGenerated({ inv, object: secret(inv, name, data, inv.flags.string('type')), verb: 'created', errorText: (s) => `error: failed to create secret ${s.message}` });
  },
};

const tls: KubectlCommand = {
  name: 'tls',
  summary: 'Create a TLS secret',
  usage: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [flags]',
  flags: [{ name: 'cert', kind: 'string' }, { name: 'key', kind: 'string' }, OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE],
  run: (inv) => {
    const arg = nameArgument(inv);
    if (!arg.ok) return arg.error;
    const name = arg.name;
    const certPath = inv.flags.string('cert') ?? '';
    const keyPath = inv.flags.string('key') ?? '';
    if (certPath === '' || keyPath === '') return kubectlError('error: key and cert must be specified');
    const cert = readBytes(inv, certPath);
    if (!cert.ok) return cert.out;
    const key = readBytes(inv, keyPath);
    if (!key.ok) return key.out;
    // tls.X509KeyPair: both PEM blocks must parse and the private key must match the certificate's public key.
    try {
      if (!/-----BEGIN CERTIFICATE-----/.test(cert.text)) return kubectlError('error: failed to load key pair tls: failed to find any PEM data in certificate input');
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.text)) return kubectlError('error: failed to load key pair tls: failed to find any PEM data in key input');
      if (!new X509Certificate(cert.text).checkPrivateKey(createPrivateKey(key.text))) return kubectlError('error: failed to load key pair tls: private key does not match public key');
    } catch (error) {
      return kubectlError(`error: failed to load key pair tls: ${(error as Error).message}`);
    }
    const object = secret(inv, name, { 'tls.crt': b64(cert.text), 'tls.key': b64(key.text) }, 'kubernetes.io/tls');
    return finishGenerated({ inv, object, verb: 'created', errorText: (s) => `error: failed to create secret ${s.message}` });
  },
};

/** `kubectl create secret` with its generic and tls sub-commands. */
export const createSecretCommand: KubectlCommand = {
  name: 'secret',
  summary: 'Create a secret using a specified subcommand',
  subcommands: [generic, tls],
};
