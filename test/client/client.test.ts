import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_URLS, createClient, type ClientOptions, type LogRecord } from '../../src/client/index.js';
import { CloudElementsError, ConnectionError, TimeoutError } from '../../src/core/index.js';
import { relativePath } from '../../src/core/transport.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler?: TestHandler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

const hang: TestHandler = () => new Promise(() => {});
const ping = { params: { path: { hub: 'crm' } } } as const;

function make(server: TestServer, options: Partial<ClientOptions> = {}) {
  return createClient({
    userSecret: 'u1',
    organizationSecret: 'o1',
    baseUrl: `${server.url}/elements/api-v2`,
    ...options,
  });
}

/** A fetch that sends every request to `server` instead of its own origin and records where it was going. */
function redirectTo(server: TestServer, seen: string[]) {
  return (request: Request) => {
    seen.push(request.url);
    const url = new URL(request.url);
    return fetch(new Request(`${server.url}${url.pathname}${url.search}`, request));
  };
}

describe('createClient', () => {
  it.each([
    ['us', 'https://api.cloud-elements.com/elements/api-v2/hubs/crm/ping'],
    ['eu', 'https://api.cloud-elements.co.uk/elements/api-v2/hubs/crm/ping'],
    ['staging', 'https://staging.cloud-elements.com/elements/api-v2/hubs/crm/ping'],
  ] as const)('sends %s calls to its API host', async (environment, expected) => {
    const server = await serve();
    const seen: string[] = [];
    const client = createClient({ userSecret: 'u1', environment, fetch: redirectTo(server, seen) });
    await client.GET('/hubs/{hub}/ping', ping);
    expect(seen).toEqual([expected]);
    expect(server.requests[0]?.path).toBe('/elements/api-v2/hubs/crm/ping');
    expect(client.baseUrl).toBe(BASE_URLS[environment]);
  });

  it('defaults to the us environment', async () => {
    const server = await serve();
    const seen: string[] = [];
    await createClient({ userSecret: 'u1', fetch: redirectTo(server, seen) }).GET('/hubs/{hub}/ping', ping);
    expect(seen[0]).toMatch(/^https:\/\/api\.cloud-elements\.com\/elements\/api-v2\//);
  });

  it('prefixes every path with the base URL path', async () => {
    const server = await serve();
    const client = make(server);
    await client.GET('/hubs/{hub}/ping', ping);
    await client.GET('/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/elements/api-v2/hubs/crm/ping',
      '/elements/api-v2/hubs/crm/contacts',
    ]);
  });

  it('sends typed bodies as JSON and parses typed results', async () => {
    const server = await serve((req, res) => sendJson(res, 200, { id: 'c1', ...(req.json as object) }));
    const client = make(server);
    const { data } = await client.POST('/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' } },
      body: { firstName: 'Ada' },
    });
    expect(data).toEqual({ id: 'c1', firstName: 'Ada' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends a User-Agent, the default one or the given one', async () => {
    const server = await serve();
    await make(server).GET('/hubs/{hub}/ping', ping);
    await make(server, { userAgent: 'my-app/2.0' }).GET('/hubs/{hub}/ping', ping);
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([
      'cloud-elements-sdk/0.1.0',
      'my-app/2.0',
    ]);
  });

  it('uses the fetch it is given', async () => {
    const server = await serve();
    let calls = 0;
    const client = make(server, { fetch: (request) => (calls++, fetch(request)) });
    await client.GET('/hubs/{hub}/ping', ping);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [{ environment: 'us', baseUrl: 'https://x.test' }, /either environment or baseUrl/],
    [{ environment: 'mars' }, /environment must be one of us, eu, staging/],
    [{ baseUrl: 'api.cloud-elements.com' }, /baseUrl must be an absolute http\(s\) URL/],
    [{ baseUrl: 'ftp://x.test' }, /baseUrl must be an absolute http\(s\) URL/],
    [{ timeoutMs: -1 }, /timeoutMs must be a positive number/],
    [{ retry: { maxAttempts: 0 } }, /retry\.maxAttempts/],
    [{ organizationSecret: '' }, /organizationSecret is empty/],
  ] as const)('rejects misuse %j with a TypeError that says how to fix it', (options, message) => {
    expect(() => createClient({ userSecret: 'u1', ...(options as Partial<ClientOptions>) })).toThrow(
      TypeError,
    );
    expect(() => createClient({ userSecret: 'u1', ...(options as Partial<ClientOptions>) })).toThrow(message);
  });
});

describe('forInstance', () => {
  it('adds the element token to the platform secrets', async () => {
    const server = await serve();
    const client = make(server);
    await client.forInstance('tok/en+1=').GET('/hubs/{hub}/ping', ping);
    await client.GET('/hubs/{hub}/ping', ping);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'User u1, Organization o1, Element tok/en+1=',
      'User u1, Organization o1',
    ]);
  });

  it('sends User and Element alone when the client has no organization secret', async () => {
    const server = await serve();
    await createClient({ userSecret: 'u1', baseUrl: server.url })
      .forInstance('t1')
      .GET('/hubs/{hub}/ping', ping);
    expect(server.requests[0]?.headers.authorization).toBe('User u1, Element t1');
  });

  it('replaces the token when called on an instance client', async () => {
    const server = await serve();
    await make(server).forInstance('t1').forInstance('t2').GET('/hubs/{hub}/ping', ping);
    expect(server.requests[0]?.headers.authorization).toBe('User u1, Organization o1, Element t2');
  });

  it('rejects a bad token with a TypeError naming elementToken', () => {
    const client = createClient({ userSecret: 'u1' });
    expect(() => client.forInstance('a, Organization b')).toThrow(/elementToken contains a comma/);
    expect(() => client.forInstance('')).toThrow(/elementToken is empty/);
  });

  it('shares the transport: logger, timeouts and retry policy', async () => {
    const server = await serve((_req, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, {}),
    );
    const records: LogRecord[] = [];
    const client = make(server, { logger: (r) => records.push(r), retry: { sleep: async () => {} } });
    const { response } = await client.forInstance('t1').GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
    expect(records.map((r) => [r.attempt, r.outcome, r.status])).toEqual([
      [1, 'retry', 503],
      [2, 'response', 200],
    ]);
  });

  it('starts with the middleware registered on its parent so far', async () => {
    const server = await serve();
    const client = make(server);
    client.use({
      onRequest({ request }) {
        request.headers.set('X-Trace', 'abc');
      },
    });
    await client.forInstance('t1').GET('/hubs/{hub}/ping', ping);
    expect(server.requests[0]?.headers['x-trace']).toBe('abc');
  });
});

describe('timeouts and aborts', () => {
  it('rejects with TimeoutError soon after the timeout when the server never answers', async () => {
    const server = await serve(hang);
    const client = make(server, { timeoutMs: 200 });
    const started = performance.now();
    const error = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    const elapsedMs = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
    expect((error as TimeoutError).message).toBe(
      'GET /hubs/crm/ping did not complete within 200 ms (attempt 1 of at most 3)',
    );
    expect((error as TimeoutError).attempts).toBe(1);
    expect((error as TimeoutError).mayHaveReachedServer).toBe(true);
    expect(elapsedMs).toBeGreaterThanOrEqual(190);
    expect(elapsedMs).toBeLessThan(2000);
    // A timed-out attempt is not retried.
    expect(server.requests).toHaveLength(1);
  });

  it('lets one request set its own timeout', async () => {
    const server = await serve(hang);
    const client = make(server);
    const started = performance.now();
    await expect(client.GET('/hubs/{hub}/ping', { ...ping, timeoutMs: 200 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ends the call at the retry deadline', async () => {
    const server = await serve(hang);
    const client = make(server, { retry: { deadlineMs: 250 } });
    const error = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(/did not complete within 250 ms/);
    expect((error as TimeoutError).timeoutMs).toBe(250);
  });

  it('rejects with the caller abort, not a timeout, and does not retry', async () => {
    const server = await serve(hang);
    const client = make(server, { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client
      .GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with the reason the caller gave to abort()', async () => {
    const server = await serve(hang);
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 50);
    await expect(make(server).GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal })).rejects.toBe(
      reason,
    );
  });

  it.each([
    ['a RangeError', new RangeError('too many pages')],
    ['a SyntaxError', new SyntaxError('config changed')],
  ])('rejects with the reason the caller gave while the body arrives, also %s', async (_kind, reason) => {
    // Those classes are what a body too long to read, or not JSON, fails with: the caller's own is not taken for one.
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items": [');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    await expect(make(server).GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal })).rejects.toBe(
      reason,
    );
  });

  it('rejects with the reason the caller gave to abort() when there is no timeout', async () => {
    const server = await serve(hang);
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 50);
    const client = make(server, { timeoutMs: Infinity });
    await expect(client.GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('times out with TimeoutError when the call carries a signal, and leaves that signal alone', async () => {
    const server = await serve(hang);
    const controller = new AbortController();
    const error = await make(server, { timeoutMs: 100 })
      .GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(controller.signal.aborted).toBe(false);
  });

  it.each([
    ['with a timeout', 5000],
    ['without a timeout', Infinity],
  ])('stops a body download when the caller aborts after the headers arrived (%s)', async (_, timeoutMs) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      // The rest never comes: only the abort can end the download.
      res.write('first part');
    });
    const controller = new AbortController();
    const reason = new Error('user cancelled the download');
    const { data } = await make(server, { timeoutMs }).GET('/hubs/{hub}/ping', {
      ...ping,
      parseAs: 'stream',
      signal: controller.signal,
    });
    const reader = (data as ReadableStream<Uint8Array>).getReader();
    let received = '';
    while (received.length < 'first part'.length) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    expect(received).toBe('first part');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const server = await serve();
    const signal = AbortSignal.abort();
    await expect(make(server).GET('/hubs/{hub}/ping', { ...ping, signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['the default fetch', false],
    ['middleware that sees the Request', true],
  ])('aborts the request on the wire when the call times out (%s)', async (_, withMiddleware) => {
    let closed!: () => void;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve((_req, res) => {
      res.on('close', closed);
    });
    const client = make(server, { timeoutMs: 150 });
    const signals: AbortSignal[] = [];
    if (withMiddleware) {
      client.use({
        onRequest({ request }) {
          signals.push(request.signal);
        },
      });
    }
    const error = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await socketClosed;
    if (withMiddleware) expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it("reads a Response subclass through its own readers, and still under the call's clock", async () => {
    class Canned extends Response {
      override text(): Promise<string> {
        return this.status === 200 ? Promise.resolve('{"canned":true}') : new Promise<string>(() => {});
      }
    }
    const client = createClient({
      userSecret: 'u1',
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      timeoutMs: 200,
      fetch: async (request) =>
        new Canned('{"raw":true}', { status: request.url.includes('/stall/') ? 202 : 200 }),
    });
    expect((await client.GET('/hubs/{hub}/ping', ping)).data).toEqual({ canned: true });
    const error = await client
      .GET('/hubs/{hub}/ping', { params: { path: { hub: 'stall' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('leaves no listener on the caller signal once a call, retried or not, is over', async () => {
    const server = await serve((_req, res, index) => sendJson(res, index === 0 ? 503 : 200, {}));
    const controller = new AbortController();
    const client = make(server, { retry: { baseDelayMs: 1 } });
    const { response } = await client.GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal });
    expect(response.status).toBe(200);
    await client.GET('/hubs/{hub}/ping', { ...ping, signal: controller.signal });
    expect(server.requests).toHaveLength(3);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on a long-lived caller signal after answers without a body to read', async () => {
    // openapi-fetch reads no body for a 204, a HEAD or a Content-Length of 0; a shutdown signal passed to every
    // call of a long-running process must not collect a listener (and the call it holds) for each of them.
    const server = await serve((req, res) => {
      if (req.url?.includes('/empty')) {
        res.writeHead(200, { 'content-length': '0' }).end();
        return;
      }
      res.writeHead(req.method === 'HEAD' ? 200 : 204).end();
    });
    const shutdown = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const client = make(server);
      const signal = shutdown.signal;
      for (let i = 0; i < 12; i++) {
        const deleted = await client.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
          params: { path: { hub: 'crm', objectName: 'contacts', objectId: String(i) } },
          signal,
        });
        expect(deleted.response.status).toBe(204);
        // The spec has no HEAD operation; the client sends one all the same.
        const head = await (client as unknown as { HEAD: typeof client.GET }).HEAD('/hubs/{hub}/ping', {
          ...ping,
          signal,
        });
        expect(head.response.status).toBe(200);
        const empty = await client.GET('/hubs/{hub}/ping', { params: { path: { hub: 'empty' } }, signal });
        expect(empty.data).toBeUndefined();
      }
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('shares a caller signal among 50 concurrent calls without a MaxListenersExceededWarning, as fetch does', async () => {
    // Node warns of a leak from the 11th abort listener on one signal; fetch raises the limit for a signal it is
    // given, so a process that passes its shutdown signal to every call sees no warning with fetch alone.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // Half the calls are answered 503 first, so that they wait out a retry delay on the signal too.
    const seen = new Set<string>();
    const server = await serve(async (req, res) => {
      await released;
      const busy = req.url!.includes('/busy') && !seen.has(req.url!);
      seen.add(req.url!);
      sendJson(res, busy ? 503 : 200, {});
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const shutdown = new AbortController();
      const signal = shutdown.signal;
      const client = make(server, { retry: { baseDelayMs: 50, maxDelayMs: 50 } });
      const calls = Array.from({ length: 50 }, (_, i) =>
        client.GET('/hubs/{hub}/ping', {
          params: { path: { hub: i % 2 === 0 ? 'crm' : `busy${i}` } },
          signal,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const results = await Promise.all(calls);
      expect(results.map((r) => r.response.status)).toEqual(Array(50).fill(200));
      expect(seen.size).toBe(26); // crm, and 25 busy paths, each retried once
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
      // Fetch alone, for contrast: a signal shared by 20 concurrent requests, and no warning either.
      const alone = new AbortController().signal;
      await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${server.url}/x`, { signal: alone }).then((r) => r.text())),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('leaves no listener on the caller signal once the time limit ends a body nobody read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
    });
    const controller = new AbortController();
    const client = make(server, { timeoutMs: 100 });
    const { response } = await client.GET('/hubs/{hub}/ping', {
      ...ping,
      parseAs: 'stream',
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    // The time limit (100 ms) ends the attempt, and with it the listener.
    await vi.waitFor(() => expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0), {
      timeout: 3000,
    });
  });

  it('fails with ConnectionError after one attempt when retries are off', async () => {
    const server = await serve((_req, res) => void res.socket?.destroy());
    await expect(make(server, { retry: false }).GET('/hubs/{hub}/ping', ping)).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(server.requests).toHaveLength(1);
  });
});

describe('middleware', () => {
  it("a middleware that answers a call itself leaves nothing on the caller's signal", async () => {
    const server = await serve();
    const client = make(server);
    client.use({ onRequest: () => new Response('[]', { headers: { 'content-type': 'application/json' } }) });
    const shutdown = new AbortController();
    for (let i = 0; i < 30; i++) {
      const { data } = await client.GET('/instances', { signal: shutdown.signal });
      expect(data).toEqual([]);
    }
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it("a middleware that returns a new Request keeps the call's time limit and retry choice", async () => {
    const server = await serve((req, res) => {
      if (req.path.endsWith('/hang')) return new Promise(() => {});
      res.writeHead(503).end();
    });
    const client = make(server, { timeoutMs: 5_000, retry: { random: () => 0, sleep: async () => {} } });
    const seen: string[] = [];
    client.use({
      onRequest: ({ request }) =>
        new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-trace-id': 't1' } }),
    });
    const shutdown = new AbortController();
    const started = performance.now();
    const slow = await client
      .GET('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'hang' } },
        timeoutMs: 200,
        signal: shutdown.signal,
      })
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
    const once = await client.GET('/hubs/{hub}/ping', { ...ping, retry: false, signal: shutdown.signal });
    expect(once.response.status).toBe(503);
    for (const request of server.requests) seen.push(String(request.headers['x-trace-id']));
    // The new Request was the one sent, and the 503 was not retried.
    expect(seen).toEqual(['t1', 't1']);
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });

  it("a body factory that throws on a retry leaves nothing on the caller's signal", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(503).end();
    });
    const client = make(server, { retry: { random: () => 0, sleep: async () => {} } });
    const shutdown = new AbortController();
    const refused = new Error('the source cannot be read twice');
    const error = await client
      .POST('/hubs/{hub}/bulk/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'contacts' } },
        body: new Blob(['a,b\n']).stream() as never,
        duplex: 'half',
        retry: true,
        bodyFactory: () => {
          throw refused;
        },
        signal: shutdown.signal,
      } as never)
      .catch((e: unknown) => e);
    expect(error).toBe(refused);
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });
});

describe('logger', () => {
  it('receives one record per attempt with method, path, status, duration, attempt and request id', async () => {
    const server = await serve((_req, res, index) =>
      sendJson(res, index === 0 ? 502 : 200, {}, { 'Elements-Request-Id': `rid-${index}` }),
    );
    const records: LogRecord[] = [];
    const client = make(server, {
      logger: (r) => records.push(r),
      retry: { sleep: async () => {}, random: () => 0 },
    });
    await client.GET('/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' }, query: { where: "name='x'" } },
    });
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      method: 'GET',
      path: '/hubs/crm/contacts',
      status: 502,
      attempt: 1,
      requestId: 'rid-0',
      outcome: 'retry',
      retryInMs: 0,
    });
    expect(records[1]).toMatchObject({ status: 200, attempt: 2, requestId: 'rid-1', outcome: 'response' });
    for (const record of records) {
      expect(record.durationMs).toBeGreaterThanOrEqual(0);
      expect(record.url).toBe(`${server.url}/elements/api-v2/hubs/crm/contacts?where=name%3D%27x%27`);
    }
  });

  it('names the path as a URL parser reads it, for any request URL', () => {
    const basePath = '/elements/api-v2';
    const pathPart = fc.stringMatching(/^[\w%./~!$&'()*+,;=:@ -]{0,30}$/);
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.boolean(),
        pathPart,
        (origin, underBase, extra) => {
          const target = new URL(origin);
          target.pathname = `${underBase ? basePath : ''}/${extra}`;
          // What openapi-fetch hands the transport: the URL as a Request serializes it.
          const url = new Request(target).url;
          const { pathname } = new URL(url);
          const expected = pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
          expect(relativePath(url, basePath)).toBe(expected);
        },
      ),
    );
  });

  it('records a timeout as its own outcome', async () => {
    const server = await serve(hang);
    const records: LogRecord[] = [];
    await make(server, { timeoutMs: 100, logger: (r) => records.push(r) })
      .GET('/hubs/{hub}/ping', ping)
      .catch(() => undefined);
    expect(records).toMatchObject([{ outcome: 'timeout', attempt: 1, path: '/hubs/crm/ping' }]);
  });

  it('does not let a throwing logger break the call', async () => {
    const server = await serve();
    const client = make(server, {
      logger: () => {
        throw new Error('logger down');
      },
    });
    const { response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(response.status).toBe(200);
  });
});
