// The one constant-time comparison of the SDK: OAuth `state`, OAuth 1 request tokens and webhook signatures.
// Web Crypto has no timing-safe compare and `node:crypto` is not available in every runtime, so it is written here.

const encoder = new TextEncoder();

/** The bytes to compare: a string's UTF-8, a byte array itself, `undefined` for anything else. */
function bytesOf(value: unknown): Uint8Array | undefined {
  if (typeof value === 'string') return encoder.encode(value);
  return value instanceof Uint8Array ? value : undefined;
}

/**
 * Whether `a` and `b` hold the same bytes, in time that depends only on their lengths, never on where they
 * differ, so that a forged value cannot be guessed one byte at a time. Strings are compared as UTF-8.
 * Values of different kinds (a string and bytes, or anything else) are never equal.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const left = bytesOf(a);
  const right = bytesOf(b);
  // Both must be strings or both byte arrays: `typeof` tells the two apart once each is one of them.
  if (left === undefined || right === undefined || typeof a !== typeof b) return false;
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let i = 0; i < length; i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
