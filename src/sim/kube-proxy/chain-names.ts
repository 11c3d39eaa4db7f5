/**
 * kube-proxy's iptables chain names: a prefix plus the first 16 characters of
 * base32(sha256(...)), so names stay within iptables' 28-character limit.
 * SRC: kubernetes pkg/proxy/iptables/proxier.go portProtoHash, servicePortPolicyClusterChain,
 * servicePortPolicyLocalChainName, serviceFirewallChainName, serviceExternalChainName,
 * servicePortEndpointChainName (v1.31)
 */
import { createHash } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (Go's base32.StdEncoding), without padding: only the first 16 characters are ever used. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function hash16(text: string): string {
  return base32(createHash('sha256').update(text).digest()).slice(0, 16);
}

/** `<ns>/<svc>` plus `:<port name>` when the port is named (proxy.ServicePortName.String()). */
export function servicePortName(namespace: string, service: string, portName: string | undefined): string {
  return `${namespace}/${service}${portName ? `:${portName}` : ''}`;
}

/** The per-service-port chains; protocol is lower-cased as kube-proxy does. */
export interface ServiceChains {
  /** KUBE-SVC-…: cluster-wide endpoints (Cluster policy). */
  svc: string;
  /** KUBE-SVL-…: node-local endpoints (Local policy). */
  svl: string;
  /** KUBE-EXT-…: entry for NodePort, external IP and load-balancer traffic. */
  ext: string;
  /** KUBE-FW-…: loadBalancerSourceRanges firewall. */
  fw: string;
}

/** The four chain names of one service port. */
export function serviceChains(spn: string, protocol: string): ServiceChains {
  const h = hash16(spn + protocol.toLowerCase());
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP-… for one endpoint `ip:port` of a service port. */
export function endpointChain(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + protocol.toLowerCase() + endpoint)}`;
}
