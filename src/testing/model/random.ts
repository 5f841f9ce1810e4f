import { randomBytes } from 'node:crypto';

/** A seedable source of numbers in [0, 1): the same seed gives the same sequence. */
export interface RandomSource {
  /** The next number in [0, 1). */
  next(): number;
}

/**
 * Creates a deterministic random source (mulberry32) from a 32-bit seed.
 *
 * @param seed - Any integer; only its low 32 bits count.
 */
export function createRandomSource(seed: number): RandomSource {
  let stateBits = seed >>> 0;
  return {
    next() {
      stateBits = (stateBits + 0x6d2b79f5) >>> 0;
      let t = stateBits;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Creates a random secret or token shaped like Cloud Elements' (base64 of `bytes` random bytes). */
export function createSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64');
}

/** Creates a lowercase hex identifier of `bytes` random bytes (request ids look like `5b0437c6e4b07731ae39b533`). */
export function createHexId(bytes = 12): string {
  return randomBytes(bytes).toString('hex');
}
