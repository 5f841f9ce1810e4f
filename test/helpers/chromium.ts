import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is installed. */
export const hasChromium = existsSync(chromiumPath);

/**
 * Browser tests run when Chromium is there, and also under `CI=true`, where a missing Chromium must fail the run
 * instead of hiding behind a skip.
 */
export const runBrowserTests = hasChromium || process.env.CI === 'true';

/** A describe title that says why the suite is skipped when it is. */
export function browserSuiteTitle(title: string): string {
  return hasChromium ? title : `${title} (skipped: no Chromium at ${chromiumPath}; apt-get install chromium)`;
}

/** Fails a suite under CI when Chromium is missing (call it first in `beforeAll`). */
export function assertChromium(): void {
  if (!hasChromium) {
    throw new Error(
      `Chromium is required under CI=true (missing: ${chromiumPath}); apt-get install chromium`,
    );
  }
}

/** Launch flags: no sandbox in containers, no traffic Chromium would start by itself (toolchain.md §8). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
