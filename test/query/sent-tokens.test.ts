import { describe, expect, test } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EXACT_TOKENS, sentTokens } from '../../src/query/sent-tokens.js';

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

describe('the tokens a paging iteration has sent', () => {
  test('a token repeated among the first thousand is caught at once, with the page it fetched', () => {
    const sent = sentTokens('resumed');
    sent.add('A', 1);
    sent.add('B', 2);
    expect(sent.pageOf('A')).toBe(1);
    expect(sent.pageOf('resumed')).toBe(0);
    expect(sent.pageOf('C')).toBeUndefined();
  });

  test('a long list of distinct tokens is never taken for a cycle, and only the first thousand are kept', () => {
    expect(pagesUntilCycle((page) => `t${page}`, 200_000)).toBeUndefined();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const sent = sentTokens(undefined);
    // 100,000 tokens of about 60 characters, as Cloud Elements writes them: some 10 MB if all were kept.
    for (let page = 1; page <= 100_000; page++) sent.add(`${'x'.repeat(50)}-${page}`, page);
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1_000_000);
    expect(sent.pageOf(`${'x'.repeat(50)}-1`)).toBe(1);
  });

  test('a cycle that starts past the tokens kept exactly is caught within a few of its lengths', () => {
    for (const start of [EXACT_TOKENS + 1, EXACT_TOKENS * 3 + 17]) {
      for (const length of [1, 2, 3, 7, 64, 1000, 4099]) {
        // Pages 1 … start-1 are distinct; from `start` on, the tokens go round `length` of them.
        const token = (page: number) => (page < start ? `t${page}` : `c${(page - start) % length}`);
        const stopped = pagesUntilCycle(token, start + 10 * length + 10 * EXACT_TOKENS);
        expect(stopped, `start ${start}, length ${length}`).toBeDefined();
        // The stride has grown with the pages before the cycle, so it may take that long again to come round.
        expect(stopped! - start).toBeLessThanOrEqual(start - EXACT_TOKENS + 4 * length);
      }
    }
  });
});
