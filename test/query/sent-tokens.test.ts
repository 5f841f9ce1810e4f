import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { KEPT_TOKENS, sentTokens } from '../../src/query/sent-tokens.js';

/** Feeds `next(k)` (the token for page k) until a token is known, as paging does; returns the page it stopped at. */
function pagesUntilCycle(next: (page: number) => string, limit: number): number | undefined {
  const sent = sentTokens(undefined);
  for (let page = 1; page <= limit; page++) {
    const token = next(page);
    if (sent.pageOf(token) !== undefined) return page;
    sent.add(token, page);
  }
  return undefined;
}

/** Distinct tokens for pages 1 … start-1, then a cycle of `length` tokens of its own from page `start`. */
const cycleAt = (start: number, length: number) => (page: number) =>
  page < start ? `t${page}` : `c${(page - start) % length}`;

describe('the tokens a paging iteration has sent', () => {
  test('a token sent before is known with the page it fetched; another is not', () => {
    const sent = sentTokens('resumed');
    sent.add('A', 1);
    sent.add('B', 2);
    expect(sent.pageOf('A')).toBe(1);
    expect(sent.pageOf('resumed')).toBe(0);
    expect(sent.pageOf('C')).toBeUndefined();
  });

  test('distinct tokens, however many, are never taken for a cycle', () => {
    expect(pagesUntilCycle((page) => `t${page}`, 200_000)).toBeUndefined();
  });

  test('a cycle of up to a thousand pages is caught at its first repeated token, at any depth', () => {
    for (const start of [2, 500, KEPT_TOKENS + 1, 20_000, 150_000]) {
      for (const length of [1, 2, 3, 64, KEPT_TOKENS]) {
        expect(pagesUntilCycle(cycleAt(start, length), start + 3 * length), `${start}, ${length}`).toBe(
          start + length,
        );
      }
    }
  });

  test('a cycle back to one of the first thousand tokens is caught at once, however long it is', () => {
    // After 50,000 pages, the server starts again from the token of page 10.
    const token = (page: number) => `t${page <= 50_000 ? page : 10 + ((page - 50_001) % 49_991)}`;
    expect(pagesUntilCycle(token, 60_000)).toBe(50_001);
  });

  test('a longer cycle past the first thousand tokens is still caught, within the pages before it and a few of its lengths', () => {
    for (const start of [KEPT_TOKENS * 2 + 1, 30_017]) {
      for (const length of [KEPT_TOKENS + 1, 4099]) {
        const stopped = pagesUntilCycle(cycleAt(start, length), 4 * start + 10 * length);
        expect(stopped, `${start}, ${length}`).toBeDefined();
        expect(stopped! - start).toBeLessThanOrEqual(start + 4 * length);
      }
    }
  });

  test('memory stays flat: 100,000 tokens of 60 characters keep well under 1 MB', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const sent = sentTokens(undefined);
    // Some 10 MB if every token were kept.
    for (let page = 1; page <= 100_000; page++) sent.add(`${'x'.repeat(50)}-${page}`, page);
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1_000_000);
    expect(sent.pageOf(`${'x'.repeat(50)}-1`)).toBe(1);
    expect(sent.pageOf(`${'x'.repeat(50)}-100000`)).toBe(100_000);
  });
});
