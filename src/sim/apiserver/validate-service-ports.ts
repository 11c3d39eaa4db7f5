/** Service port rules (SRC: kubernetes pkg/apis/core/validation/validation.go validateServicePort + the duplicate checks of ValidateService, v1.31). */
import type { Service, ServicePort } from '../../model/core.ts';
import type { FieldError } from './types.ts';
import { duplicate, fieldError, forbidden, goQuote, invalidNumber, invalidString, notSupported, required } from './field-errors.ts';
import { isDns1123Label, isQualifiedName, isValidPortName, isValidPortNum } from './name-rules.ts';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** Errors of each port in turn, then the nodePort-on-ClusterIP, duplicate nodePort and duplicate port checks. */
export function validateServicePorts(svc: Service): FieldError[] {
  const ports = svc.spec.ports ?? [];
  const names = new Set<string>();
  const errs: FieldError[] = [];
  for (const [i, port] of ports.entries()) errs.push(...validatePort(port, ports.length > 1, names, `spec.ports[${i}]`));
  return errs;
}

function validatePort(port: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) {
    errs.push(required(`${path}.name`));
  } else if (port.name) {
    for (const msg of isDns1123Label(port.name)) errs.push(invalidString(`${path}.name`, port.name, msg));
    if (names.has(port.name)) errs.push(duplicate(`${path}.name`, goQuote(port.name)));
    else names.add(port.name);
  }
  for (const msg of isValidPortNum(port.port)) errs.push(invalidNumber(`${path}.port`, port.port ?? 0, msg));
  if (!port.protocol) errs.push(required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(port.targetPort, `${path}.targetPort`));
  if (port.appProtocol !== undefined) {
    for (const msg of isQualifiedName(port.appProtocol)) errs.push(invalidString(`${path}.appProtocol`, port.appProtocol, msg));
  }
  return errs;
}

/** ValidatePortNumOrName: a number must be a valid port, a string a valid IANA_SVC_NAME. */
export function validatePortNumOrName(value: number | string | undefined, path: string): FieldError[] {
  if (typeof value === 'number') return isValidPortNum(value).map((msg) => invalidNumber(path, value, msg));
  if (typeof value === 'string') return isValidPortName(value).map((msg) => invalidString(path, value, msg));
  return [fieldError(path, 'Internal error', undefined, 'unknown type')];
}

/** nodePort forbidden on ClusterIP; duplicate (protocol, nodePort); duplicate (protocol, port). */
export function validateServicePortSets(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const ports = svc.spec.ports ?? [];
  if (svc.spec.type === 'ClusterIP') {
    for (const [i, p] of ports.entries()) if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
  }
  const nodePorts = new Set<string>();
  for (const [i, p] of ports.entries()) {
    if (!p.nodePort) continue;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, String(p.nodePort)));
    nodePorts.add(key);
  }
  const seen = new Set<string>();
  for (const [i, p] of ports.entries()) {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, servicePortKey(p.protocol ?? '', p.port ?? 0)));
    seen.add(key);
  }
  return errs;
}

/** The `%#v` of the core.ServicePort key upstream builds (only Protocol and Port set) — the ≤v1.33 rendering. */
export function servicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}
