// The OAuth example web app in a real browser: headless Chromium clicks "connect", approves on the emulator's
// consent page, follows the redirects back to the app and reads the new instance's contacts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  assertChromium,
  browserSuiteTitle,
  chromiumArgs,
  chromiumPath,
  runBrowserTests,
} from './helpers/chromium.js';
import { createOAuthApp } from '../examples/oauth-app/app.js';
import { createClient } from '../src/index.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';

const seeded = [
  { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
];

describe.skipIf(!runBrowserTests)(browserSuiteTitle('the OAuth example app in a browser'), () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let emulator: Emulator;
  let server: Server;
  let appUrl: string;
  let logs: string[];
  const blocked: string[] = [];

  beforeAll(async () => {
    assertChromium();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    emulator = await startEmulator();
    const client = createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
      retry: false,
    });
    logs = [];
    server = createOAuthApp({
      client,
      elementKey: 'sfdc',
      app: { apiKey: 'browser-test-client-id', apiSecret: 'browser-test-client-secret' },
      log: (line) => logs.push(line),
      // The emulator starts every instance empty: seed it through the SDK once it is connected.
      afterConnect: async (hub) => {
        for (const body of seeded) await hub.POST('/hubs/crm/contacts', { body });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    context = await browser.newContext();
    page = await context.newPage();
    // Offline: only the app and the emulator (both on 127.0.0.1) may be reached.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(appUrl) || url.startsWith(emulator.origin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
  });

  afterEach(async () => {
    await context?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await emulator?.close();
  });

  test('connect, approve on the consent page, land on the instance and list its contacts', async () => {
    await page.goto(appUrl);
    await page.locator('#connect').click();

    // The emulated provider's consent page, on the emulator's origin.
    await page.waitForURL((url) => url.href.startsWith(`${emulator.origin}/oauth/sfdc/authorize`));
    expect(await page.locator('h1').textContent()).toContain('Allow access to');
    expect(await page.locator('body').textContent()).toContain('browser-test-client-id');
    await page.locator('#approve').click();

    // Back on the app, on the new instance's page (the callback answered 303 to it).
    await page.waitForURL(new RegExp(`^${appUrl}/instances/\\d+$`));
    const instances = [...emulator.state.instances.values()];
    expect(instances).toHaveLength(1);
    const instance = instances[0]!;
    expect(await page.locator('#instance-id').textContent()).toBe(String(instance.id));
    expect(instance.elementKey).toBe('sfdc');
    expect(instance.tags).toEqual(['oauth-example']);
    // The page shows ids only: the element token stays on the server.
    expect(await page.content()).not.toContain(instance.token);

    await page.locator('#contacts-link').click();
    await page.waitForURL(`${appUrl}/instances/${instance.id}/contacts`);
    const rows = await page
      .locator('#contacts tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
      );
    expect(rows).toEqual(seeded.map((c) => [`${c.firstName} ${c.lastName}`, c.email]));
    expect(await page.locator('#count').textContent()).toBe('2 contact(s)');
    expect(logs).toEqual([`connected instance ${instance.id} (sfdc)`]);

    // The state cookie was single use; the session cookie is HttpOnly, out of the page's reach.
    const cookies = await context.cookies(appUrl);
    expect(cookies.map((c) => c.name)).toEqual(['session']);
    expect(cookies[0]!.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(blocked).toEqual([]);
  }, 60_000);

  test('deny on the consent page: back on the app with the provider’s refusal and no instance', async () => {
    await page.goto(appUrl);
    await page.locator('#connect').click();
    await page.waitForURL((url) => url.href.startsWith(`${emulator.origin}/oauth/sfdc/authorize`));
    await page.locator('#deny').click();
    await page.waitForURL((url) => url.href.startsWith(`${appUrl}/oauth/callback`));
    expect(await page.locator('h1').textContent()).toBe('Access not granted');
    expect(await page.locator('#error').textContent()).toContain('access_denied');
    expect(emulator.state.instances.size).toBe(0);
    expect(blocked).toEqual([]);
  }, 60_000);
});
