import type { ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import type { components } from '../../generated/schema.js';
import { ceql } from '../../src/query/index.js';
import { createClient, type CloudElementsClient, type LogRecord } from '../../src/client/index.js';
import {
  CloudElementsError,
  InvalidResponseError,
  NotFoundError,
  ServerError,
} from '../../src/core/index.js';
import { paginate, paginatePages, type Page } from '../../src/query/index.js';
import { sendJson, startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js';

const total = 5_000;
const contacts = Array.from({ length: total }, (_, i) => ({ id: `c-${i}`, lastName: `Name ${i}` }));

function encodeToken(offset: number, pageSize: number): string {
  return Buffer.from(JSON.stringify({ offset, pageSize })).toString('base64');
}

/**
 * Serves `records` the way Cloud Elements pages: `pageSize` (default 100), a next-page token that is only valid
 * with the same page size, and the three count headers.
 */
function servePages(records: readonly unknown[], req: RecordedRequest, res: ServerResponse): void {
  const pageSize = Number(req.query['pageSize'] ?? 100);
  let offset = 0;
  if (req.query['nextPage'] !== undefined) {
    const token = JSON.parse(Buffer.from(req.query['nextPage'], 'base64').toString()) as {
      offset: number;
      pageSize: number;
    };
    if (token.pageSize !== pageSize) {
      sendJson(res, 400, { message: 'nextPage token used with another pageSize' });
      return;
    }
    offset = token.offset;
  }
  const page = records.slice(offset, offset + pageSize);
  const headers: Record<string, string> = {
    'Elements-Returned-Count': String(page.length),
    'Elements-Total-Count': String(records.length),
    'Elements-Request-Id': `req-${offset}`,
  };
  if (offset + pageSize < records.length)
    headers['Elements-Next-Page-Token'] = encodeToken(offset + pageSize, pageSize);
  sendJson(res, 200, page, headers);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: Parameters<typeof startServer>[0]): Promise<CloudElementsClient> {
  server = await startServer(handler);
  return createClient({
    userSecret: 'user-secret',
    organizationSecret: 'org-secret',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: false,
  }).forInstance('element-token');
}

function requests(): RecordedRequest[] {
  return server!.requests;
}

describe('paginate', () => {
  test('reads thousands of records across pages, sending each next-page token back', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const seen: string[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 200 }))
      seen.push(String(contact.id));
    expect(seen).toEqual(contacts.map((c) => c.id));
    expect(requests()).toHaveLength(25);
    expect(requests()[0]!.query).toEqual({ pageSize: '200' });
    for (let i = 1; i < requests().length; i++) {
      expect(requests()[i]!.query).toEqual({ pageSize: '200', nextPage: encodeToken(i * 200, 200) });
    }
    expect(requests().every((r) => r.path === '/elements/api-v2/hubs/crm/contacts')).toBe(true);
    expect(requests()[0]!.headers.authorization).toBe(
      'User user-secret, Organization org-secret, Element element-token',
    );
  });

  test('types records from the spec and accepts only list paths', async () => {
    const crm = await start((req, res) => servePages(contacts.slice(0, 3), req, res));
    const iterator = paginate(crm, '/hubs/crm/contacts');
    type Yielded = typeof iterator extends AsyncGenerator<infer T, void, undefined> ? T : never;
    // The spec's contact, read-only fields kept (openapi-fetch's `Readable`).
    expectTypeOf<Yielded>().not.toBeAny();
    expectTypeOf<Yielded>().toExtend<components['schemas']['CrmContact']>();
    expectTypeOf<components['schemas']['CrmContact']>().toExtend<Yielded>();
    expectTypeOf<Yielded['lastName']>().toEqualTypeOf<string | null | undefined>();
    const first = await iterator.next();
    expect(first.value).toEqual(contacts[0]);
    await iterator.return(undefined);
    // @ts-expect-error a single record is not a list
    expect(() => paginate(crm, '/hubs/crm/contacts/{id}', { params: { path: { id: '1' } } })).not.toThrow();
    // @ts-expect-error a path that needs path parameters needs its options
    expect(() => paginate(crm, '/hubs/{hub}/{objectName}')).not.toThrow();
  });

  test('fills path parameters and passes query parameters through', async () => {
    const crm = await start((req, res) => servePages(contacts.slice(0, 30), req, res));
    const where = ceql`lastName = ${"O'Brien"}`;
    const ids: unknown[] = [];
    for await (const record of paginate(crm, '/hubs/{hub}/{objectName}', {
      params: {
        path: { hub: 'crm', objectName: 'contacts' },
        query: { where: where.text, orderBy: 'id asc' },
      },
      pageSize: 10,
    })) {
      ids.push(record['id']);
    }
    expect(ids).toHaveLength(30);
    expect(requests().map((r) => r.path)).toEqual(Array(3).fill('/elements/api-v2/hubs/crm/contacts'));
    for (const request of requests()) {
      expect(request.query['where']).toBe("lastName = 'O''Brien'");
      expect(request.query['orderBy']).toBe('id asc');
      expect(request.query['pageSize']).toBe('10');
    }
  });

  test('sends a ceql fragment given as where as its text, and drops an empty one', async () => {
    const crm = await start((req, res) => servePages([], req, res));
    const where = ceql`id IN ${[1, 2]}`;
    await paginate(crm, '/hubs/crm/contacts', { params: { query: { where: where as never } } }).next();
    await paginate(crm, '/hubs/crm/contacts', {
      params: { query: { where: ceql.join([]) as never } },
    }).next();
    expect(requests()[0]!.query).toEqual({ where: 'id IN (1, 2)' });
    expect(requests()[1]!.query).toEqual({});
  });

  test('stops at limit without reading further pages', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const ids: string[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 100, limit: 250 })) {
      ids.push(String(contact.id));
    }
    expect(ids).toEqual(contacts.slice(0, 250).map((c) => c.id));
    expect(requests()).toHaveLength(3);
    expect(requests().every((r) => r.query['pageSize'] === '100')).toBe(true);
    for await (const _ of paginate(crm, '/hubs/crm/contacts', { limit: 0 }))
      throw new Error('no record expected');
    expect(requests()).toHaveLength(3);
  });

  test('serves calls made without waiting in order, like an async generator', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const records = paginate(crm, '/hubs/crm/contacts', { pageSize: 3, limit: 8 });
    // Ten calls at once: the first and fourth need a page fetched while the others are already asked for.
    const results = await Promise.all(Array.from({ length: 10 }, () => records.next()));
    expect(results.map((r) => (r.done ? 'done' : String(r.value.id)))).toEqual([
      ...contacts.slice(0, 8).map((c) => c.id),
      'done',
      'done',
    ]);
    expect(requests()).toHaveLength(3);
  });

  test('hands out exactly limit records in order, however calls are spread over awaits and bursts', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    for (const limit of [1, 2, 3, 4, 7, 9, 12]) {
      const records = paginate(crm, '/hubs/crm/contacts', { pageSize: 3, limit });
      const got: string[] = [];
      // One call, a burst of two, one, a burst of five, …: fast-path records and page fetches interleave.
      for (const burst of [1, 2, 1, 5, 1, 3]) {
        const results = await Promise.all(Array.from({ length: burst }, () => records.next()));
        for (const r of results) got.push(r.done ? 'done' : String(r.value.id));
      }
      const expected = contacts.slice(0, limit).map((c) => c.id);
      expect(got).toEqual([...expected, ...Array<string>(13 - expected.length).fill('done')]);
    }
  });

  test('stops after a page without a token even when it is full', async () => {
    const crm = await start((req, res) => sendJson(res, 200, contacts.slice(0, 10)));
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10 })) ids.push(contact.id);
    expect(ids).toHaveLength(10);
    expect(requests()).toHaveLength(1);
  });

  test('throws the typed error of a failing page after yielding the earlier ones', async () => {
    const crm = await start((req, res, index) => {
      if (index === 2) sendJson(res, 503, { requestId: 'r-9', message: 'provider down' });
      else servePages(contacts, req, res);
    });
    const ids: unknown[] = [];
    const failure = await (async () => {
      for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 50 })) ids.push(contact.id);
    })().catch((error: unknown) => error);
    expect(ids).toHaveLength(100);
    expect(failure).toBeInstanceOf(ServerError);
    expect(failure).toBeInstanceOf(CloudElementsError);
    expect(failure).toMatchObject({
      status: 503,
      requestId: 'r-9',
      method: 'GET',
      path: '/hubs/crm/contacts',
    });
    expect(String((failure as Error).message)).toMatch(/provider down/);
  });

  test('throws NotFoundError for a missing list', async () => {
    const crm = await start((_req, res) => sendJson(res, 404, { message: 'Unknown object: contacts' }));
    await expect(paginate(crm, '/hubs/crm/contacts').next()).rejects.toBeInstanceOf(NotFoundError);
  });

  test('refuses a body that is not a list', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, { id: 'x' }));
    await expect(paginate(crm, '/hubs/crm/contacts').next()).rejects.toThrow(/instead of a JSON array/);
  });

  test('refuses a body that is not JSON with a CloudElementsError', async () => {
    const crm = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>gateway</html>');
    });
    await expect(paginate(crm, '/hubs/crm/contacts').next()).rejects.toBeInstanceOf(CloudElementsError);
  });

  test('stops when the server repeats a token instead of looping forever', async () => {
    const crm = await start((_req, res) =>
      sendJson(res, 200, [{ id: 'same' }], { 'Elements-Next-Page-Token': 'stuck' }),
    );
    const ids: unknown[] = [];
    const failure = await (async () => {
      for await (const contact of paginate(crm, '/hubs/crm/contacts')) ids.push(contact.id);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudElementsError);
    expect(String(failure)).toMatch(
      /answered page 2 with an Elements-Next-Page-Token already used to fetch page 2: the pages go round in a cycle/,
    );
    // The repeated page is not yielded again.
    expect(ids).toEqual(['same']);
    expect(requests()).toHaveLength(2);
  });

  test('its own errors name the path called, not the template it was given', async () => {
    const crm = await start((_req, res) => sendJson(res, 200, null));
    const error = await paginate(crm, '/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
    })
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).path).toBe('/hubs/crm/contacts');
    expect((error as InvalidResponseError).message).toMatch(
      /^GET \/hubs\/crm\/contacts answered 200 with null/,
    );
  });

  test('refuses a page that answers null, and takes a page without a body for one without records', async () => {
    const answers: Record<string, string> = { null: 'null', empty: '' };
    let second = 'null';
    const crm = await start((req, res) => {
      if (req.query['nextPage'] === undefined) {
        sendJson(res, 200, [{ id: 1 }, { id: 2 }], { 'elements-next-page-token': 'p2' });
      } else {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': '' + answers[second]!.length,
        });
        res.end(answers[second]);
      }
    });
    const ids: unknown[] = [];
    const error = await (async () => {
      for await (const record of paginate(crm, '/hubs/crm/contacts')) ids.push((record as { id: number }).id);
    })().catch((e: unknown) => e);
    // Taking `null` for an empty page would end the listing early without a word.
    expect(ids).toEqual([1, 2]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toMatch(
      /answered 200 with null instead of a JSON array \(page 2\)/,
    );
    expect((error as InvalidResponseError).attempts).toBe(1);
    expect((error as InvalidResponseError).mayHaveReachedServer).toBe(true);
    second = 'empty';
    const all: unknown[] = [];
    for await (const record of paginate(crm, '/hubs/crm/contacts')) all.push((record as { id: number }).id);
    expect(all).toEqual([1, 2]);
  });

  test('stops on any token cycle, not only the same token twice in a row', async () => {
    // A → B → C → A → …: no two tokens in a row are equal, yet the pages never end.
    const cycle = ['A', 'B', 'C'];
    const crm = await start((req, res) => {
      const at = req.query['nextPage'] === undefined ? -1 : cycle.indexOf(req.query['nextPage']);
      const next = cycle[(at + 1) % cycle.length]!;
      sendJson(res, 200, [{ id: `after-${req.query['nextPage'] ?? 'start'}` }], {
        'Elements-Next-Page-Token': next,
      });
    });
    const ids: unknown[] = [];
    const failure = await (async () => {
      for await (const contact of paginate(crm, '/hubs/crm/contacts')) ids.push(contact.id);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudElementsError);
    expect(failure).toMatchObject({ method: 'GET', path: '/hubs/crm/contacts', status: 200 });
    expect(String(failure)).toMatch(/page 4 with an Elements-Next-Page-Token already used to fetch page 2/);
    expect(ids).toEqual(['after-start', 'after-A', 'after-B']);
    expect(requests().map((r) => r.query['nextPage'])).toEqual([undefined, 'A', 'B', 'C']);
  });

  test('stops at the first repeated token of a cycle that starts after a thousand pages, reading ahead or not', async () => {
    // t1 … t1010 are distinct; after t1010 the tokens go round t1006 … t1010.
    const crm = await start((req, res) => {
      const at = Number(req.query['nextPage']?.slice(1) ?? 0);
      sendJson(res, 200, [{ id: `after-${at}` }], {
        'Elements-Next-Page-Token': `t${at < 1010 ? at + 1 : 1006}`,
      });
    });
    for (const readAhead of [true, false]) {
      requests().length = 0;
      const failure = await (async () => {
        for await (const _ of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 1, readAhead }));
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CloudElementsError);
      expect(String(failure)).toMatch(
        /page 1011 with an Elements-Next-Page-Token already used to fetch page 1007/,
      );
      // The first page, then t1 … t1010: not one more.
      expect(requests()).toHaveLength(1011);
    }
  });

  test('counts a resumed token as seen', async () => {
    const crm = await start((_req, res) =>
      sendJson(res, 200, [{ id: 'x' }], { 'Elements-Next-Page-Token': 'saved' }),
    );
    const failure = await paginatePages(crm, '/hubs/crm/contacts', { nextPageToken: 'saved' })
      .next()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudElementsError);
    expect(String(failure)).toMatch(/page 1 with an Elements-Next-Page-Token already used to fetch page 1/);
    expect(requests()).toHaveLength(1);
  });

  test('stops quietly after maxPages pages', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10, maxPages: 3 })) {
      ids.push(contact.id);
    }
    expect(ids).toEqual(contacts.slice(0, 30).map((c) => c.id));
    expect(requests()).toHaveLength(3);
    const pages: Page<unknown>[] = [];
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 10, maxPages: 2 })) {
      pages.push(page);
    }
    expect(pages.map((page) => page.pageIndex)).toEqual([0, 1]);
    // The last page's token resumes where maxPages stopped.
    expect(pages[1]!.nextPageToken).toBe(encodeToken(20, 10));
    // maxPages is not sent to the server.
    expect(requests().every((r) => !('maxPages' in r.query))).toBe(true);
  });

  test('stops after maxPages even when the server never ends', async () => {
    let n = 0;
    const crm = await start((_req, res) =>
      sendJson(res, 200, [{ id: n }], { 'Elements-Next-Page-Token': `t-${n++}` }),
    );
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { maxPages: 5 })) ids.push(contact.id);
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    expect(requests()).toHaveLength(5);
  });

  test('stops between pages when the signal aborts', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const controller = new AbortController();
    const ids: unknown[] = [];
    const failure = await (async () => {
      for await (const contact of paginate(crm, '/hubs/crm/contacts', {
        pageSize: 10,
        signal: controller.signal,
        // No page read ahead, so the count of requests is exact.
        readAhead: false,
      })) {
        ids.push(contact.id);
        if (ids.length === 15) controller.abort(new Error('enough'));
      }
    })().catch((error: unknown) => error);
    expect(failure).toEqual(new Error('enough'));
    expect(ids).toHaveLength(15);
    expect(requests()).toHaveLength(2);
  });

  test('fetches the next page while the loop works through the current one, unless readAhead is false', async () => {
    const crm = await start((req, res) => servePages(contacts.slice(0, 30), req, res));
    /** The number of requests the server has seen once it saw `count`, or after half a second. */
    const seen = async (count: number) => {
      for (let i = 0; i < 100 && requests().length < count; i++) await sleep(5);
      return requests().length;
    };
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10 })) {
      // On the first record, the second page is already asked for; the third only once the second is handed out.
      if (ids.length === 0) expect(await seen(2)).toBe(2);
      ids.push(contact.id);
    }
    expect(ids).toEqual(contacts.slice(0, 30).map((c) => c.id));
    expect(requests()).toHaveLength(3);

    requests().length = 0;
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 10, readAhead: false })) {
      await sleep(50);
      expect(requests()).toHaveLength(page.pageIndex + 1);
    }
    expect(requests()).toHaveLength(3);
  });

  /**
   * Serves 30 contacts in pages of 10; the first page's headers go out at once and its body only once the server
   * has seen the second page's request, or after half a second. Tells whether the second request came first.
   */
  async function startWithSlowFirstBody(): Promise<{ crm: CloudElementsClient; early: Promise<boolean> }> {
    let early!: (value: boolean) => void;
    const seenEarly = new Promise<boolean>((resolve) => (early = resolve));
    const crm = await start(async (req, res, index) => {
      if (index > 0) return servePages(contacts.slice(0, 30), req, res);
      const body = JSON.stringify(contacts.slice(0, 10));
      res.writeHead(200, {
        'content-type': 'application/json',
        'elements-next-page-token': encodeToken(10, 10),
      });
      res.write(body.slice(0, 20));
      for (let i = 0; i < 100 && requests().length < 2; i++) await sleep(5);
      early(requests().length >= 2);
      res.end(body.slice(20));
    });
    return { crm, early: seenEarly };
  }

  test("requests the next page from a page's headers, while its body still arrives", async () => {
    const { crm, early } = await startWithSlowFirstBody();
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10 })) ids.push(contact.id);
    expect(await early).toBe(true);
    expect(ids).toEqual(contacts.slice(0, 30).map((c) => c.id));
    expect(requests().map((r) => r.query['nextPage'])).toEqual([
      undefined,
      encodeToken(10, 10),
      encodeToken(20, 10),
    ]);
  });

  test('with a limit, requests the next page only once the page is read (its count decides)', async () => {
    const { crm, early } = await startWithSlowFirstBody();
    const ids: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10, limit: 25 }))
      ids.push(contact.id);
    expect(await early).toBe(false);
    expect(ids).toEqual(contacts.slice(0, 25).map((c) => c.id));
    expect(requests()).toHaveLength(3);
  });

  test('a page whose body is cut off after the next was requested fails, and the next request is aborted', async () => {
    let secondClosed!: Promise<unknown>;
    server = await startServer(async (req, res, index) => {
      if (index > 0) {
        secondClosed = new Promise((resolve) => res.on('close', resolve));
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '1000',
        'elements-next-page-token': encodeToken(10, 10),
      });
      res.write('[{"id":"c-0"');
      for (let i = 0; i < 100 && requests().length < 2; i++) await sleep(5);
      res.destroy();
    });
    const records: LogRecord[] = [];
    const crm = createClient({
      userSecret: 'user-secret',
      organizationSecret: 'org-secret',
      baseUrl: `${server.url}/elements/api-v2`,
      retry: false,
      logger: (record) => records.push(record),
    }).forInstance('element-token');
    const failure = await paginate(crm, '/hubs/crm/contacts', { pageSize: 10 })
      .next()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudElementsError);
    expect(requests()).toHaveLength(2);
    await secondClosed;
    await vi.waitFor(() => expect(records.map((r) => r.outcome)).toEqual(['response', 'aborted']));
  });

  test('a middleware that changes the next-page token is followed, not the token the headers first had', async () => {
    const crm = await start((req, res) => servePages(contacts.slice(0, 40), req, res));
    // Skips every other page: the token of a page asks for the one after next.
    crm.use({
      onResponse({ response }) {
        const token = response.headers.get('elements-next-page-token');
        if (token === null) return undefined;
        const { offset, pageSize } = JSON.parse(Buffer.from(token, 'base64').toString()) as {
          offset: number;
          pageSize: number;
        };
        const headers = new Headers(response.headers);
        if (offset + pageSize < 40)
          headers.set('elements-next-page-token', encodeToken(offset + pageSize, pageSize));
        else headers.delete('elements-next-page-token');
        return new Response(response.body, { status: response.status, headers });
      },
    });
    const pages: unknown[][] = [];
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 10 }))
      pages.push(page.records.map((c) => c.id));
    expect(pages).toEqual([contacts.slice(0, 10).map((c) => c.id), contacts.slice(20, 30).map((c) => c.id)]);
    // No request from the headers before the middleware changed them: one request a page.
    expect(requests().map((r) => r.query['nextPage'])).toEqual([undefined, encodeToken(20, 10)]);
  });

  test('paginate lets a page go before the one after the next is requested', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let releaseSecond!: () => void;
    const secondBody = new Promise<void>((resolve) => (releaseSecond = resolve));
    const crm = await start(async (req, res, index) => {
      if (index !== 1) return servePages(contacts.slice(0, 30), req, res);
      const body = JSON.stringify(contacts.slice(10, 20));
      res.writeHead(200, {
        'content-type': 'application/json',
        'elements-next-page-token': encodeToken(20, 10),
      });
      res.write(body.slice(0, 20));
      await secondBody;
      res.end(body.slice(20));
    });
    const records = paginate(crm, '/hubs/crm/contacts', { pageSize: 10 });
    let firstPage: WeakRef<object> | undefined;
    for (let i = 0; i < 10; i++) {
      const { value } = await records.next();
      firstPage ??= new WeakRef(value as object);
    }
    // The loop now waits for the second page, whose body is held back; the third is requested meanwhile.
    const eleventh = records.next();
    for (let i = 0; i < 200 && requests().length < 3; i++) await sleep(5);
    expect(requests()).toHaveLength(3);
    gc();
    expect(firstPage!.deref()).toBeUndefined();
    releaseSecond();
    expect((await eleventh).value).toMatchObject({ id: 'c-10' });
    while (!(await records.next()).done);
  });

  test('a loop that stops early aborts the page it read ahead, which the logger records as aborted', async () => {
    let pageTwoClosed!: Promise<unknown>;
    server = await startServer((req, res, index) => {
      // The second page never comes: only the abort can end its request.
      if (index === 0) servePages(contacts, req, res);
      else pageTwoClosed = new Promise((resolve) => res.on('close', resolve));
    });
    const records: LogRecord[] = [];
    const crm = createClient({
      userSecret: 'user-secret',
      organizationSecret: 'org-secret',
      baseUrl: `${server.url}/elements/api-v2`,
      logger: (record) => records.push(record),
    }).forInstance('element-token');
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 10 })) {
      // Wait until the page read ahead reached the server, so there is a request to abort.
      for (let i = 0; i < 200 && requests().length < 2; i++) await sleep(5);
      if (contact.id === 'c-3') break;
    }
    await pageTwoClosed;
    await vi.waitFor(() => expect(records.map((r) => r.outcome)).toEqual(['response', 'aborted']));
    expect(records[1]!.url).toContain('nextPage=');
    expect(requests()).toHaveLength(2);
  });

  test('a page read ahead that came in after the signal aborted is not handed out', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const controller = new AbortController();
    const pages = paginatePages(crm, '/hubs/crm/contacts', { pageSize: 10, signal: controller.signal });
    await pages.next();
    // The second page's answer comes in while the loop is busy with the first.
    for (let i = 0; i < 200 && requests().length < 2; i++) await sleep(5);
    await sleep(50);
    controller.abort(new Error('shutting down'));
    await expect(pages.next()).rejects.toThrow('shutting down');
    expect(requests()).toHaveLength(2);
  });

  test("an iteration dropped after its first page does not stay on the caller's signal", async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const shutdown = new AbortController();
    // The pattern that never calls return(): read the first page, drop the iterator.
    const { value } = await paginatePages(crm, '/hubs/crm/contacts', {
      pageSize: 10,
      signal: shutdown.signal,
    }).next();
    expect(value?.records).toHaveLength(10);
    // The page read ahead settles on its own; then nothing of the iteration listens to the long-lived signal.
    for (let i = 0; i < 200 && requests().length < 2; i++) await sleep(5);
    await vi.waitFor(() => expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0));
  });

  test('takes a client whose GET answers without a promise (a test double)', async () => {
    const page = { data: [{ id: 'a' }, { id: 'b' }], response: new Response('[]', { status: 200 }) };
    const double = { GET: () => page, POST: () => page };
    const ids: unknown[] = [];
    for await (const record of paginate(double as never, '/hubs/crm/contacts' as never, {} as never)) {
      ids.push((record as { id: unknown }).id);
    }
    expect(ids).toEqual(['a', 'b']);
  });

  test('with readAhead false, makes no request once the caller aborted', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const controller = new AbortController();
    const pages = paginatePages(crm, '/hubs/crm/contacts', {
      pageSize: 10,
      signal: controller.signal,
      readAhead: false,
    });
    await pages.next();
    controller.abort(new Error('stop'));
    await expect(pages.next()).rejects.toThrow('stop');
    expect(requests()).toHaveLength(1);
  });

  test('aborts a page request that is in flight', async () => {
    const crm = await start(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = paginate(crm, '/hubs/crm/contacts', { signal: controller.signal }).next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('rejects bad paging options with a TypeError', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    await expect(paginate(crm, '/hubs/crm/contacts', { pageSize: 0 }).next()).rejects.toThrow(/pageSize/);
    await expect(paginate(crm, '/hubs/crm/contacts', { limit: -1 }).next()).rejects.toThrow(/limit/);
    await expect(paginate(crm, '/hubs/crm/contacts', { nextPageToken: '' }).next()).rejects.toThrow(
      /nextPageToken/,
    );
    for (const maxPages of [0, -1, 1.5, Number.NaN, '3' as never, null as never]) {
      const failure = await paginatePages(crm, '/hubs/crm/contacts', { maxPages })
        .next()
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TypeError);
      expect(String(failure)).toMatch(/maxPages must be a whole number >= 1 \(or Infinity\)/);
    }
    await expect(
      paginate(crm, '/hubs/crm/contacts', { pageSize: 'x'.repeat(100_000) as never }).next(),
    ).rejects.toThrow(/pageSize must be a whole number >= 1, got "x+…"\.$/);
    const untyped = paginate as unknown as (...args: unknown[]) => AsyncGenerator<unknown>;
    await expect(untyped(crm, null, {}).next()).rejects.toThrow(/needs an API path/);
    await expect(untyped(null, '/hubs/crm/contacts').next()).rejects.toThrow(
      /needs a client from createClient/,
    );
    await expect(untyped(crm, '/hubs/crm/contacts', null).next()).rejects.toThrow(
      /options must be an object/,
    );
    await expect(
      untyped(crm, '/hubs/crm/contacts', { params: 'x'.repeat(1_000_000) }).next(),
    ).rejects.toThrow(/params must be an object/);
    await expect(untyped(crm, '/hubs/crm/contacts', { params: { query: 'where' } }).next()).rejects.toThrow(
      /params.query must be an object/,
    );
    expect(requests()).toHaveLength(0);
  });

  test("an error from the caller's own middleware comes out as it is, as from GET, not quoted in an SDK error", async () => {
    // A middleware may quote the Authorization header in its message; an SDK error that quoted it in turn would
    // carry the secrets into the logs that print SDK errors.
    const crm = await start((req, res) => servePages(contacts.slice(0, 250), req, res));
    const refused = new Error('proxy refused');
    crm.use({
      onRequest({ request }) {
        if (request.url.includes('nextPage'))
          throw Object.assign(refused, { auth: request.headers.get('authorization') });
        return undefined;
      },
    });
    const caught = await (async () => {
      for await (const _ of paginate(crm, '/hubs/crm/contacts', { pageSize: 100 }));
    })().catch((error: unknown) => error);
    expect(caught).toBe(refused);
    expect(requests()).toHaveLength(1);
  });
});

describe('paginate, wrong and empty lists', () => {
  test('a list parameter put beside params instead of in params.query is refused, not dropped', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const where = ceql`lastName = ${'Name 1'}`;
    for (const misplaced of [{ where }, { query: { where } }, { orderBy: 'lastName' }]) {
      const caught = await paginate(crm, '/hubs/crm/contacts', misplaced as never)
        .next()
        .catch((error: unknown) => error);
      expect(String(caught)).toMatch(
        /query parameters go in params\.query, e\.g\. \{ params: \{ query: \{ where \} \} \}/,
      );
    }
    const misspelt = await paginate(crm, '/hubs/crm/contacts', { page_size: 10 } as never)
      .next()
      .catch((error: unknown) => error);
    expect(String(misspelt)).toMatch(/no option "page_size"; did you mean pageSize\?/);
    const lowerCase = await paginate(crm, '/hubs/crm/contacts', { readahead: false } as never)
      .next()
      .catch((error: unknown) => error);
    expect(String(lowerCase)).toMatch(/no option "readahead"; did you mean readAhead\?/);
    const notBoolean = await paginate(crm, '/hubs/crm/contacts', { readAhead: 'no' as never })
      .next()
      .catch((error: unknown) => error);
    expect(notBoolean).toBeInstanceOf(TypeError);
    expect(String(notBoolean)).toMatch(/readAhead must be true or false, got "no"\./);
    expect(requests()).toHaveLength(0);
  });

  test('a 404 "No … found" is an empty list, as Cloud Elements\' own tooling reads it; another 404 fails', async () => {
    let answer = { message: 'No contacts found' };
    const crm = await start((req, res) => {
      if (req.query['nextPage'] === undefined) servePages(contacts.slice(0, 150), req, res);
      else sendJson(res, 404, { requestId: 'r-1', ...answer });
    });
    const seen: unknown[] = [];
    for await (const contact of paginate(crm, '/hubs/crm/contacts', { pageSize: 100 })) seen.push(contact);
    expect(seen).toHaveLength(100);
    answer = { message: 'Instance 12 not found' };
    const failed = await (async () => {
      for await (const _ of paginate(crm, '/hubs/crm/contacts', { pageSize: 100 }));
    })().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(NotFoundError);
  });
});

describe('paginate, lists paged by offset', () => {
  test('reads every account of GET /accounts, which pages by offset with no token, past a server page limit', async () => {
    const accounts = Array.from({ length: 450 }, (_, i) => ({ id: i + 1, name: `Account ${i + 1}` }));
    server = await startServer((req, res) => {
      // Like Cloud Elements: offset and pageSize (200 by default), here cut to 150 as a server may, no token.
      const offset = Number(req.query['offset'] ?? 0);
      const size = Math.min(Number(req.query['pageSize'] ?? 200), 150);
      sendJson(res, 200, accounts.slice(offset, offset + size));
    });
    const ce = createClient({
      userSecret: 'user-secret',
      organizationSecret: 'org-secret',
      baseUrl: `${server.url}/elements/api-v2`,
      retry: false,
    });
    const ids: unknown[] = [];
    for await (const account of paginate(ce, '/accounts', { pageSize: 200 })) ids.push(account.id);
    expect(ids).toEqual(accounts.map((a) => a.id));
    expect(requests().map((r) => r.query['offset'])).toEqual(['0', '150', '300', '450']);
    const from = await paginatePages(ce, '/accounts', { params: { query: { offset: 400 } } }).next();
    expect((from.value as Page<unknown>).records).toHaveLength(50);
  });
});

describe('paginatePages', () => {
  test('exposes each page with its records, token and counts', async () => {
    const crm = await start((req, res) => servePages(contacts.slice(0, 250), req, res));
    const pages: Page<components['schemas']['CrmContact']>[] = [];
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 100 })) pages.push(page);
    expect(pages.map((p) => [p.pageIndex, p.records.length, p.returnedCount, p.totalCount])).toEqual([
      [0, 100, 100, 250],
      [1, 100, 100, 250],
      [2, 50, 50, 250],
    ]);
    expect(pages.map((p) => p.nextPageToken)).toEqual([
      encodeToken(100, 100),
      encodeToken(200, 100),
      undefined,
    ]);
    expect(pages.map((p) => p.requestId)).toEqual(['req-0', 'req-100', 'req-200']);
  });

  test('stops and resumes from a saved token', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const ids: string[] = [];
    let saved: string | undefined;
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 300 })) {
      ids.push(...page.records.map((c) => String(c.id)));
      saved = page.nextPageToken;
      if (page.pageIndex === 3) break;
    }
    expect(ids).toHaveLength(1200);
    // A later job, maybe another process, picks up where the first stopped.
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', {
      pageSize: 300,
      nextPageToken: saved!,
    })) {
      ids.push(...page.records.map((c) => String(c.id)));
    }
    expect(ids).toEqual(contacts.map((c) => c.id));
    expect(requests()[4]!.query).toEqual({ pageSize: '300', nextPage: encodeToken(1200, 300) });
  });

  test('never cuts a page at limit, so the token stays resumable', async () => {
    const crm = await start((req, res) => servePages(contacts, req, res));
    const sizes: number[] = [];
    for await (const page of paginatePages(crm, '/hubs/crm/contacts', { pageSize: 100, limit: 150 })) {
      sizes.push(page.records.length);
    }
    expect(sizes).toEqual([100, 100]);
    expect(requests()).toHaveLength(2);
  });

  test('reports missing or unreadable counts as undefined', async () => {
    const crm = await start((_req, res) =>
      sendJson(res, 200, [{ id: 'a' }], { 'Elements-Returned-Count': 'many', 'Elements-Total-Count': '' }),
    );
    const { value } = await paginatePages(crm, '/hubs/crm/contacts').next();
    expect(value).toMatchObject({
      returnedCount: undefined,
      totalCount: undefined,
      nextPageToken: undefined,
    });
  });
});
