// The one constant-time comparison of the SDK: OAuth `state`, OAuth 1 request tokens and webhook signatures.
// Web Crypto has no timing-safe compare and `node:crypto` is not available in every runtime, so it is written here.

/**
 * Whether `a` and `b` hold the same text or the same bytes, in time that depends only on their lengths, never on
 * where they differ, so that a forged value cannot be guessed one character at a time. Strings are compared by
 * their UTF-16 code units (the same strings have the same units), without encoding them first.
 * Values of different kinds (a string and bytes, or anything else) are never equal.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    return sameUnits(
      a.length,
      b.length,
      (i) => a.charCodeAt(i),
      (i) => b.charCodeAt(i),
    );
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return sameUnits(
      a.length,
      b.length,
      (i) => a[i]!,
      (i) => b[i]!,
    );
  }
  return false;
}

/** Compares every unit up to the longer length (past its end a side reads as 0), never stopping early. */
function sameUnits(
  leftLength: number,
  rightLength: number,
  left: (i: number) => number,
  right: (i: number) => number,
): boolean {
  const length = Math.max(leftLength, rightLength);
  let difference = leftLength ^ rightLength;
  for (let i = 0; i < length; i++) {
    difference |= (i < leftLength ? left(i) : 0) ^ (i < rightLength ? right(i) : 0);
  }
  return difference === 0;
}
