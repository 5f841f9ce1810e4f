import fc from 'fast-check';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, unwrap, type CloudElementsClient, type LogRecord } from '../../src/client/index.js';
import { BadRequestError, CloudElementsError, NotFoundError } from '../../src/core/index.js';
import {
  OAuthCallbackError,
  OAuthProviderError,
  OAuthStateError,
  createOAuthState,
  readOAuth1Callback,
  readOAuthCallback,
} from '../../src/oauth/index.js';
import { constantTimeEqual } from '../../src/core/index.js';
import { createInstance } from '../../src/instances/index.js';
import { finishOAuth, reauthorizeInstance } from '../../src/oauth/index.js';
import { defineOAuthApp, startOAuth, startOAuth1, type OAuthApp } from '../../src/oauth/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { startFakeOAuthCe, type FakeOAuthCe } from '../helpers/fake-oauth-ce.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

const userSecret = 'user-secret-4f9a';
const organizationSecret = 'org-secret-77c1';
const seedElements = ['sfdc', 'sfdcdocuments', 'sfdcservicecloud', 'sfdcmarketingcloud', 'marketo', 'concur'];

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startServer(handler);
  closers.push(() => server.close());
  return server;
}

function clientFor(baseUrl: string, logs?: LogRecord[]): CloudElementsClient {
  return createClient({
    userSecret,
    organizationSecret,
    baseUrl,
    retry: false,
    ...(logs ? { logger: (record: LogRecord) => logs.push(record) } : {}),
  });
}

/** Follows the provider's redirect like a browser would and returns the callback URL it points at. */
async function followProvider(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** Everything an error exposes in text form. */
function exposed(error: unknown): string {
  const e = error as Error;
  return [
    e.message,
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: 5 }),
    JSON.stringify((e as CloudElementsError).body),
  ].join('\n');
}

async function catchError(promise: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('createOAuthState', () => {
  it('returns 32 random bytes from Web Crypto as base64url', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const state = createOAuthState();
    expect(spy).toHaveBeenCalledTimes(1);
    expect((spy.mock.calls[0]![0] as Uint8Array).length).toBe(32);
    spy.mockRestore();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
  });

  it('returns a different state every time', () => {
    const states = new Set(Array.from({ length: 200 }, () => createOAuthState()));
    expect(states.size).toBe(200);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['', 'a', false],
    ['état', 'état', true],
    ['état', 'etat', false],
    // Two different lone surrogates: as UTF-8 both would become U+FFFD and look equal.
    ['\ud800', '\udc00', false],
    ['a\ud800', 'a\ud800', true],
  ])('compares %j with %j', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });

  it('compares bytes with bytes', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), new TextEncoder().encode('abc'))).toBe(true);
  });

  it.each([
    ['null and "null"', null, 'null'],
    ['null and null', null, null],
    ['undefined and undefined', undefined, undefined],
    ['undefined and ""', undefined, ''],
    ['a string and its UTF-8 bytes', 'abc', new TextEncoder().encode('abc')],
    ['bytes and their string', new TextEncoder().encode('état'), 'état'],
    ['a number and its text', 42, '42'],
    ['two equal numbers', 42, 42],
    ['NaN and NaN', Number.NaN, Number.NaN],
    ['0 and ""', 0, ''],
    ['an array of bytes and the bytes', [97, 98, 99], new Uint8Array([97, 98, 99])],
    ['two equal arrays', [1], [1]],
    ['an object with a toString and its text', { toString: () => 'abc' }, 'abc'],
    ['a boxed string and the string', Object('abc'), 'abc'],
    ['a DataView and bytes', new DataView(new ArrayBuffer(1)), new Uint8Array(1)],
    ['an ArrayBuffer and bytes', new ArrayBuffer(1), new Uint8Array(1)],
  ])('never equates values of different or unsupported kinds: %s', (_label, a, b) => {
    expect(constantTimeEqual(a as never, b as never)).toBe(false);
    expect(constantTimeEqual(b as never, a as never)).toBe(false);
  });

  it('equals === for any two strings, and for any two byte arrays', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(constantTimeEqual(a, Buffer.from(a.slice()))).toBe(true);
      }),
    );
  });
});

describe('readOAuthCallback', () => {
  const state = 'expected-state-1234567890';
  const code = 'aPrxMZkm7lCkgfRp6r.wjav5No7dhomWdZo.nU%3D%3D';
  const query = new URLSearchParams({ code, state }).toString();

  it.each([
    ['a full callback URL', `https://www.mycoolapp.com/auth?${query}`],
    ['a request path (req.url)', `/auth?${query}`],
    ['a query string with ?', `?${query}`],
    ['a query string without ?', query],
    ['a URL object', new URL(`https://www.mycoolapp.com/auth?${query}`)],
    ['URLSearchParams', new URLSearchParams(query)],
    ['a parsed query object', { code, state }],
    ['a parsed query object with one-element arrays', { code: [code], state: [state] }],
  ])('returns the code from %s', (_label, input) => {
    const callback = readOAuthCallback(input, { expectedState: state });
    expect(callback.code).toBe(code);
    expect(callback.state).toBe(state);
    expect(callback.providerData).toEqual({ code });
  });

  it('raises OAuthProviderError with error and error_description when the user denies access', () => {
    const error = (() => {
      try {
        readOAuthCallback(
          `/auth?error=access_denied&error_description=end-user+denied+authorization&state=${state}`,
          {
            expectedState: state,
          },
        );
      } catch (e) {
        return e;
      }
    })() as OAuthProviderError;
    expect(error).toBeInstanceOf(OAuthProviderError);
    expect(error).toBeInstanceOf(OAuthCallbackError);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect(error.reason).toBe('provider_error');
    expect(error.error).toBe('access_denied');
    expect(error.errorDescription).toBe('end-user denied authorization');
    expect(error.message).toContain('access_denied');
  });

  it('raises OAuthStateError for a tampered state, without the code or either state in the message', () => {
    const error = (() => {
      try {
        readOAuthCallback({ code, state: 'attacker-state' }, { expectedState: state });
      } catch (e) {
        return e;
      }
    })() as OAuthStateError;
    expect(error).toBeInstanceOf(OAuthStateError);
    expect(error.reason).toBe('state_mismatch');
    for (const text of [code, 'attacker-state', state]) expect(exposed(error)).not.toContain(text);
  });

  it('checks the state before believing an error: a forged error callback is an OAuthStateError', () => {
    const forgedText = 'Your account is locked, call +1 555 0100';
    const forged = new URLSearchParams({
      error: 'access_denied',
      error_description: forgedText,
      state: 'attacker-state',
    }).toString();
    for (const input of [`/auth?${forged}`, `/auth?error=access_denied&error_description=x`]) {
      const error = (() => {
        try {
          readOAuthCallback(input, { expectedState: state });
        } catch (e) {
          return e;
        }
      })() as OAuthStateError;
      expect(error).toBeInstanceOf(OAuthStateError);
      expect(error).not.toBeInstanceOf(OAuthProviderError);
      expect(['state_mismatch', 'missing_state']).toContain(error.reason);
      expect(exposed(error)).not.toContain(forgedText);
    }
  });

  it('bounds the provider text it quotes', () => {
    const long = 'd'.repeat(10_000);
    const error = (() => {
      try {
        readOAuthCallback(
          { error: 'e'.repeat(10_000), error_description: long, state },
          { expectedState: state },
        );
      } catch (e) {
        return e;
      }
    })() as OAuthProviderError;
    expect(error).toBeInstanceOf(OAuthProviderError);
    expect(error.message.length).toBeLessThan(500);
    expect(error.errorDescription).toHaveLength(201);
    expect(error.errorDescription?.endsWith('…')).toBe(true);
  });

  it('keeps a __proto__ or constructor callback parameter as plain provider data', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const callback = readOAuthCallback(`/auth?code=c1&state=${state}&__proto__=p&constructor=k`, {
      expectedState: state,
    });
    expect(Object.getPrototypeOf(callback.providerData)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(callback.providerData, '__proto__')?.value).toBe('p');
    expect(Object.getOwnPropertyDescriptor(callback.providerData, 'constructor')?.value).toBe('k');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('raises OAuthStateError when the callback has no state', () => {
    expect(() => readOAuthCallback({ code }, { expectedState: state })).toThrow(
      expect.objectContaining({ name: 'OAuthStateError', reason: 'missing_state' }),
    );
  });

  it('raises OAuthCallbackError when the code is missing', () => {
    expect(() => readOAuthCallback({ state }, { expectedState: state })).toThrow(
      expect.objectContaining({ name: 'OAuthCallbackError', reason: 'missing_code' }),
    );
    expect(() => readOAuthCallback(`https://www.mycoolapp.com/auth`, { expectedState: state })).toThrow(
      OAuthStateError,
    );
  });

  it('refuses a callback that repeats code or state', () => {
    expect(() => readOAuthCallback(`?${query}&code=other-code`, { expectedState: state })).toThrow(
      expect.objectContaining({ reason: 'malformed_callback' }),
    );
    expect(() => readOAuthCallback({ code, state: [state, state] }, { expectedState: state })).toThrow(
      expect.objectContaining({ reason: 'malformed_callback' }),
    );
  });

  it('throws a TypeError when the expected state is missing, so a lost cookie cannot skip the check', () => {
    for (const expectedState of [undefined, '']) {
      expect(() =>
        readOAuthCallback({ code, state }, { expectedState } as { expectedState: string }),
      ).toThrow(/\[cloud-elements\] expectedState is required/);
    }
  });

  it('passes element-specific callback values through to providerData, but not state', () => {
    const callback = readOAuthCallback({ code, state, realmId: '1234' }, { expectedState: state });
    expect(callback.providerData).toEqual({ code, realmId: '1234' });
  });

  it('hides the code from JSON.stringify, util.inspect and String()', () => {
    const callback = readOAuthCallback({ code, state }, { expectedState: state });
    for (const text of [JSON.stringify(callback), inspect(callback), String(callback)]) {
      expect(text).not.toContain(code);
      expect(text).toContain('[REDACTED]');
    }
  });

  it('hides the code of providerData too when it is logged on its own, and still gives it when read', () => {
    const callback = readOAuthCallback({ code, state, realmId: 'realm-4242' }, { expectedState: state });
    const { providerData } = callback;
    for (const text of [JSON.stringify(providerData), inspect(providerData), String(providerData)]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain('realm-4242');
      expect(text).toContain('[REDACTED]');
    }
    expect(JSON.parse(JSON.stringify({ providerData }))).toEqual({
      providerData: { code: '[REDACTED]', realmId: '[REDACTED]' },
    });
    expect(providerData.code).toBe(code);
    expect({ ...providerData }).toEqual({ code, realmId: 'realm-4242' });
    expect(Object.isFrozen(providerData)).toBe(true);
  });

  it('keeps a toJSON or toString callback parameter out of providerData, so it cannot undo the hiding', () => {
    const callback = readOAuthCallback(`/auth?code=c-4242&state=${state}&toJSON=x&toString=y`, {
      expectedState: state,
    });
    expect({ ...callback.providerData }).toEqual({ code: 'c-4242' });
    expect(JSON.stringify(callback.providerData)).not.toContain('c-4242');
  });
});

describe('readOAuth1Callback', () => {
  const options = { requestToken: 'request-token-abc', requestTokenSecret: 'request-secret-xyz' };

  it('returns oauth_token, oauth_verifier and the request token secret as providerData', () => {
    const callback = readOAuth1Callback(
      '/auth?oauth_token=request-token-abc&oauth_verifier=verifier-1',
      options,
    );
    expect(callback.providerData).toEqual({
      oauth_token: 'request-token-abc',
      oauth_verifier: 'verifier-1',
      secret: 'request-secret-xyz',
    });
    expect(JSON.stringify(callback)).not.toContain('request-secret-xyz');
  });

  it('raises OAuthStateError when oauth_token is not the request token of this flow', () => {
    expect(() => readOAuth1Callback({ oauth_token: 'other-token', oauth_verifier: 'v' }, options)).toThrow(
      OAuthStateError,
    );
  });

  it('checks oauth_token before believing an error', () => {
    expect(() => readOAuth1Callback({ oauth_token: 'other-token', error: 'access_denied' }, options)).toThrow(
      OAuthStateError,
    );
    expect(() => readOAuth1Callback({ error: 'access_denied' }, options)).toThrow(OAuthStateError);
    expect(() =>
      readOAuth1Callback({ oauth_token: 'request-token-abc', error: 'access_denied' }, options),
    ).toThrow(OAuthProviderError);
  });

  it('raises OAuthProviderError for a refusal sent as denied=<request token>, with or without oauth_token', () => {
    for (const input of [
      '/auth?denied=request-token-abc',
      '/auth?oauth_token=request-token-abc&denied=request-token-abc',
    ]) {
      const error = (() => {
        try {
          readOAuth1Callback(input, options);
        } catch (e) {
          return e;
        }
      })() as OAuthProviderError;
      expect(error).toBeInstanceOf(OAuthProviderError);
      expect(error.reason).toBe('provider_error');
      expect(error.error).toBe('access_denied');
    }
  });

  it('checks the token of a denied= refusal like oauth_token: another one is an OAuthStateError', () => {
    for (const input of [
      '/auth?denied=other-token',
      '/auth?oauth_token=request-token-abc&denied=other-token',
      '/auth?oauth_token=other-token&denied=request-token-abc',
    ]) {
      expect(() => readOAuth1Callback(input, options)).toThrow(
        expect.objectContaining({ name: 'OAuthStateError', reason: 'state_mismatch' }),
      );
    }
  });
});

describe('seed 003 requests', () => {
  const seedApp = {
    apiKey: 'fake_salesforce_api_key',
    apiSecret: 'fake_salesforce_api_secret',
    callbackUrl: 'https://www.mycoolapp.com/auth',
  };
  const seedOAuthUrl =
    'https://login.salesforce.com/services/oauth2/authorize?response_type=code&client_id=fake_salesforce_api_key&client_secret=xyz789&scope=full%20refresh_token&redirect_uri=https://www.mycoolapp.com/auth&state=sfdcdocuments';
  const seedInstance = {
    id: 123,
    name: 'test',
    token: '3sU/S/kZD36BaABPS7EAuSGHF+1wsthT+mvoukiE',
    element: { id: 39, name: 'Salesforce.com', key: 'sfdcdocuments', typeOauth: true },
    provisionInteractions: [],
    valid: true,
    eventsEnabled: true,
    disabled: false,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    cachingEnabled: false,
  };

  it('sends the exact GET /elements/sfdc/oauth/url of seed 003 and returns its oauthUrl', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { element: 'sfdcdocuments', oauthUrl: seedOAuthUrl }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const start = await startOAuth(ce, seedApp, { elementKey: 'sfdc', state: 'sfdcdocuments' });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(
      '/elements/api-v2/elements/sfdc/oauth/url?apiKey=fake_salesforce_api_key&apiSecret=fake_salesforce_api_secret&callbackUrl=https://www.mycoolapp.com/auth&state=sfdcdocuments',
    );
    expect(request.headers.authorization).toBe(`User ${userSecret}, Organization ${organizationSecret}`);
    expect(start).toEqual({ url: seedOAuthUrl, state: 'sfdcdocuments', elementKey: 'sfdcdocuments' });
  });

  it('sends the POST /instances body of seed 003 and returns the instance with its token', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, seedInstance));
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const callback = readOAuthCallback(
      'https://www.mycoolapp.com/auth?code=Code_On_The_Return_URL&state=sfdcdocuments',
      {
        expectedState: 'sfdcdocuments',
      },
    );
    const instance = await finishOAuth(ce, seedApp, {
      elementKey: 'sfdcdocuments',
      callback,
      tags: ['Add_Your_Tag'],
      name: 'Insert_Instance_Name',
    });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/elements/api-v2/instances');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.text).toBe(
      JSON.stringify({
        element: { key: 'sfdcdocuments' },
        providerData: { code: 'Code_On_The_Return_URL' },
        configuration: {
          'oauth.callback.url': 'https://www.mycoolapp.com/auth',
          'oauth.api.key': 'fake_salesforce_api_key',
          'oauth.api.secret': 'fake_salesforce_api_secret',
        },
        tags: ['Add_Your_Tag'],
        name: 'Insert_Instance_Name',
      }),
    );
    expect(instance.token).toBe(seedInstance.token);
    expect(instance.id).toBe(123);
  });
});

describe('startOAuth', () => {
  async function okServer() {
    return serve((req, res) =>
      sendJson(res, 200, {
        element: 'sfdc',
        oauthUrl: `https://login.example.com/authorize?state=${req.query.state}`,
      }),
    );
  }
  const app = { apiKey: 'key-123456', apiSecret: 'secret-abcdef', callbackUrl: 'https://app.example.com/cb' };

  it('generates a fresh random state when none is given and sends it', async () => {
    const server = await okServer();
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const first = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const second = await startOAuth(ce, app, { elementKey: 'sfdc' });
    expect(first.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.state).not.toBe(first.state);
    expect(server.requests[0]!.query.state).toBe(first.state);
  });

  it('passes scope, siteAddress and element-specific parameters through', async () => {
    const server = await okServer();
    const ce = clientFor(`${server.url}/elements/api-v2`);
    await startOAuth(
      ce,
      { ...app, scope: 'full refresh_token' },
      {
        elementKey: 'sfdc',
        siteAddress: 'https://test.salesforce.com',
        parameters: { subdomain: 'acme', 'authentication.type': 'oauth2', callbackProxy: false },
      },
    );
    const query = server.requests[0]!.query;
    expect(query).toMatchObject({
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      callbackUrl: app.callbackUrl,
      scope: 'full refresh_token',
      siteAddress: 'https://test.salesforce.com',
      subdomain: 'acme',
      'authentication.type': 'oauth2',
      callbackProxy: 'false',
    });
    expect(server.requests[0]!.url).toContain('scope=full%20refresh_token');
  });

  it('refuses extra parameters that would override the app values', async () => {
    const ce = clientFor('http://127.0.0.1:9/elements/api-v2');
    await expect(
      startOAuth(ce, app, { elementKey: 'sfdc', parameters: { callbackUrl: 'https://evil.example' } }),
    ).rejects.toThrow(/parameters\.callbackUrl is set by the SDK/);
  });

  it('throws a TypeError naming a bad app field, never its value', async () => {
    const ce = clientFor('http://127.0.0.1:9/elements/api-v2');
    const noSecret = await catchError(startOAuth(ce, { ...app, apiSecret: '' }, { elementKey: 'sfdc' }));
    expect(noSecret).toBeInstanceOf(TypeError);
    expect((noSecret as Error).message).toMatch(/^\[cloud-elements\] apiSecret must be a non-empty string/);
    const badUrl = await catchError(
      startOAuth(ce, { ...app, callbackUrl: 'app.example.com/cb' }, { elementKey: 'sfdc' }),
    );
    expect((badUrl as Error).message).toContain('callbackUrl must be an absolute http(s) URL');
    expect((badUrl as Error).message).not.toContain('app.example.com');
    await expect(startOAuth(ce, app, { elementKey: '' })).rejects.toThrow(
      /elementKey must be an element key/,
    );
  });

  it('refuses an oauthUrl that is not http(s), so it never becomes a redirect', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { element: 'sfdc', oauthUrl: 'javascript:alert(1)' }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const error = await catchError(startOAuth(ce, app, { elementKey: 'sfdc' }));
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as Error).message).toContain('without an http(s) oauthUrl');
  });

  it('throws the typed error of a refusal without the app secrets, even when the server echoes them', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 404, {
        requestId: 'r1',
        message: `No element found for key ${req.query.apiKey} / ${req.query.apiSecret}`,
      }),
    );
    const logs: LogRecord[] = [];
    const ce = clientFor(`${server.url}/elements/api-v2`, logs);
    const error = await catchError(startOAuth(ce, app, { elementKey: 'nosuch' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).requestId).toBe('r1');
    for (const secret of [app.apiKey, app.apiSecret]) {
      expect(exposed(error)).not.toContain(secret);
      expect(JSON.stringify(logs)).not.toContain(secret);
    }
    expect(logs[0]!.url).toContain('apiSecret=[REDACTED]');
  });

  it('hides app secrets and the client_secret in the provider URL from JSON and inspect', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, {
        oauthUrl: 'https://login.example.com/authorize?client_id=abc&client_secret=xyz789&state=s1',
      }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const defined = defineOAuthApp(app);
    const start = await startOAuth(ce, defined, { elementKey: 'sfdc', state: 's1' });
    expect(start.url).toContain('client_secret=xyz789');
    expect(start.elementKey).toBe('sfdc');
    for (const text of [JSON.stringify(start), inspect(start), String(start)])
      expect(text).not.toContain('xyz789');
    for (const text of [JSON.stringify(defined), inspect(defined), String(defined)]) {
      expect(text).not.toContain(app.apiSecret);
      expect(text).not.toContain(app.apiKey);
      expect(text).toContain(app.callbackUrl);
    }
    expect(defined.apiSecret).toBe(app.apiSecret);
    expect(Object.isFrozen(defined)).toBe(true);
  });

  it('hides the app secret in the printed provider URL, under whatever parameter name it comes', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 200, {
        oauthUrl: `https://provider.example/authorize?client_id=${app.apiKey}&consumer=${app.apiSecret}&state=${req.query.state}`,
      }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const start = await startOAuth(ce, app, { elementKey: 'x' });
    expect(start.url).toContain(`consumer=${app.apiSecret}`);
    for (const text of [JSON.stringify(start), inspect(start), String(start)]) {
      expect(text).not.toContain(app.apiSecret);
      expect(text).not.toContain(app.apiKey);
    }
  });

  it('refuses a provider URL whose state is not the one sent, rather than a callback refused as forged later', async () => {
    // Seed 003's Marketing Cloud answer: asked with state=sfdcmarketingcloud, a URL with state=sfdc.
    const server = await serve((_req, res) =>
      sendJson(res, 200, {
        element: 'sfdcmarketingcloud',
        oauthUrl:
          'https://login.salesforce.com/services/oauth2/authorize?response_type=code&client_id=fake_salesforce_api_key&client_secret=xyz789&scope=full%20refresh_token&redirect_uri=https://www.demonstrab.ly/home&state=sfdc',
      }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    for (const state of [undefined, 'sfdcmarketingcloud']) {
      const error = await catchError(startOAuth(ce, app, { elementKey: 'sfdc', state }));
      expect(error).toBeInstanceOf(CloudElementsError);
      expect((error as Error).message).toBe(
        'GET /elements/sfdc/oauth/url answered a provider URL whose state is not the one sent: the provider ' +
          'would send that state back, and readOAuthCallback would refuse the callback as forged; ask the ' +
          `element's own URL (elementKey: "sfdcmarketingcloud") with a random state.`,
      );
      expect(exposed(error)).not.toContain(app.apiSecret);
    }
    // The URL that echoes the state sent passes, as in seed 003's other examples.
    expect((await startOAuth(ce, app, { elementKey: 'sfdc', state: 'sfdc' })).state).toBe('sfdc');
  });
});

describe('the three steps against a fake Cloud Elements and provider', () => {
  let fake: FakeOAuthCe;
  const app: OAuthApp = {
    apiKey: 'client-id-0001',
    apiSecret: 'client-secret-0001',
    callbackUrl: 'https://app.example.com/oauth/callback',
  };

  async function startFake() {
    fake = await startFakeOAuthCe({ userSecret, organizationSecret, apps: [app] });
    closers.push(() => fake.close());
    return clientFor(fake.baseUrl);
  }

  it.each(seedElements)('connects %s with the same code path', async (elementKey) => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey });
    const callbackUrl = await followProvider(start.url);
    expect(callbackUrl.startsWith(`${app.callbackUrl}?`)).toBe(true);
    const callback = readOAuthCallback(callbackUrl, { expectedState: start.state });
    const instance = await finishOAuth(ce, app, {
      elementKey,
      callback,
      name: `${elementKey} of Ada`,
      tags: ['test'],
    });

    expect(instance.token).toMatch(/\S{20,}/);
    expect(instance.element?.key).toBe(elementKey);
    // The three app values are the same at the provider, in oauth/url and in POST /instances.
    const [urlCall, , createCall] = fake.requests;
    expect(urlCall!.path).toBe(`/elements/api-v2/elements/${elementKey}/oauth/url`);
    expect(urlCall!.query).toMatchObject({
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      callbackUrl: app.callbackUrl,
    });
    expect(createCall!.json).toEqual({
      element: { key: elementKey },
      providerData: { code: callback.code },
      configuration: {
        'oauth.callback.url': app.callbackUrl,
        'oauth.api.key': app.apiKey,
        'oauth.api.secret': app.apiSecret,
      },
      tags: ['test'],
      name: `${elementKey} of Ada`,
    });
    const contacts = await unwrap(ce.forInstance(instance.token).GET('/hubs/crm/contacts'));
    expect(contacts.map((c) => c.email)).toEqual(['ada@example.com', 'alan@example.com']);
  });

  it('adds extra configuration to the instance, and refuses an app value there that differs', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'marketo' });
    const callback = readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    const configuration = {
      'marketo.identity.url': 'https://338-ZRW-745.mktorest.com/identity',
      'base.url': 'https://338-ZRW-745.mktorest.com/rest',
      'event.notification.enabled': false,
    };
    await expect(
      finishOAuth(ce, app, {
        elementKey: 'marketo',
        callback,
        name: 'm',
        configuration: { 'oauth.api.secret': 'other' },
      }),
    ).rejects.toThrow(/configuration\["oauth\.api\.secret"\] differs from the OAuth app/);
    const instance = await finishOAuth(ce, app, {
      elementKey: 'marketo',
      callback,
      name: 'Marketo',
      configuration,
    });
    expect(fake.requests.at(-1)!.json).toMatchObject({
      configuration: { ...configuration, 'oauth.api.key': app.apiKey },
    });
    expect(instance.configuration?.['base.url']).toBe('https://338-ZRW-745.mktorest.com/rest');
  });

  it('sends a __proto__ configuration key (as JSON.parse makes it) as a key, not as a prototype', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'marketo' });
    const callback = readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    const configuration = JSON.parse('{"__proto__": {"polluted": "yes"}, "base.url": "https://x.example"}');
    await finishOAuth(ce, app, { elementKey: 'marketo', callback, name: 'm', configuration });
    const sent = fake.requests.at(-1)!.json as { configuration: Record<string, unknown> };
    expect(Object.hasOwn(sent.configuration, '__proto__')).toBe(true);
    expect(sent.configuration['__proto__']).toEqual({ polluted: 'yes' });
    expect(sent.configuration['oauth.api.key']).toBe(app.apiKey);
  });

  it('raises OAuthProviderError when the user denies access, and creates nothing', async () => {
    const ce = await startFake();
    fake.decision = 'deny';
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callbackUrl = await followProvider(start.url);
    const error = await catchError(() => readOAuthCallback(callbackUrl, { expectedState: start.state }));
    expect(error).toBeInstanceOf(OAuthProviderError);
    expect(error).toMatchObject({
      error: 'access_denied',
      errorDescription: 'end-user denied authorization',
    });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('raises OAuthStateError for a tampered state before any network call', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callbackUrl = new URL(await followProvider(start.url));
    const code = callbackUrl.searchParams.get('code')!;
    callbackUrl.searchParams.set('state', createOAuthState());
    const before = fake.requests.length;
    const error = await catchError(async () => {
      const callback = readOAuthCallback(callbackUrl, { expectedState: start.state });
      await finishOAuth(ce, app, { elementKey: 'sfdc', callback, name: 'x' });
    });
    expect(error).toBeInstanceOf(OAuthStateError);
    expect(fake.requests.length).toBe(before);
    expect(exposed(error)).not.toContain(code);
    expect(fake.codes.get(code)!.used).toBe(false);
  });

  it('throws BadRequestError for a replayed code, without the code or secrets in the error', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'concur' });
    const callback = readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    await finishOAuth(ce, app, { elementKey: 'concur', callback, name: 'first' });
    const error = await catchError(finishOAuth(ce, app, { elementKey: 'concur', callback, name: 'replay' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      method: 'POST',
      path: '/instances',
      providerMessage: 'invalid_grant',
    });
    expect((error as Error).message).toContain('is invalid or was already used');
    // The fake echoes the code in its message; the SDK's error must not.
    expect(JSON.stringify(fake.requests.at(-1)!.json)).toContain(callback.code);
    for (const secret of [callback.code, app.apiSecret, userSecret, organizationSecret]) {
      expect(exposed(error)).not.toContain(secret);
    }
    expect(fake.instances.size).toBe(1);
  });

  it('throws BadRequestError for an unknown code, without the code in the error', async () => {
    const ce = await startFake();
    const error = await catchError(
      finishOAuth(ce, app, {
        elementKey: 'sfdc',
        callback: { providerData: { code: 'made-up-code-4242' } },
        name: 'x',
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(exposed(error)).not.toContain('made-up-code-4242');
    expect((error as Error).message).toContain('code [REDACTED] is invalid');
  });

  it('throws BadRequestError when the callback URL differs from the one the flow started with', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callback = readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    const otherApp = { ...app, callbackUrl: 'https://app.example.com/other/callback' };
    const error = await catchError(finishOAuth(ce, otherApp, { elementKey: 'sfdc', callback, name: 'x' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).message).toContain('redirect_uri_mismatch');
    expect(fake.requests.at(-1)!.json).toMatchObject({
      configuration: { 'oauth.callback.url': otherApp.callbackUrl },
    });
  });

  it('stops at the provider when the app registered another callback URL', async () => {
    const ce = await startFake();
    const start = await startOAuth(
      ce,
      { ...app, callbackUrl: 'https://app.example.com/unregistered' },
      { elementKey: 'sfdc' },
    );
    const response = await fetch(start.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri_mismatch');
  });

  it('throws the typed error of an app secret refused by Cloud Elements without the secret', async () => {
    const ce = await startFake();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callback = readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    const wrong = { ...app, apiSecret: 'wrong-secret-9999' };
    const error = await catchError(finishOAuth(ce, wrong, { elementKey: 'sfdc', callback, name: 'x' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(exposed(error)).not.toContain('wrong-secret-9999');
    expect((error as Error).message).toContain('invalid client: [REDACTED]');
  });

  it('re-authorizes an existing instance with PATCH, then with PUT, in one call each', async () => {
    const ce = await startFake();
    const connect = async () => {
      const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
      return readOAuthCallback(await followProvider(start.url), { expectedState: start.state });
    };
    const instance = await finishOAuth(ce, app, {
      elementKey: 'sfdc',
      callback: await connect(),
      name: 'CRM',
    });

    const patchCallback = await connect();
    const patched = await reauthorizeInstance(ce, app, { instanceId: instance.id, callback: patchCallback });
    const patch = fake.requests.at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`/elements/api-v2/instances/${instance.id}`);
    expect(patch.json).toEqual({
      providerData: { code: patchCallback.code },
      configuration: {
        'oauth.callback.url': app.callbackUrl,
        'oauth.api.key': app.apiKey,
        'oauth.api.secret': app.apiSecret,
      },
    });
    expect(patched.id).toBe(instance.id);
    expect(fake.codes.get(patchCallback.code)!.used).toBe(true);

    const putCallback = await connect();
    const replaced = await reauthorizeInstance(ce, app, {
      method: 'PUT',
      instanceId: instance.id,
      callback: putCallback,
      elementKey: 'sfdc',
      name: 'CRM renamed',
      tags: ['prod'],
    });
    const put = fake.requests.at(-1)!;
    expect(put.method).toBe('PUT');
    expect(put.json).toMatchObject({
      element: { key: 'sfdc' },
      providerData: { code: putCallback.code },
      name: 'CRM renamed',
    });
    expect(replaced.name).toBe('CRM renamed');
    expect(replaced.tags).toEqual(['prod']);
  });

  it('does not retry a re-authorization PUT, whose code works once', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      sendJson(res, 503, { message: 'busy' });
    });
    const ce = createClient({
      userSecret,
      organizationSecret,
      baseUrl: `${server.url}/elements/api-v2`,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await catchError(
      reauthorizeInstance(ce, app, {
        method: 'PUT',
        instanceId: 7,
        elementKey: 'sfdc',
        name: 'n',
        callback: { providerData: { code: 'one-time-code' } },
      }),
    );
    expect((error as CloudElementsError).status).toBe(503);
    expect(calls).toBe(1);
  });

  it('creates an instance of a non-OAuth element from configuration only', async () => {
    const ce = await startFake();
    const instance = await createInstance(ce, {
      elementKey: 'closeio',
      name: 'Close.io via API',
      tags: ['Docs'],
      configuration: { username: 'my-close-io-api-key', password: 'my-close-io-password' },
    });
    expect(fake.requests.at(-1)!.json).toEqual({
      element: { key: 'closeio' },
      configuration: { username: 'my-close-io-api-key', password: 'my-close-io-password' },
      tags: ['Docs'],
      name: 'Close.io via API',
    });
    expect(instance.token).toBeTruthy();
    expect(instance.configuration?.password).toBe('********');
  });

  it('keeps a password out of the error of a refused non-OAuth create', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 400, { message: `Login failed for ${JSON.stringify((req.json as any).configuration)}` }),
    );
    const ce = clientFor(`${server.url}/elements/api-v2`);
    const error = await catchError(
      createInstance(ce, {
        elementKey: 'closeio',
        name: 'c',
        configuration: { username: 'bob', password: 'hunter2-secret' },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(exposed(error)).not.toContain('hunter2-secret');
    expect((error as Error).message).toContain('bob');
  });

  it('connects an OAuth 1 element: request token, provider, then providerData with token, verifier and secret', async () => {
    const ce = await startFake();
    const start = await startOAuth1(ce, app, { elementKey: 'twitter1' });
    const [tokenCall, urlCall] = fake.requests;
    expect(tokenCall!.path).toBe('/elements/api-v2/elements/twitter1/oauth/token');
    expect(tokenCall!.query).toMatchObject({
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      callbackUrl: app.callbackUrl,
    });
    expect(urlCall!.query.requestToken).toBe(start.requestToken);
    for (const text of [JSON.stringify(start), inspect(start)])
      expect(text).not.toContain(start.requestTokenSecret);

    const callback = readOAuth1Callback(await followProvider(start.url), start);
    const instance = await finishOAuth(ce, app, { elementKey: 'twitter1', callback, name: 'OAuth 1' });
    expect(fake.requests.at(-1)!.json).toMatchObject({
      element: { key: 'twitter1' },
      providerData: {
        oauth_token: start.requestToken,
        oauth_verifier: expect.any(String),
        secret: start.requestTokenSecret,
      },
      configuration: { 'oauth.api.key': app.apiKey },
    });
    expect(instance.token).toBeTruthy();
  });

  it('hides the OAuth 1 providerData values when it is logged on its own, and finishOAuth still sends them', async () => {
    const ce = await startFake();
    const start = await startOAuth1(ce, app, { elementKey: 'twitter1' });
    const callback = readOAuth1Callback(await followProvider(start.url), start);
    const values = [
      callback.providerData.oauth_token!,
      callback.providerData.oauth_verifier!,
      start.requestTokenSecret,
    ];
    for (const text of [
      JSON.stringify(callback.providerData),
      inspect(callback.providerData),
      String(callback.providerData),
      JSON.stringify(callback),
      inspect(callback, { depth: 5 }),
    ]) {
      for (const value of values) expect(text).not.toContain(value);
      expect(text).toContain('[REDACTED]');
    }
    await finishOAuth(ce, app, { elementKey: 'twitter1', callback, name: 'OAuth 1' });
    expect((fake.requests.at(-1)!.json as { providerData: unknown }).providerData).toEqual({
      oauth_token: start.requestToken,
      oauth_verifier: values[1],
      secret: start.requestTokenSecret,
    });
  });
});

describe('the three steps against the emulator (src/testing)', () => {
  let emulator: Emulator;
  const app = defineOAuthApp({
    apiKey: 'emulated-client-id',
    apiSecret: 'emulated-client-secret',
    callbackUrl: 'https://app.example.com/oauth/callback',
  });

  async function startEmu() {
    emulator = await startEmulator();
    closers.push(() => emulator.close());
    return createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
      retry: false,
    });
  }

  /** Opens the consent page, clicks Approve or Deny, and returns where the provider redirects the browser. */
  async function consent(url: string, choice: 'approve' | 'deny'): Promise<string> {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(await page.text())?.[1];
    const link = new URL(
      href!.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))),
      url,
    );
    return followProvider(link.toString());
  }

  it.each(seedElements.filter((key) => key !== 'marketo'))(
    'connects %s and reads its data',
    async (elementKey) => {
      const ce = await startEmu();
      const start = await startOAuth(ce, app, { elementKey, scope: 'full refresh_token' });
      const callback = readOAuthCallback(await consent(start.url, 'approve'), { expectedState: start.state });
      const instance = await finishOAuth(ce, app, { elementKey, callback, name: `${elementKey} via SDK` });
      expect(instance.name).toBe(`${elementKey} via SDK`);
      expect(emulator.state.instances.get(instance.id)!.token).toBe(instance.token);
      const ping = await unwrap(
        ce.forInstance(instance.token).GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } }),
      );
      expect(ping).toBeTruthy();
    },
  );

  it("connects Salesforce Documents through its own oauth/url with a random state; a callback forged with the old fixed state 'sfdcdocuments' is refused", async () => {
    const ce = await startEmu();
    const start = await startOAuth(ce, app, { elementKey: 'sfdcdocuments' });
    expect(start.elementKey).toBe('sfdcdocuments');
    expect(start.state).toMatch(/^[\w-]{43}$/);
    expect(new URL(start.url).searchParams.get('state')).toBe(start.state);
    const forged = 'https://app.example.com/oauth/callback?code=ATTACKERS-OWN-CODE&state=sfdcdocuments';
    expect(() => readOAuthCallback(forged, { expectedState: start.state })).toThrow(
      expect.objectContaining({ name: 'OAuthStateError' }),
    );
    const callback = readOAuthCallback(await consent(start.url, 'approve'), { expectedState: start.state });
    const instance = await finishOAuth(ce, app, { elementKey: 'sfdcdocuments', callback, name: 'Files' });
    expect(emulator.state.instances.get(instance.id)!.elementKey).toBe('sfdcdocuments');
  });

  it('creates marketo, which the emulator connects by configuration only, with createInstance', async () => {
    const ce = await startEmu();
    const instance = await createInstance(ce, {
      elementKey: 'marketo',
      name: 'Marketo',
      configuration: {
        'oauth.api.key': app.apiKey,
        'oauth.api.secret': app.apiSecret,
        'marketo.identity.url': 'https://338-ZRW-745.mktorest.com/identity',
        'base.url': 'https://338-ZRW-745.mktorest.com/rest',
      },
    });
    expect(emulator.state.instances.get(instance.id)!.elementKey).toBe('marketo');
  });

  it('lists the CRM contacts of the new instance', async () => {
    const ce = await startEmu();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callback = readOAuthCallback(await consent(start.url, 'approve'), { expectedState: start.state });
    const instance = await finishOAuth(ce, app, { elementKey: 'sfdc', callback, name: 'CRM' });
    const hub = ce.forInstance(instance.token);
    await unwrap(hub.POST('/hubs/crm/contacts', { body: { firstName: 'Grace', lastName: 'Hopper' } }));
    const contacts = await unwrap(hub.GET('/hubs/crm/contacts'));
    expect(contacts.map((c) => c.lastName)).toContain('Hopper');
  });

  it('raises OAuthProviderError when the user clicks Deny', async () => {
    const ce = await startEmu();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callbackUrl = await consent(start.url, 'deny');
    expect(() => readOAuthCallback(callbackUrl, { expectedState: start.state })).toThrow(
      expect.objectContaining({ name: 'OAuthProviderError', error: 'access_denied' }),
    );
  });

  it('throws BadRequestError for a replayed code and for a wrong callback URL, without secrets', async () => {
    const ce = await startEmu();
    const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const callback = readOAuthCallback(await consent(start.url, 'approve'), { expectedState: start.state });
    await finishOAuth(ce, app, { elementKey: 'sfdc', callback, name: 'once' });
    const replay = await catchError(finishOAuth(ce, app, { elementKey: 'sfdc', callback, name: 'twice' }));
    expect(replay).toBeInstanceOf(BadRequestError);
    expect((replay as BadRequestError).providerMessage).toContain('invalid_grant');

    const again = await startOAuth(ce, app, { elementKey: 'sfdc' });
    const second = readOAuthCallback(await consent(again.url, 'approve'), { expectedState: again.state });
    const wrongCallback = { ...app, callbackUrl: 'https://app.example.com/elsewhere' };
    const mismatch = await catchError(
      finishOAuth(ce, wrongCallback, { elementKey: 'sfdc', callback: second, name: 'x' }),
    );
    expect(mismatch).toBeInstanceOf(BadRequestError);
    expect((mismatch as BadRequestError).providerMessage).toContain('redirect_uri_mismatch');
    for (const error of [replay, mismatch]) {
      for (const secret of [callback.code, second.code, app.apiSecret])
        expect(exposed(error)).not.toContain(secret);
    }
  });
});

describe('finishOAuth and a callback kept as JSON', () => {
  it('refuses the [REDACTED] values JSON gives, before anything is sent, and says what to keep instead', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { id: 1, token: 't' }));
    closers.push(() => server.close());
    const ce = createClient({ userSecret, organizationSecret, baseUrl: `${server.url}/elements/api-v2` });
    const app = defineOAuthApp({ apiKey: 'k', apiSecret: 's', callbackUrl: 'https://app.test/cb' });
    const callback = readOAuthCallback('https://app.test/cb?code=the-code&state=s1', { expectedState: 's1' });
    // A session store that keeps the callback as JSON.
    const kept = JSON.parse(JSON.stringify(callback)) as typeof callback;
    const error = await finishOAuth(ce, app, { elementKey: 'sfdc', callback: kept, name: 'n' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('callback.providerData["code"] is "[REDACTED]"');
    expect(server.requests).toHaveLength(0);
    // The values themselves, kept the way the message says, still connect.
    const values = JSON.parse(
      JSON.stringify({ providerData: { ...callback.providerData } }),
    ) as typeof callback;
    await finishOAuth(ce, app, { elementKey: 'sfdc', callback: values, name: 'n' });
    expect((server.requests[0]!.json as { providerData: { code: string } }).providerData.code).toBe(
      'the-code',
    );
  });
});

describe('finishOAuth and a lost answer', () => {
  it('is never retried, even by a client that retries: the code can be used once', async () => {
    const emulator = await startEmulator();
    try {
      const ce = createClient({
        userSecret: emulator.credentials.userSecret,
        organizationSecret: emulator.credentials.organizationSecret,
        baseUrl: emulator.url,
      });
      const app = defineOAuthApp({
        apiKey: 'client-id',
        apiSecret: 'client-secret',
        callbackUrl: 'https://app.test/cb',
      });
      const { url, state } = await startOAuth(ce, app, { elementKey: 'sfdc' });
      const callback = readOAuthCallback(emulator.authorize(url), { expectedState: state });
      // The instance is created, then the answer is lost on the way back.
      emulator.faults.set({
        lostResponse: { share: 1, count: 1 },
        match: (call) => call.method === 'POST' && call.path === '/instances',
      });
      const retrying = ce.withOptions({ retry: { random: () => 0, sleep: async () => {} } });
      const error = await finishOAuth(retrying, app, { elementKey: 'sfdc', callback, name: 'Jane' }).catch(
        (e: unknown) => e,
      );
      // Not "code refused" from a second attempt: the lost answer, which says the instance may exist.
      expect((error as CloudElementsError).name).toBe('ConnectionError');
      expect((error as CloudElementsError).attempts).toBe(1);
      expect((error as CloudElementsError).mayHaveReachedServer).toBe(true);
      expect(emulator.state.instances.size).toBe(1);
    } finally {
      await emulator.close();
    }
  });
});
