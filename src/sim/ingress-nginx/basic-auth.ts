/**
 * nginx `auth_basic` + `auth_basic_user_file` checks against an htpasswd file.
 * SRC: nginx ngx_http_auth_basic_module.c (user lookup, ngx_crypt) and ngx_crypt.c ($apr1$, {PLAIN}, {SHA},
 * {SSHA}); other hashes go to musl crypt(): DES, $1$, $2a/$2b/$2y$ bcrypt, ($5$/$6$ not simulated).
 * Response on failure: 401 with `WWW-Authenticate: Basic realm="<realm>"` (ingress-nginx docs/e2e auth.go).
 */
import { createHash } from 'node:crypto';
import md5 from 'apache-md5';
import bcrypt from 'bcryptjs';
import crypt from 'unix-crypt-td-js';

/** The outcome of checking an Authorization header. */
export type BasicAuthVerdict =
  | { ok: true; user: string }
  | { ok: false; reason: string; status: 401 | 500 };

/** Verifies one password against one stored hash; undefined when the format is not simulated. */
export function verifyPassword(password: string, hash: string): boolean | undefined {
  if (hash.startsWith('$apr1$') || hash.startsWith('$1$')) return md5(password, hash) === hash;
  if (hash.startsWith('{PLAIN}')) return hash.slice(7) === password;
  if (hash.startsWith('{SHA}')) return createHash('sha1').update(password).digest('base64') === hash.slice(5);
  if (hash.startsWith('{SSHA}')) {
    const raw = Buffer.from(hash.slice(6), 'base64');
    const salt = raw.subarray(20);
    const digest = createHash('sha1').update(password).update(salt).digest();
    return digest.equals(raw.subarray(0, 20));
  }
  if (/^\$2[aby]\$\d\d\$/.test(hash)) return bcrypt.compareSync(password, hash.replace(/^\$2y\$/, '$2b$'));
  if (hash.startsWith('$5$') || hash.startsWith('$6$')) return undefined;
  if (hash.length === 13) return crypt(password, hash.slice(0, 2)) === hash;
  return false;
}

/** Checks an Authorization header against htpasswd lines (`user:hash`). */
export function checkBasicAuth(authorization: string | undefined, passwdFile: string): BasicAuthVerdict {
  if (!authorization) return { ok: false, reason: 'no Authorization header', status: 401 };
  const m = /^Basic\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return { ok: false, reason: 'Authorization is not Basic', status: 401 };
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'client sent invalid Basic credentials', status: 401 };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  for (const line of passwdFile.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const sep = trimmed.indexOf(':');
    if (sep < 0 || trimmed.slice(0, sep) !== user) continue;
    const hash = trimmed.slice(sep + 1).split(':')[0] ?? '';
    const verdict = verifyPassword(password, hash);
    if (verdict === undefined) return { ok: false, reason: `hash format of user ${JSON.stringify(user)} is not simulated (crypt() error)`, status: 500 };
    return verdict ? { ok: true, user } : { ok: false, reason: `user ${JSON.stringify(user)}: password mismatch`, status: 401 };
  }
  return { ok: false, reason: `user ${JSON.stringify(user)} was not found`, status: 401 };
}
