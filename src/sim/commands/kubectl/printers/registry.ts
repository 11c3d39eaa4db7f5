/** PRINTERS: the `kubectl get` table printer of each kind. Other areas add entries (one import + one line). */
import { DEFAULT_PRINTER, type TablePrinter } from './printer.ts';
import { servicePrinter, endpointsPrinter, endpointSlicePrinter } from './services.ts';
import { podPrinter } from './pods.ts';
import { deploymentPrinter, replicaSetPrinter, daemonSetPrinter, jobPrinter } from './workloads.ts';
import { namespacePrinter, nodePrinter, configMapPrinter, secretPrinter, eventPrinter, serviceAccountPrinter, createdAtPrinter, bindingPrinter, leasePrinter } from './cluster.ts';
import { ingressPrinter, ingressClassPrinter, ipAddressPoolPrinter, l2AdvertisementPrinter } from './networking.ts';

/** Table printers by kind; kinds without an entry print NAME and AGE. */
export const PRINTERS: Record<string, TablePrinter> = {
  Pod: podPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  DaemonSet: daemonSetPrinter,
  Job: jobPrinter,
  Namespace: namespacePrinter,
  Node: nodePrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  Event: eventPrinter,
  ServiceAccount: serviceAccountPrinter,
  Lease: leasePrinter,
  Role: createdAtPrinter,
  ClusterRole: createdAtPrinter,
  RoleBinding: bindingPrinter,
  ClusterRoleBinding: bindingPrinter,
  Ingress: ingressPrinter,
  IngressClass: ingressClassPrinter,
  IPAddressPool: ipAddressPoolPrinter,
  L2Advertisement: l2AdvertisementPrinter,
};

/** The printer for a kind. */
export function printerFor(kind: string): TablePrinter {
  return PRINTERS[kind] ?? DEFAULT_PRINTER;
}
