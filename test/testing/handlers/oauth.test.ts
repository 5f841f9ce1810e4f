import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';

const app = {
  apiKey: 'client id/with+chars',
  apiSecret: 's3cret+/=',
  callbackUrl: 'https://app.example.com/auth?x=1',
};
const oauthConfig = {
  'oauth.api.key': app.apiKey,
  'oauth.api.secret': app.apiSecret,
  'oauth.callback.url': app.callbackUrl,
};

let emulator: TestEmulator;
let clock = Date.parse('2024-05-01T10:00:00Z');

beforeEach(async () => {
  clock = Date.parse('2024-05-01T10:00:00Z');
  emulator = await startTestEmulator({ now: () => clock, oauthCodeTtlMs: 60_000 });
});
afterEach(() => emulator.close());

async function getOAuthUrl(element = 'sfdc', extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...app, ...extra });
  return emulator.call('GET', `/elements/${element}/oauth/url?${query}`);
}

/** Opens the consent page like a browser and follows the Approve or Deny link; returns the redirect target. */
async function consent(oauthUrl: string, choice: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(oauthUrl);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  const html = await page.text();
  const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(html)?.[1];
  expect(href, 'the consent page has an Approve and a Deny link').toBeDefined();
  const link = new URL(
    href!.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
    oauthUrl,
  );
  const redirect = await fetch(link, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  return new URL(redirect.headers.get('location')!);
}

function createInstance(code: string | undefined, configuration: Record<string, unknown> = oauthConfig) {
  return emulator.call('POST', '/instances', {
    body: {
      element: { key: 'sfdc' },
      providerData: code === undefined ? {} : { code },
      configuration,
      name: 'My <b>CRM</b>',
    },
  });
}

describe('GET /elements/{key}/oauth/url', () => {
  test('points at the emulated provider consent page with client id, redirect URI and state', async () => {
    const response = await getOAuthUrl('sfdc', { state: 'my-state', scope: 'full refresh_token' });
    expect(response.status).toBe(200);
    expect(response.body.element).toBe('sfdc');
    const url = new URL(response.body.oauthUrl);
    expect(url.origin).toBe(emulator.origin);
    expect(url.searchParams.get('client_id')).toBe(app.apiKey);
    expect(url.searchParams.get('redirect_uri')).toBe(app.callbackUrl);
    expect(url.searchParams.get('state')).toBe('my-state');
    expect(url.searchParams.get('scope')).toBe('full refresh_token');
    expect(response.body.oauthUrl).not.toContain(encodeURIComponent(app.apiSecret));
  });

  test('defaults the state to the element key', async () => {
    const response = await getOAuthUrl('concur');
    expect(new URL(response.body.oauthUrl).searchParams.get('state')).toBe('concur');
  });

  test('takes the same parameters as a JSON body on POST', async () => {
    const response = await emulator.call('POST', '/elements/sfdcdocuments/oauth/url', { body: app });
    expect(response.status).toBe(200);
    expect(response.body.element).toBe('sfdcdocuments');
  });

  test('answers 400 naming each missing parameter', async () => {
    const response = await emulator.call('GET', '/elements/sfdc/oauth/url?apiKey=k');
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('apiSecret, callbackUrl');
  });

  test('answers 404 for an unknown element and 400 for an element without the code flow', async () => {
    expect((await getOAuthUrl('nosuchelement')).status).toBe(404);
    const marketo = await getOAuthUrl('marketo');
    expect(marketo.status).toBe(400);
    expect(marketo.body.message).toContain('configuration only');
  });
});

describe('consent page', () => {
  test('approve redirects to the callback URL with a code and the state', async () => {
    const { body } = await getOAuthUrl('sfdc', { state: 'abc 123' });
    const target = await consent(body.oauthUrl, 'approve');
    expect(`${target.origin}${target.pathname}`).toBe('https://app.example.com/auth');
    expect(target.searchParams.get('x')).toBe('1');
    expect(target.searchParams.get('code')).toMatch(/.{20,}/);
    expect(target.searchParams.get('state')).toBe('abc 123');
  });

  test('deny redirects with error=access_denied, the state and no code', async () => {
    const { body } = await getOAuthUrl('sfdc', { state: 'abc' });
    const target = await consent(body.oauthUrl, 'deny');
    expect(target.searchParams.get('error')).toBe('access_denied');
    expect(target.searchParams.get('state')).toBe('abc');
    expect(target.searchParams.has('code')).toBe(false);
  });

  test('refuses an unregistered client id or redirect URI with an error page instead of redirecting', async () => {
    const { body } = await getOAuthUrl();
    const wrongRedirect = new URL(body.oauthUrl);
    wrongRedirect.searchParams.set('redirect_uri', 'https://evil.example.com/');
    const page = await fetch(wrongRedirect, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('redirect_uri_mismatch');
    const wrongClient = new URL(body.oauthUrl);
    wrongClient.searchParams.set('client_id', 'someone-else');
    expect((await fetch(wrongClient, { redirect: 'manual' })).status).toBe(400);
  });

  test('emulator.authorize acts as the user without a browser', async () => {
    const { body } = await getOAuthUrl();
    expect(new URL(emulator.authorize(body.oauthUrl)).searchParams.has('code')).toBe(true);
    const denied = new URL(emulator.authorize(body.oauthUrl, { approve: false }));
    expect(denied.searchParams.get('error')).toBe('access_denied');
  });
});

describe('POST /instances with the code', () => {
  async function approvedCode(): Promise<string> {
    const { body } = await getOAuthUrl();
    return (await consent(body.oauthUrl, 'approve')).searchParams.get('code')!;
  }

  test('creates an instance whose token works for hub calls', async () => {
    const response = await createInstance(await approvedCode());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'My CRM',
      valid: true,
      disabled: false,
      element: { key: 'sfdc' },
    });
    const ping = await emulator.call('GET', '/hubs/crm/ping', {
      auth: emulator.hubAuth(response.body.token),
    });
    expect(ping.status).toBe(200);
  });

  test('takes the code as it stands in the callback URL, still percent-encoded, once', async () => {
    // Codes are Base64: most hold a `+`, a `/` or both, which the callback URL carries percent-encoded.
    let code = await approvedCode();
    for (let i = 0; i < 50 && !/[+/]/.test(code); i++) code = await approvedCode();
    expect(code).toMatch(/[+/]/);
    const asInTheUrl = encodeURIComponent(code);
    expect((await createInstance(asInTheUrl)).status).toBe(200);
    // Still one code: used once, whichever way it was written.
    expect((await createInstance(code)).body.providerMessage).toContain('invalid_grant');
  });

  test('masks secret configuration values when the instance is read', async () => {
    const created = await createInstance(await approvedCode());
    const read = await emulator.call('GET', `/instances/${created.body.id}`);
    expect(read.body.configuration['oauth.api.secret']).toBe('********');
    expect(read.body.configuration['oauth.api.key']).toBe('********');
    expect(read.body.configuration['oauth.callback.url']).toBe(app.callbackUrl);
    expect(read.text).not.toContain(app.apiSecret);
  });

  test('refuses a replayed code with the provider error', async () => {
    const code = await approvedCode();
    expect((await createInstance(code)).status).toBe(200);
    const replay = await createInstance(code);
    expect(replay.status).toBe(400);
    expect(replay.body.providerMessage).toContain('invalid_grant');
    expect(emulator.state.instances.size).toBe(1);
  });

  test('refuses an unknown code and a missing code', async () => {
    const unknown = await createInstance('made-up-code');
    expect(unknown.status).toBe(400);
    expect(unknown.body.providerMessage).toContain('invalid_grant');
    const missing = await createInstance(undefined);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('providerData.code');
  });

  test('refuses a code after it expires', async () => {
    const code = await approvedCode();
    clock += 61_000;
    expect((await createInstance(code)).body.providerMessage).toContain('invalid_grant');
  });

  test('refuses a callback URL or secret different from the oauth/url call, and keeps the code usable', async () => {
    const code = await approvedCode();
    const wrongCallback = await createInstance(code, {
      ...oauthConfig,
      'oauth.callback.url': 'https://app.example.com/other',
    });
    expect(wrongCallback.status).toBe(400);
    expect(wrongCallback.body.providerMessage).toContain('redirect_uri_mismatch');
    const wrongSecret = await createInstance(code, { ...oauthConfig, 'oauth.api.secret': 'other' });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.providerMessage).toContain('invalid_client');
    expect((await createInstance(code)).status).toBe(200);
  });

  test('refuses a code issued to another api key', async () => {
    const code = await approvedCode();
    const response = await createInstance(code, { ...oauthConfig, 'oauth.api.key': 'another-app' });
    expect(response.body.providerMessage).toContain('invalid_grant');
  });

  test('names the missing configuration keys', async () => {
    const response = await createInstance(await approvedCode(), { 'oauth.api.key': app.apiKey });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('oauth.api.secret, oauth.callback.url');
  });

  test('creates a Marketo instance from configuration alone', async () => {
    const response = await emulator.call('POST', '/instances', {
      body: {
        element: { key: 'marketo' },
        name: 'Marketo',
        configuration: {
          'oauth.api.key': 'id',
          'oauth.api.secret': 'secret',
          'marketo.identity.url': 'https://123-ABC-456.mktorest.com/identity',
          'base.url': 'https://123-ABC-456.mktorest.com/rest',
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.element.key).toBe('marketo');
  });

  test('accepts the create bodies of the seed OAuth guide and the Marketo guide', async () => {
    const fixture = (name: string) =>
      JSON.parse(
        readFileSync(new URL(`../../../../shared/reference/fixtures/${name}`, import.meta.url), 'utf8'),
      );
    const seed = fixture('instances-create-sfdc-seed002.request.json');
    const configuration = seed.configuration as Record<string, string>;
    const query = new URLSearchParams({
      apiKey: configuration['oauth.api.key']!,
      apiSecret: configuration['oauth.api.secret']!,
      callbackUrl: configuration['oauth.callback.url']!,
    });
    const { body } = await emulator.call('GET', `/elements/sfdc/oauth/url?${query}`);
    const code = new URL(emulator.authorize(body.oauthUrl)).searchParams.get('code');
    const created = await emulator.call('POST', '/instances', { body: { ...seed, providerData: { code } } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'sfdc api', tags: ['api tag'] });
    const marketo = await emulator.call('POST', '/instances', {
      body: fixture('instances-create-marketo.request.json'),
    });
    expect(marketo.status).toBe(200);
  });
});

describe('the Salesforce family shares one connected app (seed 003)', () => {
  async function codeFor(element: string, state: string) {
    const url = await getOAuthUrl(element, { state });
    const redirect = await consent(url.body.oauthUrl, 'approve');
    expect(redirect.searchParams.get('state')).toBe(state);
    return { answer: url.body, code: redirect.searchParams.get('code')! };
  }
  const create = (key: string, code: string) =>
    emulator.call('POST', '/instances', {
      body: { element: { key }, providerData: { code }, configuration: oauthConfig, name: key },
    });

  test('sfdc’s OAuth URL with state=sfdcdocuments answers element sfdcdocuments, and its code makes that instance', async () => {
    const { answer, code } = await codeFor('sfdc', 'sfdcdocuments');
    expect(answer.element).toBe('sfdcdocuments');
    const created = await create('sfdcdocuments', code);
    expect(created.status).toBe(200);
    expect(created.body.element.key).toBe('sfdcdocuments');
  });

  test('and the reverse: sfdcdocuments’ OAuth URL with state=sfdc makes an sfdc instance', async () => {
    const { answer, code } = await codeFor('sfdcdocuments', 'sfdc');
    expect(answer.element).toBe('sfdc');
    expect((await create('sfdc', code)).status).toBe(200);
  });

  test('a code is still for one provider app only, and a state that is no element of it is not echoed', async () => {
    const { answer, code } = await codeFor('sfdc', 'concur');
    expect(answer.element).toBe('sfdc');
    const refused = await create('concur', code);
    expect(refused.status).toBe(400);
    expect(refused.body.providerMessage).toMatch(/invalid_grant/);
    expect((await codeFor('sfdc', 'my-state')).answer.element).toBe('sfdc');
  });
});
