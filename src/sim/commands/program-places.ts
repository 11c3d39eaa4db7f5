/**
 * Which programs exist on which machine of the lab. The client host and the nodes are Rocky 9
 * machines with the lab's kubeconfig; client pods run busyboxplus (busybox + curl).
 */
import type { Source } from '../network/source.ts';

type Place = Source['kind'];

// Programs not listed here exist everywhere (curl, nslookup, cat, echo, grep, sed…).
const PLACES: Readonly<Record<string, readonly Place[]>> = {
  kubectl: ['host', 'node'],
  dig: ['host', 'node'],
  host: ['host', 'node'],
  openssl: ['host', 'node'],
  htpasswd: ['host', 'node'],
  yum: ['host', 'node'],
  dnf: ['host', 'node'],
  ipvsadm: ['node'],
  iptables: ['node'],
  'iptables-save': ['node'],
  ip: ['node', 'pod'],
};

/** True when `program` is installed on the machine `source` stands for. */
export function programAvailable(program: string, source: Source): boolean {
  const places = PLACES[program];
  return places === undefined || places.includes(source.kind);
}

/** The shell's "not found" line: busybox's /bin/sh in pods, sh on the Rocky machines. */
export function notFoundMessage(program: string, source: Source): string {
  return source.kind === 'pod' ? `/bin/sh: ${program}: not found\n` : `sh: ${program}: not found\n`;
}
