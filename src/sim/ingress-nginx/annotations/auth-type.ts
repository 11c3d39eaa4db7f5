/**
 * nginx.ingress.kubernetes.io/auth-type, auth-secret, auth-secret-type, auth-realm: basic (or digest) auth.
 * SRC: ingress-nginx internal/ingress/annotations/auth/main.go Parse (controller-v1.11.2):
 * - auth-type absent or empty → no auth; a value not containing `basic|digest` → location denied (503);
 * - auth-secret `name` or `ns/name` (cross-namespace allowed in 1.11); absent or missing Secret → denied;
 * - auth-file needs data key `auth`; auth-map turns every key into `user:value`; any other type → denied.
 */
import type { Secret } from '../../../model/core.ts';
import { defineAnnotation, invalidWarning, ok, readString, type Parsed } from './define.ts';

/** Basic/digest auth of a location. */
export interface BasicAuthConfig {
  type: 'basic' | 'digest';
  realm: string;
  /** `namespace/name` of the Secret. */
  secret: string;
  secretType: 'auth-file' | 'auth-map';
  /** The htpasswd file nginx reads (`user:hash` lines). */
  passwdFile: string;
}

const NONE: BasicAuthConfig | undefined = undefined;

function denied(reason: string, warnings: string[] = []): Parsed<BasicAuthConfig | undefined> {
  return { value: NONE, warnings, denied: reason };
}

function decode(secret: Secret, key: string): string | undefined {
  const value = secret.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

/** The parsed auth configuration, or undefined for none. */
export const authType = defineAnnotation({
  field: 'basicAuth',
  keys: ['auth-type', 'auth-secret', 'auth-secret-type', 'auth-realm'],
  parse: (ctx) => {
    const ing = ctx.ingress;
    const at = readString(ing, 'auth-type');
    if (at.kind === 'missing') return ok(NONE);
    if (at.kind === 'invalid') return ok(NONE, [invalidWarning(ing, 'auth-type', at.raw, 'ignored')]);
    if (!/basic|digest/.test(at.value)) return denied('invalid authentication type');
    const st = readString(ing, 'auth-secret-type');
    const secretType = st.kind === 'value' ? st.value : 'auth-file';
    const name = readString(ing, 'auth-secret');
    if (name.kind !== 'value') return denied('error reading secret name from annotation: auth-secret is missing or empty');
    const parts = name.value.split('/');
    if (parts.length > 2) return denied(`error reading secret name from annotation: unexpected key format: ${JSON.stringify(name.value)}`);
    const ns = parts.length === 2 ? parts[0] || (ing.metadata.namespace ?? 'default') : (ing.metadata.namespace ?? 'default');
    const secretName = parts[parts.length - 1]!;
    const secret = ctx.resolver.secret(ns, secretName);
    if (!secret) return denied(`unexpected error reading secret ${ns}/${secretName}: secret ${ns}/${secretName} was not found`);
    const realm = readString(ing, 'auth-realm');
    let passwdFile: string;
    if (secretType === 'auth-file') {
      const file = decode(secret, 'auth');
      if (file === undefined) return denied(`the secret ${secretName} does not contain a key with value auth`);
      passwdFile = file;
    } else if (secretType === 'auth-map') {
      passwdFile = Object.keys(secret.data ?? {}).map((user) => `${user}:${decode(secret, user)}\n`).join('');
    } else {
      return denied("invalid auth-secret-type in annotation, must be 'auth-file' or 'auth-map'");
    }
    // The template renders auth_basic only for exactly "basic"; anything else matching the regex is digest.
    const type = at.value === 'basic' ? 'basic' : 'digest';
    return ok<BasicAuthConfig | undefined>({
      type,
      realm: realm.kind === 'value' ? realm.value : '',
      secret: `${ns}/${secretName}`,
      secretType,
      passwdFile,
    });
  },
});
