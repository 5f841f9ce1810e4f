import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

const root = fileURLToPath(new URL('..', import.meta.url));

type CodeSample = { lang: string; label?: string; source: string };
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  'x-codeSamples'?: CodeSample[];
};
type SiteDoc = {
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  tags: { name: string; description?: string; 'x-traitTag'?: boolean }[];
};
type TagOperations = { tag: string; webhooks: boolean; operations: Operation[] };

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

/** Runs a command; resolves with its exit status and output. */
function run(command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** The line of a sample that makes its call: the first that names the call's function (`crm.GET(`, `paginate(`). */
function callLine(sample: CodeSample, operation: Operation): string {
  const call = /\*\*TypeScript SDK:\*\* `([^`]+)`/.exec(operation.description ?? '')?.[1] ?? '';
  const callee = call.slice(0, call.indexOf('(') + 1);
  const line = sample.source.split('\n').find((text) => callee !== '' && text.includes(callee));
  return (line ?? '').trim();
}

// The site as `npm run generate` and `npm run docs` build it (scripts/site/site.mjs and typedoc.json), into a
// temporary folder, opened from file:// with every other request blocked.
describe.skipIf(!runBrowserTests)(browserSuiteTitle('the docs site'), () => {
  let workDir: string;
  let context: BrowserContext;
  let page: Page;
  let site: SiteDoc;
  let tags: TagOperations[];
  let reference: { status: number | null; output: string };
  let docsUrl: string;
  const blocked: string[] = [];

  const openDocs = async () => {
    await page.goto(docsUrl);
    await page.getByText('Search Ctrl+K').waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    assertChromium();
    workDir = mkdtempSync(join(tmpdir(), 'ce-docs-'));
    const [build, typedoc] = await Promise.all([
      run(process.execPath, ['scripts/site/site.mjs', '--out', workDir]),
      run(join(root, 'node_modules/.bin/typedoc'), ['--out', join(workDir, 'sdk')]),
    ]);
    expect(build.status, build.output).toBe(0);
    reference = typedoc;

    site = JSON.parse(readFileSync(join(workDir, 'openapi.json'), 'utf8')) as SiteDoc;
    const byTag = new Map<string, TagOperations>();
    for (const [source, items] of [
      ['paths', site.paths],
      ['webhooks', site.webhooks ?? {}],
    ] as const) {
      for (const item of Object.values(items)) {
        for (const [method, op] of Object.entries(item)) {
          if (!METHODS.has(method) || !op.summary) continue;
          for (const tag of op.tags ?? []) {
            const entry = byTag.get(tag) ?? { tag, webhooks: source === 'webhooks', operations: [] };
            entry.operations.push(op);
            byTag.set(tag, entry);
          }
        }
      }
    }
    tags = [...byTag.values()];

    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    // Offline: only files (and data: URLs inside them) may load, on every page of the site.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    docsUrl = pathToFileURL(join(workDir, 'index.html')).href;
    await openDocs();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('renders every tag with all of its operations, and a TypeScript sample on one of each', async () => {
    expect(tags.length).toBeGreaterThan(0);
    for (const { tag, webhooks, operations } of tags) {
      const summaries = operations.map((op) => op.summary!);
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

      // The chosen operation of the tag, its first: the page has its heading and shows its sample's call, in
      // the request panel (a webhook's in its description, as Redoc offers only the payload there).
      const chosen = operations[0]!;
      const sample = chosen['x-codeSamples']?.[0];
      expect(sample?.lang, `${tag}: ${chosen.summary} has a TypeScript sample`).toBe('TypeScript');
      await page.locator('.menu-item-type-operation', { hasText: chosen.summary! }).first().click();
      await expect
        .poll(() => page.getByRole('heading', { name: chosen.summary! }).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const line = callLine(sample!, chosen);
      expect(line, `${tag}: the sample makes the call its description names`).not.toBe('');
      const shown = page.locator(webhooks ? 'pre' : '.panel-request-samples pre').filter({ hasText: line });
      await expect
        .poll(() => shown.count(), { timeout: 30_000, message: `${tag}: ${chosen.summary} shows ${line}` })
        .toBeGreaterThan(0);
    }
  }, 400_000);

  test('finds an operation by name, and by its SDK call, with the search box', async () => {
    const search = async (query: string, wanted: string) => {
      await openDocs();
      await page.getByText('Search Ctrl+K').click();
      await page.getByPlaceholder('Search docs...').fill(query);
      await expect
        .poll(() => page.getByTestId('search-dialog').getByText(wanted, { exact: true }).count(), {
          timeout: 30_000,
          message: `searching ${query} finds ${wanted}`,
        })
        .toBeGreaterThan(0);
      await page.keyboard.press('Escape');
    };
    await search('OAuth authorization URL', 'Get the OAuth authorization URL of an element');
    await search("crm.POST('/hubs/crm/contacts'", 'Create a contact');
    await search('uploadBulkRecords', 'Start a bulk upload job');
  }, 120_000);

  test('opens every guide, with its examples', async () => {
    const guides = site.tags.filter((tag) => tag['x-traitTag']);
    expect(guides.length).toBeGreaterThanOrEqual(7);
    await openDocs();
    for (const guide of guides) {
      await page
        .getByTestId('menu-item-label')
        .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(guide.name)}\\s*$`) })
        .first()
        .click();
      await expect
        .poll(() => page.getByRole('heading', { name: guide.name }).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const firstLine = /```ts\n(.+)\n/.exec(guide.description ?? '')?.[1] ?? '';
      expect(firstLine, `${guide.name} has an example`).not.toBe('');
      await expect
        .poll(() => page.locator('pre').filter({ hasText: firstLine.trim() }).count(), {
          timeout: 30_000,
          message: `${guide.name} shows ${firstLine}`,
        })
        .toBeGreaterThan(0);
    }
  }, 120_000);

  test('the SDK reference is built from the JSDoc with every export documented, and opens from the site', async () => {
    // typedoc.json: validation.notDocumented with treatValidationWarningsAsErrors, so an undocumented export
    // (or member) fails the build.
    expect(reference.status, reference.output).toBe(0);
    await openDocs();
    await page.getByRole('link', { name: 'SDK reference' }).first().click();
    await page.waitForURL(/\/sdk\/index\.html$/, { timeout: 30_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: 'cloud-elements-sdk' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.goto(pathToFileURL(join(workDir, 'sdk/functions/cloud-elements-sdk.createClient.html')).href);
    await expect
      .poll(() => page.getByText('Creates a Cloud Elements client').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  }, 120_000);

  test('makes no network request beyond the pages themselves except a blocked logo', () => {
    // Redoc's "API docs by" logo is the only remote asset; it is blocked and the page works without it.
    expect(blocked.filter((url) => !url.endsWith('logo-mini-full.svg'))).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
