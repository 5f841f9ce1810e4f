/**
 * Parses a `Retry-After` header (RFC 9110 §10.2.3: delay in seconds, or an HTTP date) into milliseconds
 * from `nowMs`. Returns `undefined` for a missing or unreadable value; a date in the past gives 0.
 */
export function parseRetryAfterMs(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only date-shaped text: Date.parse accepts bare numbers like "-5" as years.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
