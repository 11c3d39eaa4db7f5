/** Object uids: random RFC 4122 version-4 UUIDs, drawn from the simulation's seeded generator. */
import type { Random } from '../context.ts';

// SRC: apimachinery pkg/util/uuid (google/uuid NewUUID → version 4, variant 10xx), rendered 8-4-4-4-12.
/** A new uid such as `3f0c8f9e-5b1a-4c2d-9e3f-0a1b2c3d4e5f`, deterministic for a seed. */
export function newUid(rng: Random): string {
  const bytes = Array.from({ length: 16 }, () => rng.intBetween(0, 255));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
