import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOAuthApp, type OAuthExampleOptions } from '../examples/oauth-app/app.js';
import { createClient } from '../src/client/index.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const appSecrets = { apiKey: 'example-client-id', apiSecret: 'example-client-secret-42' };

/**
 * A browser stand-in: keeps cookies, follows no redirect by itself, and records what the example app sent (headers
 * and bodies of its responses; not the URLs the browser asked for, nor the provider's pages).
 */
class Browser {
  readonly cookies = new Map<string, string>();
  /** Everything the app answered. */
  readonly fromApp: string[] = [];

  constructor(readonly appOrigin: string) {}

  async get(url: string): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if (url.startsWith(this.appOrigin)) this.fromApp.push([...response.headers].join('\n'));
    return response;
  }

  async page(url: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await this.get(url);
    const html = await response.text();
    if (url.startsWith(this.appOrigin)) this.fromApp.push(html);
    return { status: response.status, html, response };
  }
}

type Started = { url: string; emulator: Emulator; logs: string[]; server: Server };

async function startApp(overrides: Partial<OAuthExampleOptions> = {}): Promise<Started> {
  const emulator = await startEmulator();
  closers.push(() => emulator.close());
  const client = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    retry: false,
  });
  const logs: string[] = [];
  const server = createOAuthApp({
    client,
    elementKey: 'sfdc',
    app: { ...appSecrets },
    log: (line) => logs.push(line),
    afterConnect: async (hub) => {
      await hub.POST('/hubs/crm/contacts', {
        body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      });
      await hub.POST('/hubs/crm/contacts', {
        body: { firstName: 'Grace', lastName: '<Hopper>', email: 'grace@example.com' },
      });
    },
    ...overrides,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, emulator, logs, server };
}

/** Goes to /connect, opens the provider's consent page and clicks Approve or Deny; returns the callback URL. */
async function connect(
  browser: Browser,
  started: Started,
  choice: 'approve' | 'deny' = 'approve',
): Promise<string> {
  const connectResponse = await browser.get(`${started.url}/connect`);
  expect(connectResponse.status).toBe(302);
  const providerUrl = connectResponse.headers.get('location')!;
  expect(providerUrl.startsWith(started.emulator.origin)).toBe(true);
  const consent = await browser.page(providerUrl);
  expect(consent.status).toBe(200);
  const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(consent.html)![1]!;
  const decision = new URL(
    href.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))),
    providerUrl,
  );
  const redirect = await browser.get(decision.toString());
  expect(redirect.status).toBe(302);
  return redirect.headers.get('location')!;
}

/** Secrets, element tokens and codes, raw and percent-encoded. */
function secretsOf(started: Started): string[] {
  const tokens = [...started.emulator.state.instances.values()].map((i) => i.token);
  const raw = [
    appSecrets.apiSecret,
    started.emulator.credentials.userSecret,
    started.emulator.credentials.organizationSecret,
    ...tokens,
    ...started.emulator.state.oauthCodes.keys(),
  ];
  return [...raw, ...raw.map(encodeURIComponent)];
}

describe('OAuth example app', () => {
  it('connects an account through the provider and lists its CRM contacts', async () => {
    const started = await startApp();
    const browser = new Browser(started.url);
    const home = await browser.page(`${started.url}/`);
    expect(home.html).toContain('href="/connect"');

    const connectResponse = await browser.get(`${started.url}/connect`);
    const stateCookie = connectResponse.headers.getSetCookie().find((c) => c.startsWith('oauth_state='))!;
    expect(stateCookie).toMatch(
      /^oauth_state=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=600$/,
    );
    browser.cookies.clear();

    const callbackUrl = await connect(browser, started);
    expect(callbackUrl.startsWith(`${started.url}/oauth/callback?code=`)).toBe(true);
    const callback = await browser.get(callbackUrl);
    expect(callback.status).toBe(303);
    const [instance] = [...started.emulator.state.instances.values()];
    expect(instance).toBeDefined();
    expect(callback.headers.get('location')).toBe(`/instances/${instance!.id}`);
    expect(browser.cookies.has('oauth_state')).toBe(false);
    expect(browser.cookies.get('session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(instance!.configuration.get('oauth.callback.url')).toBe(`${started.url}/oauth/callback`);

    const page = await browser.page(`${started.url}/instances/${instance!.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<dd id="instance-id">${instance!.id}</dd>`);
    const contacts = await browser.page(`${started.url}/instances/${instance!.id}/contacts`);
    expect(contacts.status).toBe(200);
    expect(contacts.html).toContain('<table id="contacts">');
    expect(contacts.html).toContain('ada@example.com');
    expect(contacts.html).toContain('&#60;Hopper&#62;');
    expect(contacts.html).toContain('2 contact(s)');
    expect(contacts.response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(started.logs).toEqual([`connected instance ${instance!.id} (sfdc)`]);

    const everything = [...browser.fromApp, ...started.logs].join('\n');
    for (const secret of secretsOf(started)) expect(everything).not.toContain(secret);
  });

  it('shows the provider error when the user denies access, and creates nothing', async () => {
    const started = await startApp();
    const browser = new Browser(started.url);
    const callbackUrl = await connect(browser, started, 'deny');
    const page = await browser.page(callbackUrl);
    expect(page.status).toBe(400);
    expect(page.html).toContain('Access not granted');
    expect(page.html).toContain('<code>access_denied</code>');
    expect(started.emulator.state.instances.size).toBe(0);
    expect(browser.cookies.has('oauth_state')).toBe(false);
    expect(started.logs).toEqual([
      'callback refused: OAuthProviderError: The provider refused the authorization (access_denied): The user denied access to the app.',
    ]);
  });

  it('refuses a callback whose state does not match the cookie, before calling Cloud Elements', async () => {
    const started = await startApp();
    const victim = new Browser(started.url);
    const callbackUrl = await connect(victim, started);
    // An attacker's browser has its own state cookie from its own /connect.
    const attacker = new Browser(started.url);
    await attacker.get(`${started.url}/connect`);
    const page = await attacker.page(callbackUrl);
    expect(page.status).toBe(400);
    expect(page.html).toContain('not valid for this browser');
    expect(started.logs.at(-1)).toMatch(/^callback refused: OAuthStateError/);
    expect(started.emulator.state.instances.size).toBe(0);
    const code = new URL(callbackUrl).searchParams.get('code')!;
    expect(started.emulator.state.oauthCodes.get(code)!.used).toBe(false);
  });

  it('refuses a callback with no state cookie at all', async () => {
    const started = await startApp();
    const callbackUrl = await connect(new Browser(started.url), started);
    const page = await new Browser(started.url).page(callbackUrl);
    expect(page.status).toBe(400);
    expect(page.html).toContain('Connection expired');
    expect(started.emulator.state.instances.size).toBe(0);
  });

  it('shows an error without the code when a used code is replayed', async () => {
    const started = await startApp();
    const browser = new Browser(started.url);
    const callbackUrl = await connect(browser, started);
    const state = browser.cookies.get('oauth_state')!;
    expect((await browser.get(callbackUrl)).status).toBe(303);
    browser.cookies.set('oauth_state', state);
    const page = await browser.page(callbackUrl);
    expect(page.status).toBe(502);
    expect(page.html).toContain('Cloud Elements refused the connection');
    expect(started.logs.at(-1)).toMatch(
      /^finish failed: BadRequestError 400: POST \/instances failed with 400/,
    );
    expect(started.emulator.state.instances.size).toBe(1);
    const everything = [...browser.fromApp, ...started.logs].join('\n');
    for (const secret of secretsOf(started)) expect(everything).not.toContain(secret);
  });

  it('connects with a cookie of another app on the host that is not valid percent-encoding', async () => {
    const started = await startApp();
    const browser = new Browser(started.url);
    browser.cookies.set('discount', '100%');
    const home = await browser.page(`${started.url}/`);
    expect(home.status).toBe(200);
    const page = await browser.page(await connect(browser, started));
    expect(page.status).toBe(303);
    expect(started.emulator.state.instances.size).toBe(1);
  });

  it('keeps instances private to the session that connected them', async () => {
    const started = await startApp();
    const browser = new Browser(started.url);
    await browser.get(await connect(browser, started));
    const [instance] = [...started.emulator.state.instances.values()];
    expect((await browser.page(`${started.url}/instances/${instance!.id}`)).status).toBe(200);
    const stranger = new Browser(started.url);
    expect((await stranger.page(`${started.url}/instances/${instance!.id}`)).status).toBe(404);
    expect((await stranger.page(`${started.url}/instances/${instance!.id}/contacts`)).status).toBe(404);
  });

  it('uses the configured callback URL in all three places and serves its path', async () => {
    const started = await startApp({
      app: { ...appSecrets, callbackUrl: 'http://127.0.0.1:1/elsewhere/cb' },
    });
    const browser = new Browser(started.url);
    const callbackUrl = await connect(browser, started);
    expect(callbackUrl.startsWith('http://127.0.0.1:1/elsewhere/cb?code=')).toBe(true);
    // The browser would land on the registered host; here the path is replayed against the app itself.
    const response = await browser.get(
      `${started.url}${new URL(callbackUrl).pathname}${new URL(callbackUrl).search}`,
    );
    expect(response.status).toBe(303);
    const [instance] = [...started.emulator.state.instances.values()];
    expect(instance!.configuration.get('oauth.callback.url')).toBe('http://127.0.0.1:1/elsewhere/cb');
    expect((await browser.page(`${started.url}/oauth/callback`)).status).toBe(404);
  });
});
