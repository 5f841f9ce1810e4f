import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAuthorization } from '../src/core/index.js';
import { createClient, unwrap, type LogRecord } from '../src/client/index.js';
import { redactHeaders, redactUrl } from '../src/core/redact.js';
import { findClosedPort, sendJson, startServer, type TestServer } from './helpers/http-server.js';

// Distinctive values: any appearance in output is a leak, never a coincidence.
const SECRETS = {
  userSecret: 'USR-q7Zk2LmP9xWv4Rt8',
  organizationSecret: 'ORG-h3Nf6YbQ1sDc5Ga0',
  elementToken: 'TOK-e9Jw3Ux7Vn2Kp4Mz+/=',
  apiKey: 'KEY-b8Tr5Hq2Lc7Xw1Ns',
  apiSecret: 'APS-v6Dm3Zp9Fk4Qy8Jh',
  code: 'CODE-s2Wg7Ra5Ne1Bt6Cu',
};
const planted = Object.values(SECRETS);
/** The client's own credentials (createClient refuses options it does not have, such as the OAuth app's). */
const { userSecret, organizationSecret, elementToken } = SECRETS;
const credentials = { userSecret, organizationSecret, elementToken };

/** Every rendering of a value a user could print or log. */
function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    inspect(value, { depth: Infinity }),
    String(value),
    `${value as string}`,
  ];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch (error) {
    out.push(String(error));
  }
  if (value instanceof Error) {
    out.push(
      value.message,
      value.stack ?? '',
      JSON.stringify({ ...value }),
      inspect(value.cause, { depth: Infinity }),
    );
  }
  return out;
}

function expectNoSecret(outputs: string[]) {
  const text = outputs.join('\n');
  for (const secret of planted) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('secrets', () => {
  it('never appear in client objects, errors, log records or logged URLs', async () => {
    // A hostile server: echoes the Authorization header and the full URL back in every error body.
    server = await startServer((req, res, index) => {
      const echo = `auth was ${req.headers.authorization ?? ''} for ${req.url}`;
      if (req.path.endsWith('/ping')) return sendJson(res, index % 2 === 0 ? 503 : 200, { message: echo });
      sendJson(
        res,
        401,
        { requestId: 'r1', message: echo, providerMessage: echo },
        { 'Elements-Request-Id': 'r1' },
      );
    });
    const records: LogRecord[] = [];
    const outputs: string[] = [];
    const client = createClient({
      userSecret: SECRETS.userSecret,
      organizationSecret: SECRETS.organizationSecret,
      baseUrl: `${server.url}/elements/api-v2`,
      logger: (record) => records.push(record),
      retry: { sleep: async () => {} },
    });
    const instance = client.forInstance(SECRETS.elementToken);
    outputs.push(...renderings(client), ...renderings(instance));

    // Platform call whose query carries OAuth secrets, and a hub call, both failing with echoing bodies.
    const oauth = client.GET('/elements/{keyOrId}/oauth/url', {
      params: {
        path: { keyOrId: 'sfdc' },
        query: {
          apiKey: SECRETS.apiKey,
          apiSecret: SECRETS.apiSecret,
          callbackUrl: `https://app.test/cb?code=${SECRETS.code}`,
          state: 'sfdc',
        },
      },
    });
    const oauthError = await unwrap(oauth).catch((e: unknown) => e);
    const hubError = await unwrap(
      instance.GET('/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm', objectName: 'contacts' } } }),
    ).catch((e: unknown) => e);
    expect(oauthError).toBeInstanceOf(Error);
    expect(hubError).toBeInstanceOf(Error);
    outputs.push(...renderings(oauthError), ...renderings(hubError));
    // A call answered 200 after a 503: the logger sees both attempts.
    await instance.GET('/hubs/{hub}/ping', { params: { path: { hub: 'crm' } } });

    // Connection and timeout failures.
    const port = await findClosedPort();
    const offline = createClient({
      ...credentials,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: false,
      logger: (r) => records.push(r),
    });
    outputs.push(
      ...renderings(
        await offline.GET('/hubs/{hub}/ping', { params: { path: { hub: 'x' } } }).catch((e: unknown) => e),
      ),
    );
    const hanging = await startServer(() => new Promise(() => {}));
    try {
      const slow = createClient({
        ...credentials,
        baseUrl: hanging.url,
        timeoutMs: 50,
        logger: (r) => records.push(r),
      });
      outputs.push(
        ...renderings(
          await slow.GET('/hubs/{hub}/ping', { params: { path: { hub: 'x' } } }).catch((e: unknown) => e),
        ),
      );
    } finally {
      await hanging.close();
    }

    // Misuse errors that involve secret values.
    for (const bad of [
      `${SECRETS.userSecret},x`,
      `${SECRETS.userSecret}\r\nX: y`,
      ` ${SECRETS.userSecret} `,
    ]) {
      outputs.push(...renderings(captureError(() => createClient({ userSecret: bad }))));
      outputs.push(...renderings(captureError(() => client.forInstance(bad))));
    }
    outputs.push(...renderings(captureError(() => parseAuthorization(`Bearer ${SECRETS.userSecret}`))));
    outputs.push(...renderings(captureError(() => parseAuthorization(`User ${SECRETS.userSecret} x`))));

    outputs.push(...records.flatMap((record) => renderings(record)));
    expect(records.length).toBeGreaterThanOrEqual(5);
    expect(records.some((r) => r.url.includes('apiKey=[REDACTED]&apiSecret=[REDACTED]'))).toBe(true);
    expectNoSecret(outputs);

    // The test is only meaningful if the secrets really went out.
    const wire = server.requests
      .map((r) => `${r.headers.authorization} ${decodeURIComponent(r.url)}`)
      .join('\n');
    for (const secret of planted) expect(wire).toContain(secret);
  });

  it('redacts apiKey, apiSecret, code and token query values but keeps state', () => {
    expect(
      redactUrl(
        `https://api.test/elements/sfdc/oauth/url?apiKey=${SECRETS.apiKey}&apiSecret=${SECRETS.apiSecret}&callbackUrl=https%3A%2F%2Fx.test&state=sfdc&code=${SECRETS.code}&token=t1234`,
      ),
    ).toBe(
      'https://api.test/elements/sfdc/oauth/url?apiKey=[REDACTED]&apiSecret=[REDACTED]&callbackUrl=https%3A%2F%2Fx.test&state=sfdc&code=[REDACTED]&token=[REDACTED]',
    );
    expect(redactUrl('https://me:pw@api.test/x#frag')).toBe('https://[REDACTED]@api.test/x#frag');
    expect(
      redactUrl('https://api.test/x?callbackUrl=https%3A%2F%2Fa.test%2Fcb%3Fstate%3Ds%26code%3Dc123'),
    ).toBe('https://api.test/x?callbackUrl=https%3A%2F%2Fa.test%2Fcb%3Fstate%3Ds%26code%3D[REDACTED]');
  });

  it('redacts credential headers', () => {
    const headers = new Headers({
      Authorization: `User ${SECRETS.userSecret}, Organization ${SECRETS.organizationSecret}, Element ${SECRETS.elementToken}`,
      'Content-Type': 'application/json',
      Cookie: 'session=abc',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: 'User [REDACTED], Organization [REDACTED], Element [REDACTED]',
      'content-type': 'application/json',
      cookie: '[REDACTED]',
    });
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
