/** The simulator's injected clock and seeded random generator (no module-level state). */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** A clock the simulation reads; the simulator's own only moves when told to. */
export interface Clock {
  now(): Date;
}

/** A clock that starts at a fixed instant and advances only by `advance`. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date) {
    this.#ms = start.getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** A seeded random source; every random choice of the simulator goes through one. */
export class Random {
  readonly seed: number;
  #gen: Generator;
  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.#gen = xoroshiro128plus(this.seed);
  }
  /** An integer in [min, max] inclusive. */
  intBetween(min: number, max: number): number {
    return uniformInt(this.#gen, min, max);
  }
  /** An integer in [0, n). */
  below(n: number): number {
    if (n <= 0) throw new RangeError(`Random.below needs n > 0, got ${n}`);
    return this.intBetween(0, n - 1);
  }
  /** `n` characters from `alphabet`, as Kubernetes' utilrand.String does for name suffixes. */
  string(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
  /** A new independent generator derived from this one (e.g. one per scenario). */
  fork(): Random {
    return new Random(this.intBetween(0, 0xffffffff));
  }
}

/** The alphabet Kubernetes uses for generated name suffixes (apimachinery util/rand: no vowels, no confusable digits). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
