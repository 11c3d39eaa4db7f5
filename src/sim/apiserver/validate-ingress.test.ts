import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateIngress } from './validate-ingress.ts';
import { renderFieldError } from './field-errors.ts';
import { ingress, path } from '../ingress-nginx/fixtures.ts';

const cases: { name: string; obj: ReturnType<typeof ingress>; errors: string[] }[] = [
  { name: 'tutorial ingress1 is valid', obj: ingress('ingress1', [{ host: 'www.exam.com', paths: [path('/v1', 'myapp-v1'), path('/v2', 'myapp-v2')] }]), errors: [] },
  { name: 'regex path with ImplementationSpecific is valid', obj: ingress('i', [{ host: 'myappv1.exam.com', paths: [path('/app(/|$)(.*)', 'myapp-v1', 'ImplementationSpecific')] }]), errors: [] },
  { name: 'relative Prefix path', obj: ingress('i', [{ paths: [path('v1', 's')] }]), errors: ['spec.rules[0].http.paths[0].path: Invalid value: "v1": must be an absolute path'] },
  { name: 'double slash', obj: ingress('i', [{ paths: [path('/a//b', 's')] }]), errors: ["spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'"] },
  { name: 'IP host', obj: ingress('i', [{ host: '172.25.250.50', paths: [path('/', 's')] }]), errors: ['spec.rules[0].host: Invalid value: "172.25.250.50": must be a DNS name, not an IP address'] },
  { name: 'unknown pathType', obj: ingress('i', [{ paths: [path('/', 's', 'Regex')] }]), errors: ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'] },
];

for (const c of cases) {
  test(c.name, () => {
    assert.deepEqual(validateIngress(c.obj).map(renderFieldError), c.errors);
  });
}
