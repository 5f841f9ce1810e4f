import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SDK_VERSION } from '../src/index.js';

// What users install: the package built from src/ by `npm run build`, reached through package.json `exports`.
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  exports: Record<string, { types: string; default: string }>;
};

describe('the published package', () => {
  let outDir: string;
  beforeAll(() => {
    // Inside the repository, so that the built files resolve openapi-fetch from node_modules as users' would.
    outDir = mkdtempSync(join(root, '.tmp-build-'));
    const build = spawnSync(
      join(root, 'node_modules/.bin/tsc'),
      ['-p', 'tsconfig.build.json', '--outDir', join(outDir, 'dist')],
      { cwd: root, encoding: 'utf8' },
    );
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('sends the package version in its User-Agent', () => {
    expect(SDK_VERSION).toBe(pkg.version);
  });

  test('depends on openapi-fetch only', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
  });

  test('builds every entry point that package.json exports, with its types', async () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const js = join(outDir, target.default);
      expect(existsSync(js), `${name} → ${target.default}`).toBe(true);
      expect(existsSync(join(outDir, target.types)), `${name} → ${target.types}`).toBe(true);
    }
    const sdk = (await import(pathToFileURL(join(outDir, pkg.exports['.']!.default)).href)) as Record<
      string,
      unknown
    >;
    const testing = (await import(
      pathToFileURL(join(outDir, pkg.exports['./testing']!.default)).href
    )) as Record<string, unknown>;
    for (const name of [
      'createClient',
      'unwrap',
      'startOAuth',
      'paginate',
      'ceql',
      'createWebhookVerifier',
    ]) {
      expect(typeof sdk[name], name).toBe('function');
    }
    expect(typeof testing.startEmulator).toBe('function');
    const webhooks = (await import(
      pathToFileURL(join(outDir, pkg.exports['./webhooks']!.default)).href
    )) as Record<string, unknown>;
    expect(typeof webhooks.createWebhookVerifier).toBe('function');
    expect(webhooks.createClient).toBeUndefined();
    const node = (await import(pathToFileURL(join(outDir, pkg.exports['./node']!.default)).href)) as Record<
      string,
      unknown
    >;
    expect(typeof node.uploadBulkFile).toBe('function');
    expect(typeof node.parseNodeWebhookRequest).toBe('function');
  }, 60_000);
});
