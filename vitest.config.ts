import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/helpers/global-setup.ts'],
    setupFiles: ['./test/helpers/fast-check-seed.ts'],
    reporters: ['default', './test/helpers/plain-summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
