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
import { offlineClient } from '../helpers/offline-client.js';

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
      configuration: {
        'oauth.api.key': 'client-id-1',
        'oauth.api.secret': 'client-secret-1',
        'oauth.callback.url': 'https://app.example.com/cb',
        'oauth.user.token': 'access-token-1',
        'oauth.user.refresh_token': 'refresh-token-1',
      },
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
