import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CloudElementsError,
  NotFoundError,
  createClient,
  paginate,
  unwrap,
  type LogRecord,
} from '../src/index.js';
import { defineOAuthApp, finishOAuth, startOAuth, startOAuth1 } from '../src/oauth.js';
import { buildEventsConfiguration, createInstance } from '../src/instances.js';
import { waitForBulkJob } from '../src/bulk.js';
import { sendJson, startServer, type TestServer } from './helpers/http-server.js';

// What comes back from elsewhere: a server, a gateway, a proxy or the user's own fetch that quotes the request
// (its URL, its Authorization header) or a configuration value. None of it may reach what the SDK hands out.
const SECRETS = {
  userSecret: 'USR-e4Rt7Yu1Io3Pa6Sd',
  organizationSecret: 'ORG-f5Gh8Jk2Lz4Xc7Vb',
  elementToken: 'TOK-n3Mq6We9Rt1Yu5Ip',
  apiKey: 'KEY-a7Sd2Fg5Hj8Kl1Zx',
  apiSecret: 'APS-c4Vb7Nm1Qw3Er6Ty',
  signatureKey: 'SIG-u9Io2Pa5Sd8Fg1Hj',
  requestToken: 'RQT-k4Lz7Xc1Vb3Nm6Qw',
};
const planted = Object.values(SECRETS);

/** Everything a user could print or log of `value`, its causes included. */
function printed(value: unknown): string {
  const out = [inspect(value, { depth: Infinity, showHidden: true }), String(value)];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch (error) {
    out.push(String(error));
  }
  for (let error = value; error instanceof Error; error = error.cause)
    out.push(error.message, error.stack ?? '');
  return out.join('\n');
}

function expectNoSecret(...values: unknown[]) {
  const text = values.map(printed).join('\n');
  for (const secret of planted) expect(text).not.toContain(secret);
}

const credentials = { userSecret: SECRETS.userSecret, organizationSecret: SECRETS.organizationSecret };

/** A hub client of `server`'s API (with the planted element token) whose log records are kept. */
function loggedCrm(server: TestServer) {
  const records: LogRecord[] = [];
  const crm = createClient({
    ...credentials,
    baseUrl: `${server.url}/elements/api-v2`,
    logger: (r) => records.push(r),
  }).forInstance(SECRETS.elementToken);
  return { crm, records };
}
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('secrets that come back from elsewhere', () => {
  it("a fetch of the user's whose error quotes the request: message, cause chain and log records stay clean", async () => {
    const quoted: string[] = [];
    // Like a proxy adapter that puts the refused request in its error, with a cause of its own.
    const fetch = async (request: Request) => {
      const text = `proxy refused ${request.url} Authorization: ${request.headers.get('authorization')}`;
      quoted.push(text);
      const inner = Object.assign(new Error(text), {
        code: 'ECONNRESET',
        config: { headers: { auth: text } },
      });
      throw new TypeError(`fetch failed: ${text}`, { cause: inner });
    };
    const records: LogRecord[] = [];
    const ce = createClient({
      ...credentials,
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      fetch,
      retry: false,
      logger: (record) => records.push(record),
    });
    const platform = await unwrap(ce.GET('/instances')).catch((e: unknown) => e);
    const hub = await unwrap(ce.forInstance(SECRETS.elementToken).GET('/hubs/crm/contacts')).catch(
      (e: unknown) => e,
    );
    const app = { apiKey: SECRETS.apiKey, apiSecret: SECRETS.apiSecret, callbackUrl: 'https://app.test/cb' };
    const oauth = await startOAuth(ce, app, { elementKey: 'sfdc' }).catch((e: unknown) => e);
    for (const error of [platform, hub, oauth]) {
      expect(error).toBeInstanceOf(CloudElementsError);
      expect((error as Error).name).toBe('ConnectionError');
      // The cause is still there to read, and still what it was: a TypeError whose cause has its code.
      const cause = (error as Error).cause as Error & { cause: Error & { code: string } };
      expect(cause).toBeInstanceOf(TypeError);
      expect(cause.message).toContain('proxy refused');
      expect(cause.cause.code).toBe('ECONNRESET');
    }
    expectNoSecret(platform, hub, oauth, records);
    // The secrets did go through the fetch: the test can fail.
    expect(quoted.join('\n')).toContain(SECRETS.elementToken);
    expect(quoted.join('\n')).toContain(SECRETS.apiSecret);
  });

  it('a gateway that puts the refused credentials in its status text, request id and content type', async () => {
    server = await startServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      if (req.path.endsWith('/instances')) {
        res.statusMessage = `Rejected ${auth}`;
        sendJson(res, 401, { message: 'no' }, { 'elements-request-id': auth });
        return;
      }
      // A 200 that is not JSON and starts with the credentials: the parser quotes its first characters.
      res.writeHead(200, { 'content-type': `text/plain; x="${auth}"`, 'elements-request-id': auth });
      res.end(`${auth.slice('User '.length)} is not allowed here`);
    });
    const records: LogRecord[] = [];
    const ce = createClient({
      ...credentials,
      baseUrl: `${server.url}/elements/api-v2`,
      logger: (r) => records.push(r),
    });
    const refused = await unwrap(ce.GET('/instances')).catch((e: unknown) => e);
    const notJson = await unwrap(ce.GET('/elements')).catch((e: unknown) => e);
    expect((refused as Error).name).toBe('UnauthorizedError');
    expect((refused as CloudElementsError).requestId).toContain('[REDACTED]');
    expect((notJson as Error).name).toBe('InvalidResponseError');
    expect(((notJson as Error).cause as Error).name).toBe('SyntaxError');
    expectNoSecret(refused, notJson, records);
    // Not even the start of a secret: the parser's message quoted `"USR-e4Rt7Y"...` of the body.
    expect(printed(notJson)).not.toContain(SECRETS.userSecret.slice(0, 8));
  });

  it('a next-page token that quotes the credentials is sent back, and the log records of that page stay clean', async () => {
    // paginate sends a page's token as ?nextPage=…; a server that put the Authorization header there gets it back in
    // the URL, which every log record of that call carries.
    server = await startServer((req, res) => {
      if (req.query.nextPage !== undefined) return sendJson(res, 200, [{ id: 2 }]);
      sendJson(res, 200, [{ id: 1 }], { 'elements-next-page-token': req.headers.authorization ?? '' });
    });
    const { crm, records } = loggedCrm(server);
    const ids: unknown[] = [];
    for await (const record of paginate(crm, '/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
    }))
      ids.push(record.id);
    expect(ids).toEqual([1, 2]);
    expect(server.requests[1]!.query.nextPage).toContain(SECRETS.userSecret);
    expect(records).toHaveLength(2);
    expect(records[1]!.url).toContain('nextPage=');
    expectNoSecret(records);
  });

  it('a secret put in a path parameter stays out of the error and of every field of the log records', async () => {
    server = await startServer((_req, res) => sendJson(res, 404, { message: 'No contact found' }));
    const { crm, records } = loggedCrm(server);
    const error = await unwrap(
      crm.GET('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId: SECRETS.userSecret } },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).path).toBe('/hubs/crm/contacts/[REDACTED]');
    expect(records).toHaveLength(1);
    expectNoSecret(error, records);
  });

  it('a secret echoed in an error body in any spelling, or as a key, is redacted', async () => {
    const userSecret = "USR!(s&c<r/t)~'q'9";
    const spellings = {
      form: new URLSearchParams([['u', userSecret]]).toString().slice(2),
      lowerHex: encodeURIComponent(userSecret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      twice: encodeURIComponent(encodeURIComponent(userSecret)),
      html: userSecret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;'),
      json: JSON.stringify(userSecret).slice(1, -1),
    };
    let answer: unknown;
    server = await startServer((_req, res) => sendJson(res, 400, answer));
    const ce = createClient({ userSecret: 'USR-9f8e7d6c5b4a', baseUrl: `${server.url}/elements/api-v2` });
    const echoing = createClient({ userSecret, baseUrl: `${server.url}/elements/api-v2` });
    for (const [name, text] of Object.entries(spellings)) {
      answer = { message: `callback=${text}` };
      const error = (await unwrap(echoing.GET('/instances')).catch((e: unknown) => e)) as CloudElementsError;
      expect(printed(error), name).not.toContain(text);
      expect(JSON.stringify(error.body), name).toBe('{"message":"callback=[REDACTED]"}');
    }
    answer = { fields: { [`User ${userSecret}`]: 'unknown credential' } };
    const keyed = (await unwrap(echoing.GET('/instances')).catch((e: unknown) => e)) as CloudElementsError;
    expect(keyed.body).toEqual({ fields: { 'User [REDACTED]': 'unknown credential' } });
    // Another client's secret is not this client's to know: the body comes through.
    answer = { message: 'plain' };
    expect(
      ((await unwrap(ce.GET('/instances')).catch((e: unknown) => e)) as CloudElementsError).body,
    ).toEqual({
      message: 'plain',
    });
  });

  it('a secret echoed in JSON text with escapes of its encoder, cut off before it ends, is redacted', async () => {
    // Base64, as Cloud Elements secrets are; PHP escapes each `/` and .NET each `+`. The body stops mid-string (a
    // proxy's limit), so it is kept as text: parsing, which would read the escapes, fails.
    const userSecret = 'kmVg5FO4ybmgYoFnBZ2yJ8s/EJKGQbkDyDwIs0l+Y+s=';
    const whole = `{"message":"bad credentials: ${userSecret}","code":"E1"}`;
    const bodies = [whole.replace(/\//g, '\\/').slice(0, -16), whole.replace(/\+/g, '\\u002B').slice(0, -16)];
    let index = 0;
    server = await startServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(bodies[index++]);
    });
    const records: LogRecord[] = [];
    const ce = createClient({
      userSecret,
      baseUrl: `${server.url}/elements/api-v2`,
      logger: (record) => records.push(record),
    });
    for (const body of bodies) {
      const error = (await unwrap(ce.GET('/instances')).catch((e: unknown) => e)) as CloudElementsError;
      expect(error.status).toBe(401);
      expect(error.body).toBe('{"message":"bad credentials: [REDACTED]');
      const shown = printed(error) + JSON.stringify(records);
      // No piece of the secret is left: neither side of the escaped character.
      for (const piece of userSecret.split(/[/+=]/))
        if (piece.length >= 4) expect(shown).not.toContain(piece);
      expect(body).toContain(userSecret.slice(0, 16));
    }
  });

  it('an error body with backslashes that start no JSON escape (a Windows path) is kept, and its error typed', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 404, { requestId: 'r-9', message: 'Could not find file D:\\Temp\\Files\\x.pdf' }),
    );
    const ce = createClient({ ...credentials, baseUrl: `${server.url}/elements/api-v2`, retry: false });
    const error = await unwrap(ce.GET('/instances')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Could not find file D:\\Temp\\Files\\x.pdf');
  });

  it('the signature key of events configuration is a secret when an instance is created or connected', async () => {
    server = await startServer((req, res) => {
      const configuration = (req.json as { configuration: Record<string, string> }).configuration;
      sendJson(res, 400, {
        message: `key '${configuration['event.notification.signature.key']}' is too short`,
      });
    });
    const ce = createClient({ ...credentials, baseUrl: `${server.url}/elements/api-v2` });
    const events = buildEventsConfiguration({
      mode: 'webhook',
      callbackUrl: 'https://app.test/events',
      signatureKey: SECRETS.signatureKey,
    });
    const created = await createInstance(ce, { elementKey: 'sfdc', name: 'n', configuration: events }).catch(
      (e: unknown) => e,
    );
    const app = { apiKey: SECRETS.apiKey, apiSecret: SECRETS.apiSecret, callbackUrl: 'https://app.test/cb' };
    const finished = await finishOAuth(ce, app, {
      elementKey: 'sfdc',
      name: 'n',
      callback: { providerData: { code: 'code-1234' } },
      configuration: events,
    }).catch((e: unknown) => e);
    expect(printed(created)).toContain("key '[REDACTED]' is too short");
    expectNoSecret(created, finished);
    expect(server.requests.map((r) => r.text).join('\n')).toContain(SECRETS.signatureKey);
  });

  it('a baseUrl with user:password@ is refused at once, without quoting it', () => {
    const password = 'PROXY-PASS-31415';
    let error: unknown;
    try {
      createClient({ ...credentials, baseUrl: `http://gw:${password}@127.0.0.1:9/elements/api-v2` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/baseUrl must not hold a user name or password/);
    expect(printed(error)).not.toContain(password);
  });

  it('an OAuth app shows no token of its callback URL; the provider URL of a start shows no app key', async () => {
    const app = defineOAuthApp({
      apiKey: SECRETS.apiKey,
      apiSecret: SECRETS.apiSecret,
      callbackUrl: `https://ops:${SECRETS.requestToken}@app.test/cb?access_token=${SECRETS.signatureKey}`,
    });
    expectNoSecret(app);
    expect(app.callbackUrl).toContain(SECRETS.signatureKey);

    server = await startServer((req, res) => {
      if (req.path.endsWith('/oauth/token')) {
        sendJson(res, 200, { token: SECRETS.requestToken, secret: 'RQS-2b4d6f8h0j' });
      } else if (req.query['requestToken'] !== undefined) {
        sendJson(res, 400, { message: `request token ${req.query['requestToken']} expired` });
      } else {
        sendJson(res, 200, {
          oauthUrl: `https://provider.test/authorize?client_id=${req.query['apiKey']}&x=1`,
        });
      }
    });
    const ce = createClient({ ...credentials, baseUrl: `${server.url}/elements/api-v2` });
    const plain = {
      apiKey: SECRETS.apiKey,
      apiSecret: SECRETS.apiSecret,
      callbackUrl: 'https://app.test/cb',
    };
    const started = await startOAuth(ce, plain, { elementKey: 'sfdc' });
    expect(started.url).toContain(SECRETS.apiKey);
    expectNoSecret(started);
    const oauth1 = await startOAuth1(ce, plain, { elementKey: 'twitter' }).catch((e: unknown) => e);
    expect(oauth1).toBeInstanceOf(CloudElementsError);
    expect(printed(oauth1)).toContain('request token [REDACTED] expired');
    expectNoSecret(oauth1);
  });

  it("a failed bulk job's message is redacted and cut short, in the error and in its report", async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, {
        id: '7',
        status: 'FAILED',
        message: `callback https://app.test/done?access_token=x1y2z3 refused; auth was ${req.headers.authorization} ${'.'.repeat(5_000)}`,
      }),
    );
    const crm = createClient({ ...credentials, baseUrl: `${server.url}/elements/api-v2` }).forInstance(
      SECRETS.elementToken,
    );
    const error = (await waitForBulkJob(crm, { hub: 'crm', jobId: '7' }).catch(
      (e: unknown) => e,
    )) as Error & {
      job: { message: string };
    };
    expect(error.name).toBe('BulkJobError');
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('access_token=[REDACTED]');
    expect(error.job.message).toContain(
      'auth was User [REDACTED], Organization [REDACTED], Element [REDACTED]',
    );
    expectNoSecret(error);
  });

  it('the { data, error } form holds the error body as unwrap does: redacted', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 401, { message: `Invalid credentials: ${req.headers.authorization}` }),
    );
    const ce = createClient({ ...credentials, baseUrl: `${server.url}/elements/api-v2` });
    const { error, response } = await ce.GET('/elements/{keyOrId}', {
      params: { path: { keyOrId: 'sfdc' } },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({ message: 'Invalid credentials: User [REDACTED], Organization [REDACTED]' });
  });
});
