// Instances: a missing client, an option named but undefined (an unset environment variable), and instances from
// tokens obtained outside Cloud Elements.
import { afterEach, describe, expect, test } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import {
  buildEventsConfiguration,
  createInstance,
  disableEvents,
  enableEvents,
} from '../../src/instances/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { failure } from '../helpers/failure.js';
import { clientOf, sendJson, startServer } from '../helpers/http-server.js';
import { offlineClient } from '../helpers/offline-client.js';

/** An sfdc instance's configuration with tokens obtained outside Cloud Elements (`externalAuthentication`). */
const ownTokens = {
  'oauth.api.key': 'client-id-1',
  'oauth.api.secret': 'client-secret-1',
  'oauth.callback.url': 'https://app.example.com/cb',
  'oauth.user.token': 'access-token-1',
  'oauth.user.refresh_token': 'refresh-token-1',
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const { client: offline } = offlineClient();

describe('the instance helpers check their client first', () => {
  test.each([
    ['createInstance', () => createInstance(undefined as never, { elementKey: 'closeio', name: 'n' })],
    [
      'enableEvents',
      () =>
        enableEvents(undefined as never, 1, { mode: 'webhook', callbackUrl: 'https://app.example.com/e' }),
    ],
    ['disableEvents', () => disableEvents({} as never, 1)],
  ])('%s without a client names it instead of crashing on PATCH/POST', async (name, run) => {
    const error = await failure(run);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(
      `[cloud-elements] ${name} needs a client from createClient() (or client.forInstance(token)) as its first argument`,
    );
  });
});

describe('events options that are null', () => {
  test.each([
    [
      'disableEvents',
      (ce: never) => disableEvents(ce, 12, null as never),
      'disableEvents options must be an object such as { signal }, or left out.',
    ],
    [
      'enableEvents',
      (ce: never) => enableEvents(ce, 12, null as never),
      "Pass events options such as { mode: 'webhook', callbackUrl }.",
    ],
  ])(
    '%s(client, id, null) is a TypeError that says what to pass, and no call is made',
    async (_name, run, message) => {
      emulator = await startEmulator();
      const instance = emulator.createInstance({ element: 'sfdc' });
      const ce = createClient({
        userSecret: emulator.credentials.userSecret,
        organizationSecret: emulator.credentials.organizationSecret,
        baseUrl: emulator.url,
      });
      const error = await failure(() => run(ce as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`[cloud-elements] ${message}`);
      expect(instance.configuration.get('event.notification.enabled')).toBe('false');
      // Left out, the options are not needed.
      await disableEvents(ce, instance.id);
    },
  );
});

describe('events options named but undefined', () => {
  const signatureHint =
    '[cloud-elements] signatureKey is undefined: is the environment variable set? Leave the option out for unsigned events.';

  test('signatureKey: process.env.UNSET is refused instead of turning on unsigned events', async () => {
    const options = {
      mode: 'webhook' as const,
      callbackUrl: 'https://app.example.com/e',
      signatureKey: process.env.CE_TEST_SIGNATURE_KEY_THAT_IS_NOT_SET,
    };
    const error = await failure(() => enableEvents(offline, 1, options));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(signatureHint);
    expect(() => buildEventsConfiguration(options)).toThrow(signatureHint);
    // Leaving the option out still asks for unsigned events.
    expect(
      buildEventsConfiguration({ mode: 'webhook', callbackUrl: 'https://app.example.com/e' }),
    ).not.toHaveProperty(['event.notification.signature.key']);
  });

  test('callbackUrl: undefined asks whether the environment variable is set', () => {
    expect(() =>
      buildEventsConfiguration({ mode: 'webhook', callbackUrl: process.env.CE_TEST_URL_THAT_IS_NOT_SET! }),
    ).toThrow(/^\[cloud-elements\] callbackUrl is undefined: is the environment variable set\?/);
  });
});

describe('createInstance with tokens obtained elsewhere', () => {
  test("externalAuthentication: 'initial' creates an OAuth instance from configuration tokens, no providerData", async () => {
    emulator = await startEmulator();
    const bodies: unknown[] = [];
    const ce = createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
      fetch: async (request: Request) => {
        if (request.method === 'POST') bodies.push(await request.clone().json());
        return fetch(request);
      },
    });
    const instance = await createInstance(ce, {
      elementKey: 'sfdc',
      name: 'Own tokens',
      externalAuthentication: 'initial',
      configuration: ownTokens,
    });
    expect(bodies).toEqual([
      {
        element: { key: 'sfdc' },
        configuration: expect.objectContaining({ 'oauth.user.refresh_token': 'refresh-token-1' }),
        name: 'Own tokens',
        externalAuthentication: 'initial',
      },
    ]);
    expect(instance).not.toHaveProperty('providerData');
    expect(typeof instance.token).toBe('string');
    // The new instance works for hub calls.
    expect(await unwrap(ce.forInstance(instance.token!).GET('/hubs/crm/contacts'))).toEqual([]);
  });

  test('refuses an externalAuthentication other than initial or none', async () => {
    const error = await failure(() =>
      createInstance(offline, { elementKey: 'sfdc', name: 'n', externalAuthentication: 'yes' as never }),
    );
    expect(error.message).toBe(
      `[cloud-elements] externalAuthentication must be 'initial' (tokens obtained elsewhere) or 'none', got "yes".`,
    );
  });
});

describe('createInstance and a lost answer', () => {
  test('is never retried, even by a client whose policy retries POST: one instance, not two', async () => {
    emulator = await startEmulator();
    const ce = createClient({
      userSecret: emulator.credentials.userSecret,
      organizationSecret: emulator.credentials.organizationSecret,
      baseUrl: emulator.url,
      retry: {
        methods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST'],
        random: () => 0,
        sleep: async () => {},
      },
    });
    // The instance is created, then the answer is lost on the way back.
    emulator.faults.set({
      lostResponse: { share: 1, count: 1 },
      match: (call) => call.method === 'POST' && call.path === '/instances',
    });
    const error = await failure(() =>
      createInstance(ce, {
        elementKey: 'sfdc',
        name: 'Own tokens',
        externalAuthentication: 'initial',
        configuration: ownTokens,
      }),
    );
    // The lost answer, which says the instance may exist, rather than a second instance.
    expect(error.name).toBe('ConnectionError');
    expect(error).toMatchObject({ attempts: 1, mayHaveReachedServer: true });
    expect(emulator.state.instances.size).toBe(1);
  });

  test('is still sent again after a 429, which Cloud Elements never acted on', async () => {
    const server = await startServer((_req, res, index) =>
      index === 0
        ? sendJson(res, 429, { message: 'Too many requests' }, { 'retry-after': '0' })
        : sendJson(res, 200, { id: 7, name: 'After a 429', token: 't' }),
    );
    try {
      const ce = createClient({
        userSecret: 'u',
        organizationSecret: 'o',
        baseUrl: `${server.url}/elements/api-v2`,
        retry: { random: () => 0, sleep: async () => {} },
      });
      const instance = await createInstance(ce, { elementKey: 'closeio', name: 'After a 429' });
      expect(instance).toMatchObject({ id: 7 });
      expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    } finally {
      await server.close();
    }
  });
});

describe('misspelt options are refused, naming the option meant', () => {
  const callbackUrl = 'https://app.example.com/e';
  const signatureKey = 'sig-key-secret-4242';

  test('buildEventsConfiguration and enableEvents refuse signaturekey instead of turning on unsigned events', async () => {
    const options = { mode: 'webhook', callbackUrl, signaturekey: signatureKey } as never;
    expect(() => buildEventsConfiguration(options)).toThrow(
      /^\[cloud-elements\] buildEventsConfiguration has no option "signaturekey"; did you mean signatureKey\?/,
    );
    const { client, requests } = offlineClient();
    const error = await failure(() => enableEvents(client, 12, options));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/enableEvents has no option "signaturekey"; did you mean signatureKey\?/);
    expect(error.message).not.toContain(signatureKey);
    expect(requests).toEqual([]);
    expect(() =>
      buildEventsConfiguration({ mode: 'polling', callbackUrl, pollIntervalMinute: 5 } as never),
    ).toThrow(/did you mean pollIntervalMinutes\?/);
    await expect(disableEvents(client, 12, { singal: undefined } as never)).rejects.toThrow(
      /disableEvents has no option "singal"; did you mean signal\?/,
    );
  });

  test('every documented events option is still accepted, and signal by enableEvents', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { id: 12, name: 'n' }));
    try {
      const ce = clientOf(server);
      const polling = {
        mode: 'polling' as const,
        callbackUrl,
        signatureKey,
        pollIntervalMinutes: 5,
        pollerConfiguration: { contacts: { url: '/hubs/crm/contacts', idField: 'id' } },
        pollerUrls: ['leads'],
        objects: ['Contact'],
      };
      expect(buildEventsConfiguration(polling)).toMatchObject({
        'event.notification.signature.key': signatureKey,
        'event.poller.refresh_interval': '5',
      });
      await enableEvents(ce, 12, { ...polling, signal: new AbortController().signal });
      await disableEvents(ce, 12, { signal: new AbortController().signal });
      expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
    } finally {
      await server.close();
    }
  });

  test('createInstance refuses configuraton instead of creating an instance without configuration', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { id: 1, name: 'm', token: 't' }));
    try {
      const ce = clientOf(server);
      const error = await failure(() =>
        createInstance(ce, {
          elementKey: 'marketo',
          name: 'm',
          configuraton: { 'oauth.api.secret': 'mk-secret-4242' },
        } as never),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(
        /^\[cloud-elements\] createInstance has no option "configuraton"; did you mean configuration\?/,
      );
      expect(error.message).not.toContain('mk-secret-4242');
      expect(server.requests).toEqual([]);
      // Every option of CreateInstanceOptions is still accepted.
      await createInstance(ce, {
        elementKey: 'marketo',
        name: 'm',
        tags: ['t'],
        configuration: { 'base.url': 'https://example.mktorest.com/rest' },
        providerData: { code: '' },
        externalAuthentication: 'none',
        signal: new AbortController().signal,
      });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
