/** ConfigMap and Secret data rules (SRC: kubernetes pkg/apis/core/validation/validation.go ValidateSecret/ValidateConfigMap, v1.31). */
import type { KubeObject } from '../../model/meta.ts';
import type { FieldError } from './types.ts';
import { invalidString, required } from './field-errors.ts';
import { regexError } from './name-rules.ts';

const CONFIG_KEY = '[-._a-zA-Z0-9]+';

/** IsConfigMapKey. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${CONFIG_KEY}$`).test(key)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateKeys(map: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys((map as Record<string, unknown>) ?? {})) {
    for (const msg of isConfigMapKey(key)) errs.push(invalidString(`${field}[${key}]`, key, msg));
  }
  return errs;
}

/** ConfigMap keys of data and binaryData. */
export function validateConfigMap(obj: KubeObject): FieldError[] {
  return [...validateKeys(obj.data, 'data'), ...validateKeys(obj.binaryData, 'binaryData')];
}

/** Secret keys, and the keys the typed secrets require. */
export function validateSecret(obj: KubeObject): FieldError[] {
  const errs = validateKeys(obj.data, 'data');
  const data = (obj.data ?? {}) as Record<string, string>;
  const needs: Record<string, string[]> = {
    'kubernetes.io/tls': ['tls.crt', 'tls.key'],
    'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
    'kubernetes.io/dockercfg': ['.dockercfg'],
    'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  };
  for (const key of needs[String(obj.type)] ?? []) if (!(key in data)) errs.push(required(`data[${key}]`));
  if (obj.type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(required('data[username]', 'either username or password is required'));
  }
  return errs;
}
