// Misuse that used to fail late or with the wrong message: a missing or forgotten client, and callback inputs
// that are requests rather than their URL.
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { parse } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import {
  defineOAuthApp,
  finishOAuth,
  readOAuth1Callback,
  readOAuthCallback,
  reauthorizeInstance,
  startOAuth,
  startOAuth1,
} from '../../src/oauth/index.js';
import { failure } from '../helpers/failure.js';
import { offlineClient } from '../helpers/offline-client.js';

const app = defineOAuthApp({
  apiKey: 'api-key-secret-1',
  apiSecret: 'api-secret-secret-1',
  callbackUrl: 'https://app.example.com/cb',
});
const callback = { providerData: { code: 'code-secret-1' } };
const clientHint = 'needs a client from createClient() (or client.forInstance(token)) as its first argument';

describe('the OAuth helpers check their client first', () => {
  it.each([
    ['startOAuth', () => startOAuth(undefined as never, app, { elementKey: 'sfdc' })],
    ['startOAuth1', () => startOAuth1(undefined as never, app, { elementKey: 'twitter' })],
    ['finishOAuth', () => finishOAuth(undefined as never, app, { elementKey: 'sfdc', name: 'n', callback })],
    ['reauthorizeInstance', () => reauthorizeInstance(null as never, app, { instanceId: 1, callback })],
  ])('%s(undefined, …) names the missing client instead of crashing on GET', async (name, run) => {
    const error = await failure(run);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(
      new RegExp(`^\\[cloud-elements\\] ${name} ${clientHint.replace(/[()]/g, '\\$&')}`),
    );
  });

  it('startOAuth(app, options) with the client forgotten says so, not that the apiKey is wrong', async () => {
    const error = await failure(() =>
      (startOAuth as (...args: unknown[]) => unknown)(app, { elementKey: 'sfdc' }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `[cloud-elements] startOAuth ${clientHint}, got an object without GET and POST.`,
    );
    expect(error.message).not.toContain('secret-1');
  });

  it('takes a client made by createClient and by forInstance', async () => {
    const { client: ce } = offlineClient();
    // Past the client check, the call fails at the (stub) network.
    for (const client of [ce, ce.forInstance('t1')]) {
      const error = await failure(() => startOAuth(client, app, { elementKey: 'sfdc' }));
      expect(error.message).not.toContain(clientHint);
    }
  });
});

describe('readOAuthCallback input', () => {
  const url = 'https://app.example.com/cb?code=abc&state=s1';

  it('reads a web Request by its URL', () => {
    const callback = readOAuthCallback(new Request(url), { expectedState: 's1' });
    expect(callback.code).toBe('abc');
    expect(callback.providerData).toEqual({ code: 'abc' });
    const oauth1 = readOAuth1Callback(
      new Request('https://app.example.com/cb?oauth_token=t1&oauth_verifier=v1'),
      {
        requestToken: 't1',
        requestTokenSecret: 'ts1',
      },
    );
    expect(oauth1.providerData).toEqual({ oauth_token: 't1', oauth_verifier: 'v1', secret: 'ts1' });
  });

  it('refuses a Node request or Headers, saying to pass req.url', () => {
    const req = Object.assign(new IncomingMessage(new Socket()), {
      url: '/cb?code=abc&state=s1',
      headers: { host: 'app.example.com', cookie: 'session=cookie-secret-1' },
    });
    const expressLike = {
      url: '/cb?code=abc&state=s1',
      headers: { cookie: 'session=cookie-secret-1' },
      query: {},
    };
    for (const input of [req, expressLike, new Headers({ cookie: 'session=cookie-secret-1' })]) {
      let caught: unknown;
      try {
        readOAuthCallback(input as never, { expectedState: 's1' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TypeError);
      expect((caught as Error).message).toBe(
        '[cloud-elements] The OAuth callback is a request or another object, not its query; pass req.url (or ' +
          'the URL, its search string, URLSearchParams, or a Request).',
      );
    }
  });

  it('still takes parsed query objects, with or without a prototype', () => {
    expect(readOAuthCallback(parse('code=abc&state=s1'), { expectedState: 's1' }).code).toBe('abc');
    expect(readOAuthCallback({ code: 'abc', state: 's1' }, { expectedState: 's1' }).code).toBe('abc');
  });
});

describe('defineOAuthApp and misspelt fields', () => {
  const settings = {
    apiKey: 'api-key-secret-2',
    apiSecret: 'api-secret-secret-2',
    callbackUrl: 'https://a.example/cb',
  };

  it('refuses scopes instead of running the flow without the scope, naming scope and no value', () => {
    let caught: unknown;
    try {
      defineOAuthApp({ ...settings, scopes: 'full refresh_token' } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    const message = (caught as Error).message;
    expect(message).toBe(
      '[cloud-elements] defineOAuthApp has no option "scopes"; did you mean scope? Its options: apiKey, ' +
        'apiSecret, callbackUrl, scope.',
    );
    expect(() => defineOAuthApp({ ...settings, apikey: 'x' } as never)).toThrow(/did you mean apiKey\?/);
  });

  it('takes every field of OAuthApp, and an app it defined before', () => {
    const app = defineOAuthApp({ ...settings, scope: 'full refresh_token' });
    expect(app.scope).toBe('full refresh_token');
    expect(defineOAuthApp(app).apiSecret).toBe(settings.apiSecret);
    expect(defineOAuthApp({ ...settings, scope: undefined }).apiKey).toBe(settings.apiKey);
  });
});

describe('the flow refuses a misspelt option, naming the one meant, before anything is sent', () => {
  it.each([
    [
      'startOAuth',
      'siteadress',
      'siteAddress',
      (c: never) => startOAuth(c, app, { elementKey: 'sfdc', siteadress: 'x' } as never),
    ],
    [
      'startOAuth1',
      'state',
      undefined,
      (c: never) => startOAuth1(c, app, { elementKey: 'twitter', state: 's' } as never),
    ],
    [
      'finishOAuth',
      'configuraton',
      'configuration',
      (c: never) =>
        finishOAuth(c, app, { elementKey: 'sfdc', callback, name: 'n', configuraton: {} } as never),
    ],
    [
      'reauthorizeInstance',
      'instanceid',
      'instanceId',
      (c: never) => reauthorizeInstance(c, app, { instanceId: 1, instanceid: 1, callback } as never),
    ],
  ])('%s refuses %s', async (name, key, meant, call) => {
    const { client, requests } = offlineClient();
    const error = await failure(() => call(client as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(
      `${name} has no option "${key}"${meant ? `; did you mean ${meant}?` : '.'}`,
    );
    expect(requests).toEqual([]);
  });
});

// readOAuth1Callback takes the whole OAuth1Start as its options (its url and more), so it checks no keys.
describe('readOAuthCallback refuses a misspelt option rather than take it for a lost state', () => {
  it('readOAuthCallback: expectedstate', () => {
    expect(() =>
      readOAuthCallback('https://app.example.com/cb?code=c&state=s', { expectedstate: 's' } as never),
    ).toThrow(/readOAuthCallback has no option "expectedstate"; did you mean expectedState\?/);
  });
});
