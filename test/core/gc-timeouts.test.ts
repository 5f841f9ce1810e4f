import { describe, expect, it } from 'vitest';
import { runCollectingProcess } from '../helpers/gc-process.js';

// Node 20's fetch hears an abort only through a weak reference (nodejs/undici#4068): once garbage is collected, a
// timeout that relies on it never fires. This runs calls in a separate process with --expose-gc, collecting
// garbage every 20 ms while they wait on a server that never answers.
describe('timeouts and aborts after garbage collection', () => {
  it('end every call on time in a warmed-up process that collects garbage', () => {
    const { timeouts, aborts, plainFetch } = runCollectingProcess<{
      timeouts: { kind: string; ms: number }[];
      aborts: { kind: string; ms: number }[];
      plainFetch: string[];
    }>(new URL('./scripts/gc-timeouts.ts', import.meta.url));
    // The conditions are real: in the same process, plain fetch loses its aborts to the collector.
    expect(plainFetch.filter((outcome) => outcome === 'pending').length).toBeGreaterThan(0);
    expect(timeouts.map((t) => t.kind)).toEqual(Array(20).fill('timeout'));
    expect(aborts.map((a) => a.kind)).toEqual(Array(10).fill('abort'));
    // 300 ms limit and 100 ms abort; the margin covers a loaded machine, not a lost timer (that would be 5000).
    for (const t of timeouts) expect(t.ms).toBeLessThan(2000);
    for (const a of aborts) expect(a.ms).toBeLessThan(2000);
  }, 90_000);
});
