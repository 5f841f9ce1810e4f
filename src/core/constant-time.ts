// The one constant-time comparison of the SDK: OAuth `state`, OAuth 1 request tokens and webhook signatures.
// Web Crypto has no timing-safe compare and `node:crypto` is not available in every runtime, so it is written here.

const encoder = new TextEncoder();

/**
 * Whether `a` and `b` hold the same bytes, in time that depends only on their lengths, never on where they
 * differ, so that a forged value cannot be guessed one byte at a time. Strings are compared as UTF-8.
 * Values of different kinds (a string and bytes, or anything else) are never equal.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const kindA = typeof a === 'string' ? 'string' : a instanceof Uint8Array ? 'bytes' : undefined;
  const kindB = typeof b === 'string' ? 'string' : b instanceof Uint8Array ? 'bytes' : undefined;
  if (kindA === undefined || kindA !== kindB) return false;
  const left = typeof a === 'string' ? encoder.encode(a) : a;
  const right = typeof b === 'string' ? encoder.encode(b) : b;
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let i = 0; i < length; i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}
