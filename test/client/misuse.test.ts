import { afterEach, describe, expect, test } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import { ceql } from '../../src/query/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

// Mistakes a user makes when wiring the client up, each of which used to be dropped without a word: the call then
// went to another host, without a time limit or a filter, or failed far from the mistake.
const secrets = {
  userSecret: 'uSECRETuuuuuuuuuuuuuuuuuuuuuuuu',
  organizationSecret: 'oSECREToooooooooooooooooooooooo',
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  server = await startServer((_req, res) => sendJson(res, 200, []));
  return createClient({ ...secrets, baseUrl: server.url });
}

describe('misspelt options are refused, naming the right one', () => {
  test.each([
    [
      { baseURL: 'https://staging.cloud-elements.com/elements/api-v2' },
      /no option "baseURL"; did you mean baseUrl\?/,
    ],
    [{ env: 'eu' }, /no option "env"; did you mean environment\?/],
    [{ timeout: 5_000 }, /no option "timeout"; did you mean timeoutMs\?/],
    [{ orgSecret: 'x' }, /no option "orgSecret"\. Its options: userSecret, organizationSecret/],
    [{ retry: { attempts: 5 } }, /retry has no option "attempts"; did you mean maxAttempts\?/],
  ])('createClient(%o)', (extra, message) => {
    expect(() => createClient({ ...secrets, ...(extra as object) })).toThrow(message);
  });

  test('retry: true is the default policy, as the message says', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, []));
    const client = createClient({ ...secrets, baseUrl: server.url, retry: true });
    await expect(unwrap(client.GET('/instances'))).resolves.toEqual([]);
  });

  test('withOptions and a call refuse what looks like one of their options, before any request', async () => {
    const client = await start();
    expect(() => client.withOptions({ timeout: 1 } as never)).toThrow(
      /withOptions has no option "timeout"; did you mean timeoutMs\?/,
    );
    expect(() => client.withOptions({ signal: AbortSignal.abort() } as never)).toThrow(
      /Its options: timeoutMs, idleTimeoutMs, retry, bodyFactory/,
    );
    expect(() => client.GET('/instances', { timeout: 1 } as never)).toThrow(
      /GET has no option "timeout"; did you mean timeoutMs\?/,
    );
    expect(() => client.GET('/instances', { retries: 2 } as never)).toThrow(/did you mean retry\?/);
    // A misspelling of the name without its unit; an option of retry's given beside it.
    expect(() => client.GET('/instances', { timout: 200 } as never)).toThrow(
      /GET has no option "timout"; did you mean timeoutMs\?/,
    );
    // The idle limit, not the whole call's: following a wrong hint would cut long downloads short.
    expect(() => client.GET('/instances', { idleTimeout: 200 } as never)).toThrow(
      /GET has no option "idleTimeout"; did you mean idleTimeoutMs\?/,
    );
    expect(() => client.GET('/instances', { maxAttempts: 1 } as never)).toThrow(
      /GET has no option maxAttempts; it is one of retry's: \{ retry: \{ maxAttempts: … \} \}/,
    );
    expect(() => client.GET('/instances', { query: { where: "name = 'x'" } } as never)).toThrow(
      /put it in params: \{ params: \{ query/,
    );
    expect(server!.requests).toHaveLength(0);
    // What fetch itself takes still goes through, also when it is close to a name above (`mode`, `body`).
    await expect(unwrap(client.GET('/instances', { mode: 'cors', cache: 'no-store' }))).resolves.toEqual([]);
    // So do the other fetch options, and those of frameworks' fetches (Next.js's `next`).
    const fetchOptions = {
      redirect: 'follow',
      credentials: 'omit',
      keepalive: false,
      referrerPolicy: 'no-referrer',
      integrity: '',
      next: { revalidate: 60 },
    } as const;
    await expect(unwrap(client.GET('/instances', fetchOptions as never))).resolves.toEqual([]);
    expect(server!.requests).toHaveLength(2);
  });
});

describe('wrong arguments fail at the call, saying what is wrong', () => {
  test('a path parameter left out, put in the wrong place, or NaN', async () => {
    const client = await start();
    expect(() => client.DELETE('/instances/{id}' as never)).toThrow(
      /\/instances\/\{id\} needs params\.path\.id/,
    );
    expect(() => client.DELETE('/instances/{id}', { params: { id: 12 } } as never)).toThrow(
      /needs params\.path\.id/,
    );
    expect(() => client.DELETE('/instances/{id}', { params: { path: { id: Number('12abc') } } })).toThrow(
      /Path parameter id is NaN/,
    );
    expect(server!.requests).toHaveLength(0);
  });

  test('a signal that is not an AbortSignal', async () => {
    const client = await start();
    expect(() => client.GET('/instances', { signal: new AbortController() as never })).toThrow(
      /signal must be an AbortSignal/,
    );
  });

  test('a baseUrl with a query or fragment, without quoting it', () => {
    for (const tail of ['?token=sSECRETinBASEURL', '#sSECRETinBASEURL']) {
      let message = '';
      try {
        createClient({ ...secrets, baseUrl: `http://127.0.0.1:9/elements/api-v2${tail}` });
      } catch (error) {
        message = String(error);
      }
      expect(message).toMatch(/baseUrl must be the API root, without a query or fragment/);
      expect(message).not.toContain('sSECRET');
    }
  });
});

describe('query values with a text form of their own are sent as that text', () => {
  test('a ceql fragment as where filters the list, a Date is sent as its ISO time', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, []));
    const client = createClient({ ...secrets, baseUrl: server.url }).forInstance(
      'eTOKENeeeeeeeeeeeeeeeeeeeeee',
    );
    const since = new Date('2026-01-15T00:00:00.000Z');
    const query = { where: ceql`lastName = ${'Ada'}`, since, pageSize: 5 };
    await unwrap(client.GET('/hubs/crm/contacts', { params: { query: query as never } }));
    const [request] = server.requests;
    expect(request!.query).toEqual({
      where: "lastName = 'Ada'",
      since: '2026-01-15T00:00:00.000Z',
      pageSize: '5',
    });
    // The caller's own query object is left as it was.
    expect(query.since).toBe(since);
  });
});

describe('unwrap says what it takes', () => {
  test.each([
    [undefined, /got undefined\./],
    [null, /got null/],
    [() => 1, /got a function \(was the call made\?\)/],
    [new Response('{}', { status: 404 }), /got a Response \(pass the whole result/],
  ])('unwrap(%s)', async (value, message) => {
    await expect(unwrap(value as never)).rejects.toThrow(message);
    await expect(unwrap(value as never)).rejects.toThrow(/unwrap takes what a call of the client returns/);
  });
});

describe('a hub call refused for want of an element token says so', () => {
  test('the 401 of a hub call from a platform client names forInstance; an instance client gets no such hint', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 401, {
        requestId: 'r-1',
        message: 'Invalid Organization or User secret, or invalid Element token provided.',
      }),
    );
    const ce = createClient({ ...secrets, baseUrl: server.url, retry: false });
    const path = { params: { path: { hub: 'crm', objectName: 'contacts' } } };
    const platform = await unwrap(ce.GET('/hubs/{hub}/{objectName}', path)).catch((e: unknown) => e);
    expect(String(platform)).toMatch(
      /; this client has no element token: make hub calls with client\.forInstance\(token\)$/,
    );
    const instance = await unwrap(
      ce.forInstance('eTOKENeeeeeeeeeeeeeeeeeeeeee').GET('/hubs/{hub}/{objectName}', path),
    ).catch((e: unknown) => e);
    expect(String(instance)).not.toMatch(/no element token/);
    const platformCall = await unwrap(ce.GET('/instances')).catch((e: unknown) => e);
    expect(String(platformCall)).not.toMatch(/no element token|no organizationSecret/);
  });

  test("a 404 from a client whose baseUrl is a host alone says where the API's paths start", async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 404, { requestId: 'r-3', message: 'No resource found for GET /instances' }),
    );
    const origin = createClient({ ...secrets, baseUrl: server.url, retry: false });
    const error = await unwrap(origin.GET('/instances')).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /; this client's baseUrl has no path; the API's paths start at \/elements\/api-v2$/,
    );
    const rooted = createClient({ ...secrets, baseUrl: `${server.url}/elements/api-v2`, retry: false });
    const missing = await unwrap(rooted.GET('/instances')).catch((e: unknown) => e);
    expect(String(missing)).toMatch(/No resource found for GET \/instances/);
    expect(String(missing)).not.toMatch(/has no path/);
  });

  test('the 401 of a platform call from a client without organizationSecret names it', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 401, { requestId: 'r-2', message: 'Invalid Organization or User secret.' }),
    );
    const userOnly = createClient({ userSecret: secrets.userSecret, baseUrl: server.url, retry: false });
    const error = await unwrap(userOnly.GET('/instances')).catch((e: unknown) => e);
    expect(String(error)).toMatch(/; this client has no organizationSecret, which platform calls need$/);
  });
});
