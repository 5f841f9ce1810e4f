/**
 * The next-page tokens one iteration has sent, to stop on a server that goes round in a cycle (A → B → A …), which
 * would otherwise never end, with memory that stays flat however many pages go by. A cycle is caught at its first
 * repeated token when it comes back to one of the first thousand tokens or to one of the last thousand (every
 * cycle of up to a thousand pages, at any depth); a longer cycle, later, by Brent's method, which keeps one more
 * token. A loop of a million pages would otherwise keep a million tokens.
 */

/** Tokens kept from the start of the iteration, and tokens kept from its end. */
export const KEPT_TOKENS = 1000;

/** The tokens sent so far, starting with `first` (the token of the iteration's first page, if any). */
export function sentTokens(first: string | undefined) {
  const earliest = new Map<string | undefined, number>([[first, 0]]);
  // The last tokens past the earliest, oldest first (a Map keeps the order of insertion).
  const latest = new Map<string, number>();
  // Brent's method: `kept` is replaced 1, 2, 4, 8 … tokens after its last replacement, so a cycle of any length
  // comes round to it once the stride outgrows the cycle and the pages before it. (Closures, not a class: a
  // minifier can shorten these names, not a class's fields.)
  let kept: string | undefined;
  let keptPage = 0;
  let steps = 0;
  let stride = 1;
  return {
    /** The page `token` was sent for, if this iteration sent it (and still knows it). */
    pageOf: (token: string): number | undefined =>
      earliest.get(token) ?? latest.get(token) ?? (token === kept ? keptPage : undefined),
    /** Notes that `token` is sent for page `page` (0 for the first page of the iteration). */
    add(token: string, page: number): void {
      if (earliest.size < KEPT_TOKENS) {
        earliest.set(token, page);
        return;
      }
      latest.set(token, page);
      if (latest.size > KEPT_TOKENS) latest.delete(latest.keys().next().value!);
      if (++steps >= stride) {
        kept = token;
        keptPage = page;
        steps = 0;
        stride *= 2;
      }
    },
  };
}
