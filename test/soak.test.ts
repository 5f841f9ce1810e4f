import { describe, expect, it } from 'vitest';
import { runSoak } from '../scripts/soak.js';

// The short version of `npm run soak`: the same fault mix and checks, fewer calls.
describe('calls under every emulator fault at once', () => {
  it.each([
    { through: 'the runtime fetch', undici: false },
    { through: 'createUndiciFetch()', undici: true },
  ])(
    'through $through: all end, all failures are typed, nothing is unhandled, no secret shows and no listener stays',
    async ({ undici }) => {
      const report = await runSoak({ calls: 800, concurrency: 40, seed: 7, timeoutMs: 1500, undici });
      expect(report.hung).toBe(0);
      expect(report.untyped, report.untypedExamples.join('\n')).toBe(0);
      expect(report.unhandledRejections).toBe(0);
      expect(report.secretsInErrorsAndLogs).toBe(0);
      expect(report.listenersLeft).toBe(0);
      // The faults really fired, and the calls mostly succeeded through them.
      expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(80);
      expect(report.retried).toBeGreaterThan(0);
      expect(report.pagesRead).toBeGreaterThan(50);
      expect(report.completed).toBeGreaterThan(report.calls * 0.8);
      // A proxy's HTML page is typed as such, not taken for a lost connection.
      if (report.faults['htmlAnswer']! > 0)
        expect(report.typedErrors['InvalidResponseError']).toBeGreaterThan(0);
    },
    120_000,
  );
});
