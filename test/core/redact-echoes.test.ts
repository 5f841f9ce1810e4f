import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor, redactText } from '../../src/core/index.js';
import { CloudElementsError, createClient, unwrap, type LogRecord } from '../../src/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

// A server or a gateway that echoes the refused credentials back, but not as the client sent them: cut short,
// re-cased, or base64-encoded. None of it may reach what a user prints or logs of the error.
const USER = 'uS3cReT7Qx9Lm2Vb8Nz4Kp6Wd1Yh5Tg0Rf3Ja8Ce';
const ORGANIZATION = 'oRG5Hk2Xw8Pn4Bv7Mc1Zt9Ls3Dq6Fy0Gj2Ue5Ia';
const ELEMENT = 'eTk+Q2w9Z/x7Lp4Vb1Nm8Rc3Yh6Ds0Jf5Ga2Ku9Oi=';
const SECRETS = [USER, ORGANIZATION, ELEMENT];

/** Everything a user could print or log of `value`: inspect, String, JSON, message and stack of each cause. */
function printed(value: unknown): string {
  const out = [inspect(value, { depth: Infinity, showHidden: true }), String(value)];
  out.push(JSON.stringify(value) ?? '');
  for (let error = value; error instanceof Error; error = error.cause)
    out.push(error.message, error.stack ?? '');
  return out.join('\n');
}

/** Every run of `size` characters of `text`: a piece that long of a secret (or of its base64) is a leak. */
function pieces(text: string, size: number): string[] {
  return Array.from({ length: text.length - size + 1 }, (_, i) => text.slice(i, i + size));
}

/** Fails when `shown` holds, in any case, `size` (10) or more characters in a row of a secret or of `also`. */
function expectNothingOf(shown: string, also: string[] = [], size = 10) {
  const lower = shown.toLowerCase();
  for (const text of [...SECRETS, ...also])
    for (const piece of pieces(text, size))
      expect(lower, `leaks ${piece}`).not.toContain(piece.toLowerCase());
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client of the three secrets against a server that answers 401 with `body(authorization)`. */
async function refusedWith(body: (authorization: string) => unknown, records: LogRecord[] = []) {
  server = await startServer((req, res) =>
    sendJson(res, 401, body(req.headers.authorization ?? ''), {
      'elements-request-id': `req-1 ${(req.headers.authorization ?? '').slice(0, 36)}...`,
    }),
  );
  const ce = createClient({
    userSecret: USER,
    organizationSecret: ORGANIZATION,
    baseUrl: `${server.url}/elements/api-v2`,
    retry: false,
    logger: (record) => records.push(record),
  }).forInstance(ELEMENT);
  const error = await unwrap(ce.GET('/hubs/crm/contacts')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CloudElementsError);
  expect((error as Error).name).toBe('UnauthorizedError');
  // The header did carry the secrets: the test can fail.
  expect(server.requests[0]?.headers.authorization).toBe(
    `User ${USER}, Organization ${ORGANIZATION}, Element ${ELEMENT}`,
  );
  return error as CloudElementsError;
}

describe('a 401 whose body echoes the refused credentials altered', () => {
  it('cut short (30 of 40 characters, then "…", "..." or the end of the text): message, String, stack, inspect, JSON and log records hold none of it', async () => {
    const records: LogRecord[] = [];
    const error = await refusedWith(
      () => ({
        message: `rejected User ${USER.slice(0, 30)}…, Organization ${ORGANIZATION.slice(0, 30)}...`,
        detail: `element token ${ELEMENT.slice(0, 30)}`,
        hint: `unknown secret "${USER.slice(0, 24)}" for this account`,
      }),
      records,
    );
    expect(error.message).toContain('rejected User [REDACTED]…, Organization [REDACTED]');
    expect(error.body).toEqual({
      message: 'rejected User [REDACTED]…, Organization [REDACTED]...',
      detail: 'element token [REDACTED]',
      hint: 'unknown secret "[REDACTED]" for this account',
    });
    expectNothingOf(printed(error));
    expectNothingOf(JSON.stringify(records));
  });

  it('lower-cased or upper-cased, with or without the scheme words; "User not found" and "Organization settings" stay as they are', async () => {
    const error = await refusedWith((authorization) => ({
      message: `User not found; Organization settings say: rejected ${authorization.toLowerCase()}`,
      upper: authorization.toUpperCase(),
      bare: `secrets ${USER.toLowerCase()} and ${ORGANIZATION.toUpperCase()} are unknown`,
    }));
    expect(error.message).toContain(
      'User not found; Organization settings say: rejected user [REDACTED], organization [REDACTED], element [REDACTED]',
    );
    expect(error.body).toMatchObject({ bare: 'secrets [REDACTED] and [REDACTED] are unknown' });
    expectNothingOf(printed(error));
  });

  it('base64 of the whole Authorization value or of a secret alone, standard or url-safe, padded or not, whole or cut short', async () => {
    const header = `User ${USER}, Organization ${ORGANIZATION}, Element ${ELEMENT}`;
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const base64url = (text: string) => Buffer.from(text).toString('base64url');
    const error = await refusedWith((authorization) => ({
      message: `cannot decode credentials ${base64(authorization)}`,
      user: `user=${base64(USER)};`,
      element: `element ${base64url(ELEMENT)} (url-safe, no padding)`,
      cut: `header ${base64(authorization).slice(0, 44)}…`,
    }));
    expect(error.message).toBe(
      'GET /hubs/crm/contacts failed with 401 Unauthorized: cannot decode credentials [REDACTED] (request id req-1 User [REDACTED]...)',
    );
    expect(error.body).toEqual({
      message: 'cannot decode credentials [REDACTED]',
      user: 'user=[REDACTED];',
      element: 'element [REDACTED] (url-safe, no padding)',
      cut: 'header [REDACTED]…',
    });
    expectNothingOf(printed(error), [
      base64(header).slice(8),
      ...SECRETS.flatMap((secret) => [base64(secret), base64url(secret)]),
    ]);
  });
});

describe('secrets echoed where the SDK describes another failure', () => {
  it('a 2xx body that is not JSON keeps no piece of a secret in the error or its cause', async () => {
    // The parser quotes the body around the bad token without escaping it: a quote in the body used to pair with
    // the parser's own, leaving up to 10 characters of the secret outside the quotes the cause dropped.
    const bodies = [`{"status":"ok","auth":"x","c" ${USER}, Organization ${ORGANIZATION}}`, `ok "${USER}"`];
    let answered = 0;
    server = await startServer((_req, res) => {
      const body = bodies[answered++ % bodies.length]!;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    const ce = createClient({
      userSecret: USER,
      organizationSecret: ORGANIZATION,
      baseUrl: `${server.url}/elements/api-v2`,
    });
    for (let i = 0; i < bodies.length; i++) {
      const error = await ce.GET('/instances').catch((e: unknown) => e);
      expect((error as Error).name).toBe('InvalidResponseError');
      // The parser's words stay, so that the cause still says what kind of text broke the parse.
      expect(((error as Error).cause as Error).message).toMatch(/^Unexpected/);
      expectNothingOf(printed(error), [], 5);
    }
  });

  it("a fetch's failure that quotes the Authorization header is redacted before it is cut short", async () => {
    // Messages keep about 300 characters of a network failure. Cut first, a secret across the cut was a piece that
    // redaction no longer knew: up to 15 characters of it stayed, in the error and in the log record.
    const records: LogRecord[] = [];
    for (let pad = 150; pad < 230; pad += 3) {
      const ce = createClient({
        userSecret: USER,
        organizationSecret: ORGANIZATION,
        baseUrl: 'https://api.example.test/elements/api-v2',
        retry: false,
        logger: (record) => records.push(record),
        fetch: async (request: Request) => {
          throw new TypeError(
            `request failed: ${'#'.repeat(pad)} authorization: ${request.headers.get('authorization')}`,
          );
        },
      }).forInstance(ELEMENT);
      const error = await ce.GET('/hubs/crm/contacts').catch((e: unknown) => e);
      expect((error as Error).name).toBe('ConnectionError');
      expectNothingOf(printed(error) + JSON.stringify(records), [], 5);
      records.length = 0;
    }
  });
});

describe('redactText and createRedactor', () => {
  it('redact an Authorization value a server quotes even when the secrets are unknown or altered, and keep prose', () => {
    const prose = [
      'User not found',
      'Organization settings are locked for this account.',
      'Element sfdc is not provisioned; User authentication failed.',
      'Element salesforcemarketingcloud cannot be reached',
      'the User uses an Organization account; see Element docs',
      'Element netsuiteerpv2 is down for maintenance',
      'User NotFoundException: no such user',
    ];
    const redact = createRedactor(SECRETS);
    for (const text of prose) {
      expect(redactText(text)).toBe(text);
      expect(redact(text)).toBe(text);
    }
    // A gateway that mangled the value: no known secret in it, the scheme words give it away.
    expect(redactText('denied: user 8f14e45fceea167a5a36dedd4bea2543, ORGANIZATION A1b2C3d4E5f6G7h8…')).toBe(
      'denied: user [REDACTED], ORGANIZATION [REDACTED]…',
    );
    expect(redact(`Element ${ELEMENT.slice(3, 20).toLowerCase()}`)).toBe('Element [REDACTED]');
  });

  it('finds a secret inside longer base64 text at each of the three byte alignments', () => {
    const redact = createRedactor([USER]);
    for (const before of ['', 'a', 'ab', 'abc', 'Authorization: User ']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const encoded = Buffer.from(`${before}${USER} and more`).toString(encoding);
        expect(redact(`got ${encoded} back`), `${encoding} after ${before.length}`).toBe(
          'got [REDACTED] back',
        );
      }
    }
  });
});
