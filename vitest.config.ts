import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/plain-summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
