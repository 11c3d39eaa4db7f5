/** IPv4 CIDR helpers over ipaddr.js. */
import ipaddr from 'ipaddr.js';

/** Is `ip` inside `cidr` (a bare address counts as /32)? Invalid input is simply "not inside". */
export function cidrContains(cidr: string, ip: string): boolean {
  if (!ipaddr.IPv4.isValid(ip)) return false;
  try {
    const [net, bits] = cidr.includes('/') ? ipaddr.IPv4.parseCIDR(cidr) : [ipaddr.IPv4.parse(cidr), 32];
    return ipaddr.IPv4.parse(ip).match(net, bits);
  } catch {
    return false;
  }
}
