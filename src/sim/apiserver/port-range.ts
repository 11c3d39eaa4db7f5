/** The NodePort range of `--service-node-port-range` (SRC: kubernetes pkg/registry/core/service/portallocator/allocator.go, v1.31). */

/** Inclusive port range. */
export interface PortRange { min: number; max: number }

/** Number of ports in the range. */
export const portRangeSize = (r: PortRange): number => r.max - r.min + 1;

/** `30000-32767` (net.PortRange String). */
export const portRangeString = (r: PortRange): string => `${r.min}-${r.max}`;

/** min(max(16, size/32), 128), 0 when size ≤ 16 (SRC: portallocator/allocator.go calculateRangeOffset). */
export function calculatePortRangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

/** The static (low) and dynamic (high) bands of a range. */
export function portBands(r: PortRange): { static: PortRange | undefined; dynamic: PortRange } {
  const offset = calculatePortRangeOffset(portRangeSize(r));
  return {
    static: offset === 0 ? undefined : { min: r.min, max: r.min + offset - 1 },
    dynamic: { min: r.min + offset, max: r.max },
  };
}
