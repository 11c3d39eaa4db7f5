/** Every Service validation row of the reference (k8s-services.md §1.3–1.8), through the API server's create path. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testSimulation } from './test-sim.ts';
import { renderFieldError } from './field-errors.ts';

const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const port80 = [{ port: 80 }];
const cases: { name: string; svcName?: string; spec: Record<string, unknown>; want: string[] }[] = [
  { name: 'no ports', spec: { selector: { app: 'x' } }, want: ['spec.ports: Required value'] },
  { name: 'unnamed port among several', spec: { ports: [{ port: 80 }, { port: 443, name: 'https' }] }, want: ['spec.ports[0].name: Required value'] },
  { name: 'port name not a DNS-1123 label', spec: { ports: [{ port: 80, name: 'Http' }] }, want: [`spec.ports[0].name: Invalid value: "Http": ${LABEL}`] },
  { name: 'duplicate port name', spec: { ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] }, want: ['spec.ports[1].name: Duplicate value: "http"'] },
  {
    name: 'duplicate protocol+port',
    spec: { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] },
    want: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
  },
  { name: 'port 0', spec: { ports: [{ port: 0, targetPort: 80 }] }, want: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'] },
  { name: 'port too big', spec: { ports: [{ port: 70000, targetPort: 80 }] }, want: ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'] },
  { name: 'bad protocol', spec: { ports: [{ port: 80, protocol: 'HTTP' }] }, want: ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'] },
  { name: 'bad targetPort name', spec: { ports: [{ port: 80, targetPort: 'my_port' }] }, want: ['spec.ports[0].targetPort: Invalid value: "my_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
  {
    name: 'targetPort name too long, double hyphen',
    spec: { ports: [{ port: 80, targetPort: 'abcdefgh--ijklmnop' }] },
    want: ['spec.ports[0].targetPort: Invalid value: "abcdefgh--ijklmnop": must be no more than 15 characters', 'spec.ports[0].targetPort: Invalid value: "abcdefgh--ijklmnop": must not contain consecutive hyphens'],
  },
  { name: 'bad type', spec: { type: 'Foo', ports: port80 }, want: ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'] },
  { name: 'bad affinity', spec: { sessionAffinity: 'Cookie', ports: port80 }, want: ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'] },
  {
    name: 'affinity timeout too big',
    spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ports: port80 },
    want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400'],
  },
  {
    name: 'selector key invalid',
    spec: { selector: { 'my app': 'x' }, ports: port80 },
    want: ["spec.selector: Invalid value: \"my app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  },
  {
    name: 'selector value invalid',
    spec: { selector: { app: 'a b' }, ports: port80 },
    want: ["spec.selector: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  },
  { name: 'name not DNS-1035', svcName: 'My_Svc', spec: { ports: port80 }, want: [`metadata.name: Invalid value: "My_Svc": ${DNS1035}`] },
  { name: 'name starting with a digit', svcName: '1web', spec: { ports: port80 }, want: [`metadata.name: Invalid value: "1web": ${DNS1035}`] },
  { name: 'blog name "ExternalName"', svcName: 'ExternalName', spec: { type: 'ExternalName', externalName: 'www.baidu.com' }, want: [`metadata.name: Invalid value: "ExternalName": ${DNS1035}`] },
  { name: 'name too long', svcName: 'a'.repeat(64), spec: { ports: port80 }, want: [`metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`] },
  { name: 'headless NodePort', spec: { type: 'NodePort', clusterIP: 'None', ports: port80 }, want: ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'] },
  { name: 'headless LoadBalancer', spec: { type: 'LoadBalancer', clusterIP: 'None', ports: port80 }, want: ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services'] },
  { name: 'ExternalName missing', spec: { type: 'ExternalName' }, want: ['spec.externalName: Required value'] },
  { name: 'ExternalName not a subdomain', spec: { type: 'ExternalName', externalName: 'my_db.example.com' }, want: [`spec.externalName: Invalid value: "my_db.example.com": ${SUBDOMAIN}`] },
  { name: 'ExternalName with clusterIP', spec: { type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.50' }, want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'] },
  { name: 'nodePort on ClusterIP', spec: { ports: [{ port: 80, nodePort: 30080 }] }, want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
  { name: 'healthCheckNodePort without LB+Local', spec: { type: 'NodePort', healthCheckNodePort: 30001, ports: port80 }, want: ["spec.healthCheckNodePort: Invalid value: 30001: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"] },
  { name: 'allocateLoadBalancerNodePorts on non-LB', spec: { allocateLoadBalancerNodePorts: true, ports: port80 }, want: ["spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"] },
  { name: 'loadBalancerSourceRanges on non-LB', spec: { loadBalancerSourceRanges: ['10.0.0.0/8'], ports: port80 }, want: ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"] },
  { name: 'externalTrafficPolicy on ClusterIP', spec: { externalTrafficPolicy: 'Local', ports: port80 }, want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'] },
  { name: 'clusterIP not an IP', spec: { clusterIP: '10.96.0', ports: port80 }, want: ['spec.clusterIPs[0]: Invalid value: "10.96.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
];

for (const c of cases) {
  test(`Service validation: ${c.name}`, () => {
    const { api } = testSimulation();
    const result = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: c.svcName ?? 'web' }, spec: c.spec });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.status.reason, 'Invalid');
    assert.deepEqual((result.status.causes ?? []).map(renderFieldError), c.want);
  });
}

test('several causes aggregate as [a, b] in the Status message', () => {
  const { api } = testSimulation();
  const result = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 0, targetPort: 80, protocol: 'HTTP' }] } });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(
    result.status.message,
    'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"]',
  );
});

test('a valid ExternalName service keeps a trailing dot and gets no cluster IP or families', () => {
  const { api } = testSimulation();
  const result = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'baidu' }, spec: { type: 'ExternalName', externalName: 'www.baidu.com.' } });
  assert.ok(result.ok);
  const spec = (result.object as unknown as { spec: Record<string, unknown> }).spec;
  assert.equal(spec.clusterIP, undefined);
  assert.equal(spec.ipFamilies, undefined);
  assert.equal(spec.internalTrafficPolicy, undefined);
});
