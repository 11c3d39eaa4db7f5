/** kubectl's stderr for failed requests (kubectl cmd/util/helpers.go CheckErr; tutorial §4.3 for the nodePort line). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiStatus } from './types.ts';
import { kubectlErrorText, type KubectlErrorContext } from './kubectl-errors.ts';
import { invalidNumber, invalidStatus, internalErrorStatus, notFoundStatus, alreadyExistsStatus, required } from './field-errors.ts';

const nodePortCause = invalidNumber('spec.ports[0].nodePort', 33333, 'provided port is not in the valid range. The range of valid ports is 30000-32767');
const cases: { name: string; status: ApiStatus; ctx: KubectlErrorContext; want: string }[] = [
  {
    name: 'one cause (tutorial 4.3)',
    status: invalidStatus('Service', '', 'timinglee-service', [nodePortCause]),
    ctx: { operation: 'applying', source: 'timinglee.yaml' },
    want: 'The Service "timinglee-service" is invalid: spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    name: 'several causes',
    status: invalidStatus('Service', '', 'web', [required('spec.ports'), nodePortCause]),
    ctx: { operation: 'creating', source: 'web.yaml' },
    want: 'The Service "web" is invalid: \n* spec.ports: Required value\n* spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    name: 'apps group kind prints without its group',
    status: invalidStatus('Deployment', 'apps', 'howe', [required('spec.selector')]),
    ctx: { operation: 'creating' },
    want: 'The Deployment "howe" is invalid: spec.selector: Required value',
  },
  {
    name: 'AlreadyExists from a file',
    status: alreadyExistsStatus('services', 'x'),
    ctx: { operation: 'creating', source: 'f.yml' },
    want: 'Error from server (AlreadyExists): error when creating "f.yml": services "x" already exists',
  },
  { name: 'NotFound on get', status: notFoundStatus('services', 'x'), ctx: { operation: 'getting' }, want: 'Error from server (NotFound): services "x" not found' },
  { name: 'NotFound deleting a file', status: notFoundStatus('services', 'x'), ctx: { operation: 'deleting', source: 'f.yml' }, want: 'Error from server (NotFound): error when deleting "f.yml": services "x" not found' },
  {
    name: 'range full',
    status: internalErrorStatus('failed to allocate a nodePort: range is full'),
    ctx: { operation: 'creating', source: 'svc.yaml' },
    want: 'Error from server (InternalError): error when creating "svc.yaml": Internal error occurred: failed to allocate a nodePort: range is full',
  },
  {
    name: 'admission webhook denial',
    status: { code: 400, reason: 'BadRequest', message: 'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "www.exam.com" and path "/" is already defined in ingress default/ingress1' },
    ctx: { operation: 'creating', source: 'x.yaml' },
    want: 'Error from server (BadRequest): error when creating "x.yaml": admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "www.exam.com" and path "/" is already defined in ingress default/ingress1',
  },
  { name: 'reason Unknown has no parenthesis', status: { code: 500, reason: 'Unknown', message: 'duplicate nodePort: {TCP 30080}' }, ctx: { operation: 'replacing' }, want: 'Error from server: duplicate nodePort: {TCP 30080}' },
  { name: 'invalid without details', status: { code: 422, reason: 'Invalid', message: 'doc is missing key' }, ctx: { operation: 'patching' }, want: 'The request is invalid: doc is missing key' },
];

for (const c of cases) {
  test(`kubectlErrorText: ${c.name}`, () => {
    assert.equal(kubectlErrorText(c.status, c.ctx), c.want);
  });
}

test('Status message of one cause and the generator-command form kubectl builds from it', () => {
  const status = invalidStatus('Service', '', 'bad', [invalidNumber('spec.ports[0].nodePort', 29999, 'provided port is not in the valid range. The range of valid ports is 30000-32767')]);
  assert.equal(`error: failed to create NodePort service: ${status.message}`, 'error: failed to create NodePort service: Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767');
});
