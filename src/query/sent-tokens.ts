/**
 * The next-page tokens one iteration has sent, to stop on a server that goes round in a cycle (A → B → A …), which
 * would otherwise never end. The first tokens are kept exactly, so a cycle among them is caught at its first
 * repeated token; past that, memory stays flat: one token is kept at a time (Brent's method), and a cycle is caught
 * within about twice its length. A loop of a million pages would otherwise keep a million tokens.
 */

/** Tokens kept exactly: real cycles are short (a token that points back one or two pages). */
export const EXACT_TOKENS = 1000;

export class SentTokens {
  private readonly exact = new Map<string | undefined, number>();
  // Brent's method past the exact tokens: `kept` is replaced at steps 1, 2, 4, 8 … after the last replacement, so
  // a cycle of any length comes round to it once the steps outgrow the cycle.
  private kept: string | undefined = undefined;
  private keptPage = 0;
  private steps = 0;
  private stride = 1;

  constructor(first: string | undefined) {
    this.exact.set(first, 0);
  }

  /** The page `token` was sent for, if this iteration sent it (and still knows it). */
  pageOf(token: string): number | undefined {
    return this.exact.get(token) ?? (token === this.kept ? this.keptPage : undefined);
  }

  /** Notes that `token` is sent for page `page` (0 for the first page of the iteration). */
  add(token: string, page: number): void {
    if (this.exact.size < EXACT_TOKENS) {
      this.exact.set(token, page);
    } else if (++this.steps >= this.stride) {
      this.kept = token;
      this.keptPage = page;
      this.steps = 0;
      this.stride *= 2;
    }
  }
}
