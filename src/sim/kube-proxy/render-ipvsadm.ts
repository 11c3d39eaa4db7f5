/**
 * `ipvsadm -Ln` / `ipvsadm -L` for a node's IPVS table.
 * SRC: ipvsadm ipvsadm.c list_all, print_title, print_service_entry (format "%s  %s %s" and
 * "  -> %-28s %-7s %-6d %-10u %-10u"); libipvs ipvs_cmp_services / ipvs_cmp_dests (sort by protocol
 * number, address, port) (ipvsadm 1.31); reference k8s-services.md §3.5.
 */
import type { ProxyRules } from './types.ts';
import { ipv4ToNumber, ipvsVirtualServers, type VirtualServer } from './ipvs.ts';

const PROTOCOL_NUMBER: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };
const PORT_NAMES: Record<string, Record<number, string>> = {
  TCP: { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 6443: 'sun-sr-https', 8080: 'webcache', 8443: 'pcsync-https' },
  UDP: { 53: 'domain', 80: 'http', 443: 'https' },
};

/** Virtual servers in ipvsadm's listing order. */
export function sortedVirtualServers(rules: ProxyRules): VirtualServer[] {
  return ipvsVirtualServers(rules).sort(
    (a, b) => PROTOCOL_NUMBER[a.protocol]! - PROTOCOL_NUMBER[b.protocol]! || ipv4ToNumber(a.address) - ipv4ToNumber(b.address) || a.port - b.port,
  );
}

/** `ipvsadm -L[n]`: without -n, node addresses print as host names (from /etc/hosts) and ports as service names. */
export function renderIpvsadmList(rules: ProxyRules, opts: { numeric: boolean; hostNames?: Record<string, string> }): string {
  const name = (ip: string, port: number, protocol: string) =>
    opts.numeric ? `${ip}:${port}` : `${opts.hostNames?.[ip] ?? ip}:${PORT_NAMES[protocol]?.[port] ?? port}`;
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of sortedVirtualServers(rules)) {
    const flags = vs.persistentSeconds === undefined ? '' : ` persistent ${vs.persistentSeconds}`;
    lines.push(`${vs.protocol}  ${name(vs.address, vs.port, vs.protocol)} ${vs.scheduler}${flags}`);
    for (const d of vs.destinations) {
      lines.push(`  -> ${name(d.ip, d.port, vs.protocol).padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}`);
    }
  }
  return lines.join('\n') + '\n';
}
