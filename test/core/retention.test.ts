import { describe, expect, it } from 'vitest';
import { runCollectingProcess } from '../helpers/gc-process.js';

// A response the caller keeps (for its headers, its request id) must not keep what was read from it: a job that
// keeps the last response of each page would otherwise hold every parsed page.
describe('what a kept response holds', () => {
  it('lets the parsed body go once the caller drops it', () => {
    const { result } = runCollectingProcess<{ result: Record<string, boolean> }>(
      new URL('./scripts/retention.ts', import.meta.url),
    );
    expect(result).toEqual({ keepResponseDropJson: true });
  }, 90_000);
});
