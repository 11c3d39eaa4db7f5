/** Table printers for Ingresses, IngressClasses and MetalLB's pools and advertisements. */
import type { Ingress, IngressClass, IPAddressPool, L2Advertisement } from '../../../../model/networking.ts';
import { loadBalancerIngress } from './services.ts';
import { age, field, type TablePrinter } from './printer.ts';

/** NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressPrinter: TablePrinter = {
  headers: () => ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  row(obj, ctx) {
    // SRC: kubernetes pkg/printers/internalversion/printers.go printIngress, formatHosts (v1.31).
    const ing = obj as Ingress;
    const hosts = (ing.spec.rules ?? []).map((r) => r.host ?? '').filter((h) => h !== '');
    const hostCell = hosts.length === 0 ? '*' : hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...` : hosts.join(',');
    const ports = (ing.spec.tls ?? []).length > 0 ? '80, 443' : '80';
    return [ing.metadata.name, ing.spec.ingressClassName ?? '<none>', hostCell, loadBalancerIngress(ing.status?.loadBalancer?.ingress ?? [], ctx.wide), ports, age(ing, ctx)];
  },
};

/** NAME CONTROLLER PARAMETERS AGE. */
export const ingressClassPrinter: TablePrinter = {
  headers: () => ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, (obj as IngressClass).spec.controller, field(obj, 'spec', 'parameters') ? 'set' : '<none>', age(obj, ctx)],
};

// SRC: metallb config/crd/bases/metallb.io_ipaddresspools.yaml additionalPrinterColumns (v0.14.8):
// Auto Assign (.spec.autoAssign, default true), Avoid Buggy IPs (.spec.avoidBuggyIPs, default false), Addresses (.spec.addresses).
/** NAME AUTO ASSIGN AVOID BUGGY IPS ADDRESSES (CRD printer columns; arrays print as JSON). */
export const ipAddressPoolPrinter: TablePrinter = {
  headers: () => ['NAME', 'AUTO ASSIGN', 'AVOID BUGGY IPS', 'ADDRESSES'],
  row(obj) {
    const pool = obj as IPAddressPool;
    return [pool.metadata.name, String(pool.spec.autoAssign ?? true), String(pool.spec.avoidBuggyIPs ?? false), JSON.stringify(pool.spec.addresses ?? [])];
  },
};

// SRC: metallb config/crd/bases/metallb.io_l2advertisements.yaml additionalPrinterColumns (v0.14.8).
/** NAME IPADDRESSPOOLS IPADDRESSPOOL SELECTORS INTERFACES NODE SELECTORS (absent fields print empty). */
export const l2AdvertisementPrinter: TablePrinter = {
  headers: () => ['NAME', 'IPADDRESSPOOLS', 'IPADDRESSPOOL SELECTORS', 'INTERFACES', 'NODE SELECTORS'],
  row(obj) {
    const adv = obj as L2Advertisement;
    const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
    return [adv.metadata.name, json(adv.spec?.ipAddressPools), json(adv.spec?.ipAddressPoolSelectors), json(adv.spec?.interfaces), json(adv.spec?.nodeSelectors)];
  },
};
