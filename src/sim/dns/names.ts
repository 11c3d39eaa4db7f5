/** DNS name helpers shared by CoreDNS, the resolvers and the dig/nslookup renderers. */

/** The name with exactly one trailing dot, lower-cased (DNS names compare case-insensitively). */
export function fqdn(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '' || lower === '.') return '.';
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** Labels of a name without the root: "a.b.c." → ["a", "b", "c"]. */
export function labelsOf(name: string): string[] {
  return fqdn(name).split('.').filter((label) => label !== '');
}

/** Is `name` inside (or equal to) `zone`? Both may omit the trailing dot. */
export function inZone(name: string, zone: string): boolean {
  const n = fqdn(name);
  const z = fqdn(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** The labels of `name` in front of `zone` ("howe.default.svc.cluster.local", "cluster.local" → ["howe","default","svc"]). */
export function labelsBefore(name: string, zone: string): string[] {
  const all = labelsOf(name);
  return all.slice(0, all.length - labelsOf(zone).length);
}

/** The in-addr.arpa name of an IPv4 address: 10.96.0.10 → "10.0.96.10.in-addr.arpa." */
export function reverseName(ipv4: string): string {
  return `${ipv4.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** The IPv4 address an in-addr.arpa name stands for, or undefined when it is not a full IPv4 reverse name. */
export function addressOfReverseName(name: string): string | undefined {
  const labels = labelsOf(name);
  if (labels.length !== 6 || labels[4] !== 'in-addr' || labels[5] !== 'arpa') return undefined;
  const octets = labels.slice(0, 4).reverse();
  return octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255) ? octets.join('.') : undefined;
}

/** Is the text a dotted-quad IPv4 address? */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** The name with one trailing dot, case kept (what a server echoes back). */
export function absolute(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name : `${name}.`;
}
