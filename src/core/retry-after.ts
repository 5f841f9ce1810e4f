// The three forms of an HTTP date (RFC 9110 §5.6.7), roughly: `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate),
// `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) and `Sun Nov  6 08:49:37 1994` (asctime); Date.parse checks the rest.
const HTTP_DATE = /^[A-Za-z]{3,9},? [\w -]+ \d\d:\d\d:\d\d (GMT|\d{4})$/;

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
  // Only the three HTTP-date forms (IMF-fixdate, RFC 850, asctime): Date.parse reads nearly anything, and
  // "x 99999" would be the year 99999, "a 1" the year 2001.
  if (!HTTP_DATE.test(text)) return undefined;
  // asctime carries no zone, and an HTTP date is always GMT.
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
