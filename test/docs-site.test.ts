import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertChromium,
  browserSuiteTitle,
  chromiumArgs,
  chromiumPath,
  runBrowserTests,
} from './helpers/chromium.js';
import { loadSpecValidator } from './helpers/spec-validator.js';

const root = fileURLToPath(new URL('..', import.meta.url));

type TagOperations = { tag: string; summaries: string[] };

describe.skipIf(!runBrowserTests)(browserSuiteTitle('the docs site'), () => {
  let workDir: string;
  let context: BrowserContext;
  let page: Page;
  let tags: TagOperations[];
  let docsUrl: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    assertChromium();
    workDir = mkdtempSync(join(tmpdir(), 'ce-docs-'));
    const build = spawnSync(
      join(root, 'node_modules/.bin/redocly'),
      ['build-docs', 'cloud-elements@v2', '--inlineBundle', '--output', join(workDir, 'index.html')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } },
    );
    expect(build.status, build.stderr).toBe(0);

    const { doc } = await loadSpecValidator();
    const byTag = new Map<string, string[]>();
    for (const item of Object.values(doc.paths as Record<string, Record<string, unknown>>)) {
      const pathItem = (typeof item.$ref === 'string' ? undefined : item) ?? {};
      for (const op of Object.values(pathItem)) {
        const { tags: opTags, summary } = (op ?? {}) as { tags?: string[]; summary?: string };
        if (!opTags || !summary) continue;
        for (const tag of opTags) byTag.set(tag, [...(byTag.get(tag) ?? []), summary]);
      }
    }
    tags = [...byTag].map(([tag, summaries]) => ({ tag, summaries }));

    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Offline: only the file itself (and data: URLs inside it) may load.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    docsUrl = pathToFileURL(join(workDir, 'index.html')).href;
    await page.goto(docsUrl);
    await page.getByText('Search Ctrl+K').waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('renders every tag with all of its operations while offline', async () => {
    expect(tags.length).toBeGreaterThan(0);
    for (const { tag, summaries } of tags) {
      const label = page
        .getByTestId('menu-item-label')
        .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(tag)}\\s*$`) })
        .first();
      const group = page.locator('.menu-item-type-group').filter({ has: label }).first();
      const visibleOperations = () =>
        group
          .locator('.menu-item-type-operation')
          .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
      const operationsAppear = async (withinMs: number) => {
        for (const end = Date.now() + withinMs; Date.now() < end; await page.waitForTimeout(100)) {
          if ((await visibleOperations()).length > 0) return true;
        }
        return false;
      };
      // A tag label toggles its group, and Redoc may already have opened it while scrolling: click again if
      // the first click closed it.
      await label.click();
      if (!(await operationsAppear(2_000))) {
        await label.click();
        expect(await operationsAppear(30_000), `the ${tag} group opens`).toBe(true);
      }
      const labels = await visibleOperations();
      const missing = summaries.filter((summary) => !labels.some((label) => label.includes(summary)));
      expect(missing, `operations of tag ${tag} missing from the navigation`).toEqual([]);

      // Opening the first operation shows its page with the summary as a heading.
      await page.locator('.menu-item-type-operation', { hasText: summaries[0] }).first().click();
      await expect
        .poll(() => page.getByRole('heading', { name: summaries[0] }).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
    }
  }, 300_000);

  test('finds an operation by name with the search box', async () => {
    const wanted = 'Get the OAuth authorization URL of an element';
    // A fresh page: the previous test left many groups open.
    await page.goto(docsUrl);
    await page.getByText('Search Ctrl+K').waitFor({ timeout: 30_000 });
    await page.getByText('Search Ctrl+K').click();
    await page.getByPlaceholder('Search docs...').fill('OAuth authorization URL');
    await expect
      .poll(() => page.getByText(wanted, { exact: false }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  }, 60_000);

  test('makes no network request beyond the page itself except a blocked logo', () => {
    // Redoc's "API docs by" logo is the only remote asset; it is blocked and the page works without it.
    expect(blocked.filter((url) => !url.endsWith('logo-mini-full.svg'))).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
