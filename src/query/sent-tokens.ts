/**
 * The next-page tokens one iteration has sent, to stop on a server that goes round in a cycle (A → B → A …), which
 * would otherwise never end. The first tokens are kept exactly, so a cycle among them is caught at its first
 * repeated token; past that, memory stays flat: one token is kept at a time (Brent's method), and a cycle is caught
 * within a few of its lengths. A loop of a million pages would otherwise keep a million tokens.
 */

/** Tokens kept exactly: real cycles are short (a token that points back one or two pages). */
export const EXACT_TOKENS = 1000;

/** The tokens sent so far, starting with `first` (the token of the iteration's first page, if any). */
export function sentTokens(first: string | undefined) {
  const exact = new Map<string | undefined, number>([[first, 0]]);
  // Brent's method past the exact tokens: `kept` is replaced 1, 2, 4, 8 … tokens after its last replacement, so a
  // cycle of any length comes round to it once the stride outgrows the cycle. (Closures, not a class: a minifier
  // can shorten these names, not a class's fields.)
  let kept: string | undefined;
  let keptPage = 0;
  let steps = 0;
  let stride = 1;
  return {
    /** The page `token` was sent for, if this iteration sent it (and still knows it). */
    pageOf: (token: string): number | undefined =>
      exact.get(token) ?? (token === kept ? keptPage : undefined),
    /** Notes that `token` is sent for page `page` (0 for the first page of the iteration). */
    add(token: string, page: number): void {
      if (exact.size < EXACT_TOKENS) exact.set(token, page);
      else if (++steps >= stride) {
        kept = token;
        keptPage = page;
        steps = 0;
        stride *= 2;
      }
    },
  };
}
