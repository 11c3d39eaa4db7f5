/** The random-scan-with-offset strategy both service allocators use (SRC: kubernetes pkg/registry/core/service/allocator/bitmap.go randomScanStrategyWithOffset, v1.31). */
import type { Random } from '../context.ts';

/**
 * Picks a free offset in [0, max): a random start in the upper (dynamic) band [offset, max), scanning
 * forward with wrap-around; when that band is full, the same in the lower (static) band [0, offset).
 * Returns undefined when everything is taken.
 */
export function randomScanWithOffset(rng: Random, max: number, offset: number, isUsed: (at: number) => boolean): number | undefined {
  const upper = max - offset;
  if (upper > 0) {
    const start = rng.below(upper);
    for (let i = 0; i < upper; i++) {
      const at = offset + ((start + i) % upper);
      if (!isUsed(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.below(offset);
    for (let i = 0; i < offset; i++) {
      const at = (start + i) % offset;
      if (!isUsed(at)) return at;
    }
  }
  return undefined;
}
