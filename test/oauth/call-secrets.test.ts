// The secrets of one OAuth or instance call (the code, the app's secret, a configuration password, a signature key,
// a callback URL's password) kept out of its errors and log records, over real HTTP, also when a fetch of the
// caller's quotes the request in the error it throws.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type LogRecord } from '../../src/client/index.js';
import { createInstance, enableEvents } from '../../src/instances/index.js';
import {
  defineOAuthApp,
  finishOAuth,
  readOAuthCallback,
  reauthorizeInstance,
  startOAuth,
} from '../../src/oauth/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const secrets = ['code-s3cr3t-9f8e7d', 'app-s3cr3t-1a2b3c', 'pw-s3cr3t-4d5e6f', 'sig-s3cr3t-7a8b9c'];
const leaked = (text: string) => secrets.filter((secret) => text.includes(secret));

/** A client whose fetch fails the way some wrappers do: quoting the request, body included, in its error. */
async function quotingClient(records: LogRecord[]) {
  server = await startServer((_req, res) => sendJson(res, 200, {}));
  return createClient({
    userSecret: 'user-secret-123',
    organizationSecret: 'org-secret-456',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: false,
    logger: (record) => void records.push(record),
    fetch: async (request: Request) => {
      throw new TypeError(
        `request to ${request.url} failed, reason: socket hang up; body: ${await request.text()}`,
      );
    },
  });
}

describe("a fetch of the caller's that quotes the request in its error", () => {
  const app = defineOAuthApp({
    apiKey: 'app-key-1',
    apiSecret: 'app-s3cr3t-1a2b3c',
    callbackUrl: 'https://app.example.com/cb',
  });

  it.each([
    [
      'finishOAuth',
      (ce: ReturnType<typeof createClient>) =>
        finishOAuth(ce, app, {
          elementKey: 'sfdc',
          name: 'Acme',
          callback: { providerData: { code: 'code-s3cr3t-9f8e7d' } },
        }),
    ],
    [
      'createInstance',
      (ce: ReturnType<typeof createClient>) =>
        createInstance(ce, {
          elementKey: 'mysql',
          name: 'Acme',
          configuration: { 'db.password': 'pw-s3cr3t-4d5e6f' },
        }),
    ],
    [
      'enableEvents',
      (ce: ReturnType<typeof createClient>) =>
        enableEvents(ce, 1, {
          mode: 'webhook',
          callbackUrl: 'https://app.example.com/events',
          signatureKey: 'sig-s3cr3t-7a8b9c',
        }),
    ],
  ])('%s: no secret of the call in the error or the log records', async (_name, call) => {
    const records: LogRecord[] = [];
    const error = await call(await quotingClient(records)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('[REDACTED]');
    const shown = `${(error as Error).message}\n${inspect(error, { depth: 8 })}\n${JSON.stringify(error)}`;
    expect(leaked(shown)).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
    expect(leaked(JSON.stringify(records))).toEqual([]);
  });
});

it("startOAuth keeps a callback URL's password out of its log records and its result's JSON", async () => {
  server = await startServer((req, res) =>
    sendJson(res, 200, {
      oauthUrl: `https://provider.example.com/auth?state=${new URL(req.url, 'http://x').searchParams.get('state')}`,
      element: 'sfdc',
    }),
  );
  const records: LogRecord[] = [];
  const ce = createClient({
    userSecret: 'user-secret-123',
    organizationSecret: 'org-secret-456',
    baseUrl: `${server.url}/elements/api-v2`,
    logger: (record) => void records.push(record),
  });
  const app = defineOAuthApp({
    apiKey: 'app-key-1',
    apiSecret: 'app-s3cr3t-1a2b3c',
    callbackUrl: 'https://cbuser:cb-pw-s3cr3t@app.example.com/oauth/cb',
  });
  const start = await startOAuth(ce, app, { elementKey: 'sfdc' });
  // Sent as it was given: the provider must call it back.
  expect(new URL(server.requests[0]!.url, 'http://x').searchParams.get('callbackUrl')).toBe(app.callbackUrl);
  const shown = `${JSON.stringify(start)}\n${inspect(start)}\n${JSON.stringify(records)}`;
  expect(shown).not.toContain('cb-pw-s3cr3t');
});

it('reauthorizeInstance refuses with PATCH what only a PUT sends, and a configuration that is no object', async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { id: 1 }));
  const ce = createClient({
    userSecret: 'user-secret-123',
    organizationSecret: 'org-secret-456',
    baseUrl: `${server.url}/elements/api-v2`,
  });
  const app = defineOAuthApp({ apiKey: 'k', apiSecret: 's', callbackUrl: 'https://app.example.com/cb' });
  const callback = { providerData: { code: 'c' } };
  await expect(
    reauthorizeInstance(ce, app, { instanceId: 1, callback, name: 'New name', tags: ['new'] } as never),
  ).rejects.toThrow(
    "reauthorizeInstance sends name and tags only with method: 'PUT', which replaces the whole instance; the " +
      "default PATCH changes its credentials and configuration. Pass method: 'PUT' with elementKey and name, or " +
      'leave them out.',
  );
  await expect(
    reauthorizeInstance(ce, app, { instanceId: 1, callback, configuration: 'filter' as never }),
  ).rejects.toThrow(/configuration must be an object of configuration keys and values/);
  expect(server.requests).toHaveLength(0);
});

it("a provider's error description cannot turn text around (bidirectional format characters)", () => {
  const url = 'https://app.example.com/cb?state=s1&error=access_denied&error_description=ok%E2%80%AEgnp.exe';
  let message = '';
  try {
    readOAuthCallback(url, { expectedState: 's1' });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('ok gnp.exe');
  expect(message).not.toContain('\u202e');
});
