/**
 * The kube-apiserver flags a scenario may set (in /etc/kubernetes/manifests/kube-apiserver.yaml on a kubeadm lab).
 * SRC: apimachinery pkg/util/net/port_range.go (PortRange.Set), kubernetes cmd/kube-apiserver/app/options/validation.go (v1.31).
 */
import type { ClusterConfig } from '../cluster-config.ts';
import { parseServiceIPRange } from './ip-range.ts';

const SUPPORTED = ['--service-node-port-range', '--service-cluster-ip-range'];

/** Applies flags to the config; the first bad flag stops with the message kube-apiserver (or the simulator) gives. */
export function applyApiServerFlags(config: ClusterConfig, flags: string[]): { ok: true } | { ok: false; message: string } {
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    const eq = flag.indexOf('=');
    const name = eq >= 0 ? flag.slice(0, eq) : flag;
    if (!SUPPORTED.includes(name)) {
      return { ok: false, message: `unsupported kube-apiserver flag "${name}": the simulator models only ${SUPPORTED.join(', ')}` };
    }
    let value: string | undefined = eq >= 0 ? flag.slice(eq + 1) : flags[++i];
    if (value === undefined) return { ok: false, message: `flag needs an argument: ${name}` };
    value = value.trim();
    if (name === '--service-node-port-range') {
      const range = parsePortRange(value);
      if ('error' in range) return { ok: false, message: `invalid argument "${value}" for "${name}" flag: ${range.error}` };
      config.serviceNodePortRange = range;
    } else {
      const range = parseServiceIPRange(value);
      if ('error' in range) return { ok: false, message: range.error.startsWith('IPv6') ? range.error : 'service-cluster-ip-range[0] is not a valid cidr' };
      const bits = Number(value.split('/')[1]);
      // SRC: options/validation.go validateMaxCIDRRange: at most 20 host bits for IPv4.
      if (bits < 12) return { ok: false, message: 'specified --service-cluster-ip-range[0] is too large; for 32-bit addresses, the mask must be >= 12' };
      config.serviceClusterIPRange = range.cidr;
    }
  }
  return { ok: true };
}

/** net.PortRange Set: `a-b`, `a+n` (n more ports after a), or a single port; inclusive. */
export function parsePortRange(value: string): { min: number; max: number } | { error: string } {
  const hyphen = value.indexOf('-');
  const plus = value.indexOf('+');
  let low: number | string;
  let high: number | string;
  if (value === '') return { error: 'empty port range' };
  if (hyphen >= 0 && plus >= 0) return { error: `unable to parse port range: ${value}` };
  if (hyphen >= 0) {
    low = atoi(value.slice(0, hyphen));
    high = atoi(value.slice(hyphen + 1));
  } else if (plus >= 0) {
    low = atoi(value.slice(0, plus));
    const offset = atoi(value.slice(plus + 1));
    high = typeof low === 'number' && typeof offset === 'number' ? low + offset : typeof offset === 'string' ? offset : low;
  } else {
    low = high = atoi(value);
  }
  if (typeof low === 'string') return { error: low };
  if (typeof high === 'string') return { error: high };
  if (low > 65535 || high > 65535) return { error: `the port range cannot be greater than 65535: ${value}` };
  if (high < low) return { error: `end port cannot be less than start port: ${value}` };
  return { min: low, max: high };
}

// strconv.Atoi: an optional sign and decimal digits; errors are returned as Go words them.
function atoi(text: string): number | string {
  return /^[+-]?\d+$/.test(text) ? Number(text) : `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
}
