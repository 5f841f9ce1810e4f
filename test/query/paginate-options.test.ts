// paginate's options over real HTTP: a query parameter put beside params is refused (never dropped, which would
// read the whole list), and a next-page token is refused for a list paged by offset (never dropped, which would
// restart it from the first record).
import { afterEach, describe, expect, test } from 'vitest';
import type { CloudElementsClient } from '../../src/client/index.js';
import { paginate, paginatePages } from '../../src/query/index.js';
import {
  clientOf,
  sendJson,
  startServer,
  type TestHandler,
  type TestServer,
} from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: TestHandler): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return clientOf(server);
}

const accounts = Array.from({ length: 450 }, (_, i) => ({ id: i }));

/** `GET /accounts` as Cloud Elements pages it: by `offset`, up to `pageSize` (200 at most), no token. */
const serveAccounts: TestHandler = (req, res) => {
  const offset = Number(req.query['offset'] ?? 0);
  const pageSize = Math.min(Number(req.query['pageSize'] ?? 200), 200);
  sendJson(res, 200, req.path.endsWith('/accounts') ? accounts.slice(offset, offset + pageSize) : []);
};

/** What reading the list with `options` throws (undefined when it reads to the end). */
async function caught(client: CloudElementsClient, path: string, options: object): Promise<unknown> {
  try {
    for await (const _ of paginate(client, path as '/accounts', options as never)) {
      // read to the end
    }
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('paginate refuses a query parameter put beside params instead of in params.query', () => {
  test.each([
    ['/accounts', { offset: 400 }, 'offset'],
    ['/accounts', { includeInactive: true }, 'includeInactive'],
    ['/instances', { searchText: 'acme' }, 'searchText'],
    ['/instances', { hydrate: false }, 'hydrate'],
    ['/instances', { anyOtherName: 1 }, 'anyOtherName'],
    ['/instances', { page: 2 }, 'page'],
  ])('on %s, %o is refused before any request', async (path, options, key) => {
    const client = await start(serveAccounts);
    const error = await caught(client, path, options);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `[cloud-elements] paginate has no option "${key}": query parameters go in params.query, e.g. ` +
        '{ params: { query: { where } } }.',
    );
    const pages = await paginatePages(client, path as '/accounts', options as never)
      .next()
      .catch((e: unknown) => e);
    expect(pages).toBeInstanceOf(TypeError);
    expect(server!.requests).toHaveLength(0);
  });

  test('the same parameters in params.query are sent', async () => {
    const client = await start(serveAccounts);
    const ids: number[] = [];
    for await (const account of paginate(client, '/accounts', {
      params: { query: { offset: 400, includeInactive: true } },
    })) {
      ids.push(account.id as number);
    }
    expect(ids).toEqual(accounts.slice(400).map((a) => a.id));
    expect(server!.requests[0]!.query).toEqual({ offset: '400', includeInactive: 'true' });
  });

  test("openapi-fetch's, fetch's and the SDK's call options are taken, not refused", async () => {
    const client = await start(serveAccounts);
    const options = {
      headers: { 'X-Trace': 'trace-1' },
      timeoutMs: 10_000,
      idleTimeoutMs: 10_000,
      retry: false,
      parseAs: 'json',
      querySerializer: { array: { style: 'form', explode: true } },
      middleware: [],
      cache: 'no-store',
      credentials: 'omit',
      keepalive: false,
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      Request: globalThis.Request,
      pageSize: 200,
      readAhead: false,
    };
    expect(await caught(client, '/accounts', options)).toBeUndefined();
    expect(server!.requests.map((r) => r.headers['x-trace'])).toEqual([
      'trace-1',
      'trace-1',
      'trace-1',
      'trace-1',
    ]);
  });

  test('a misspelt option of paginate is still named', async () => {
    const client = await start(serveAccounts);
    expect(String(await caught(client, '/accounts', { pagesize: 5 }))).toMatch(
      /no option "pagesize"; did you mean pageSize\?/,
    );
    expect(server!.requests).toHaveLength(0);
  });
});

describe('a list paged by offset refuses a next-page token', () => {
  const message = (given: string) =>
    `[cloud-elements] paginate: GET /accounts pages by offset, not by token, so ${given} cannot resume it; ` +
    'resume with params.query.offset, the number of records already read, e.g. ' +
    '{ params: { query: { offset: 400 } } }.';

  test('nextPageToken is refused, not dropped (which restarted the list at offset 0)', async () => {
    const client = await start(serveAccounts);
    const error = await caught(client, '/accounts', { nextPageToken: 'tok-SECRETISH' });
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(message('nextPageToken'));
    const pages = await paginatePages(client, '/accounts', { nextPageToken: 'tok-SECRETISH' })
      .next()
      .catch((e: unknown) => e);
    expect((pages as Error).message).toBe(message('nextPageToken'));
    expect(server!.requests).toHaveLength(0);
  });

  test('params.query.nextPage is refused too', async () => {
    const client = await start(serveAccounts);
    const error = await caught(client, '/accounts', { params: { query: { nextPage: 'tok-SECRETISH' } } });
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(message('params.query.nextPage'));
    expect(server!.requests).toHaveLength(0);
  });

  test('params.query.offset resumes it', async () => {
    const client = await start(serveAccounts);
    const ids: number[] = [];
    for await (const account of paginate(client, '/accounts', { params: { query: { offset: 400 } } })) {
      ids.push(account.id as number);
    }
    expect(ids).toEqual(accounts.slice(400).map((a) => a.id));
  });
});
