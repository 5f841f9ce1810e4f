import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, unwrap, type ClientOptions, type LogRecord } from '../../src/client/index.js';
import {
  CloudElementsError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/core/index.js';
import { sendJson, startServer, type TestHandler, type TestServer } from '../helpers/http-server.js';

// The ways production fails, each on a real socket: bodies that stall, arrive cut off or are not JSON, slow
// streams, lost answers, refused connections, loggers that throw.
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ping = { params: { path: { hub: 'crm' } } } as const;
const contacts = { params: { path: { hub: 'crm', objectName: 'contacts' } } } as const;
const noWait = { random: () => 0, sleep: async () => undefined };

async function setup(handler: TestHandler, extra: Partial<ClientOptions> = {}) {
  server = await startServer(handler);
  const client = createClient({
    userSecret: 'user-secret-123',
    organizationSecret: 'org-secret-456',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: noWait,
    ...extra,
  });
  return { client, server };
}

/**
 * Node's fetch, with every answer's body failing as Node fails one longer than the longest string it can make
 * (about 512 MiB): so a test need not send half a gigabyte.
 */
async function fetchTooLongToRead(request: Request): Promise<Response> {
  const response = await fetch(request);
  return new TooLongResponse(response.body, response);
}
// The readers on the prototype, as a fetch's Response has them: the SDK's guard reads the body through them.
class TooLongResponse extends Response {
  override async json(): Promise<never> {
    throw tooLong();
  }
  override async text(): Promise<never> {
    throw tooLong();
  }
}
const tooLong = () =>
  Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), {
    code: 'ERR_STRING_TOO_LONG',
  });

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe("a fetch of the user's that breaks its contract", () => {
  it.each([
    ['resolves to undefined', async () => undefined],
    ['resolves to a plain object', async () => ({ status: 200, ok: true })],
  ])('%s: a CloudElementsError that says so, not retried', async (_name, brokenFetch) => {
    let calls = 0;
    const client = createClient({
      userSecret: 'user-secret-123',
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      retry: noWait,
      fetch: (async () => {
        calls++;
        return brokenFetch();
      }) as never,
    });
    const error = await failureOf(client.GET('/hubs/{hub}/ping', ping));
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as CloudElementsError).message).toMatch(/did not resolve to a Response/);
    expect((error as CloudElementsError).attempts).toBe(1);
    expect(calls).toBe(1);
  });

  it("answers with node-fetch's kind of Response, whose body is a Node stream: read, retried, typed", async () => {
    // node-fetch and cross-fetch answer so (a common way through a proxy agent); the SDK called `body.cancel()` on
    // it, a bare TypeError, and a streamed body had no `getReader`.
    const server = await startServer((req, res, index) =>
      index === 0
        ? sendJson(res, 503, { message: 'busy' })
        : sendJson(res, 200, { id: index, path: req.path }),
    );
    try {
      const answers: IncomingMessage[] = [];
      const nodeStyleFetch = (request: Request) =>
        new Promise((resolve, reject) => {
          get(request.url, (res) => {
            answers.push(res);
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers)) headers.set(name, String(value));
            resolve({
              status: res.statusCode,
              statusText: res.statusMessage,
              ok: res.statusCode! < 300,
              headers,
              body: res,
            });
          }).on('error', reject);
        });
      const client = createClient({
        userSecret: 'user-secret-123',
        baseUrl: `${server.url}/elements/api-v2`,
        retry: noWait,
        fetch: nodeStyleFetch as never,
      });
      const data = await unwrap(client.GET('/hubs/{hub}/ping', ping));
      expect(data).toEqual({ id: 1, path: '/elements/api-v2/hubs/crm/ping' });
      // The 503 dropped for the retry was drained, not destroyed: destroyed, node-fetch's stream leaves the socket
      // stuck on unread data until the server gives up.
      await vi.waitFor(() => expect(answers[0]!.readableEnded).toBe(true));
      const { data: stream } = await client.GET('/hubs/{hub}/ping', {
        ...ping,
        parseAs: 'stream',
        idleTimeoutMs: 1000,
      });
      expect(await new Response(stream as ReadableStream).json()).toMatchObject({ id: 2 });
      // A body that is neither a web stream nor bytes to iterate is refused, saying what to pass.
      const odd = createClient({
        userSecret: 'user-secret-123',
        baseUrl: `${server.url}/elements/api-v2`,
        fetch: (async () => ({ status: 200, headers: new Headers(), body: {} })) as never,
      });
      const error = await failureOf(odd.GET('/hubs/{hub}/ping', ping));
      expect(error).toBeInstanceOf(CloudElementsError);
      expect((error as Error).message).toMatch(
        /did not resolve to a Response \(got one whose body is neither a web ReadableStream nor an async iterable of bytes\); it must return a WHATWG Response/,
      );
    } finally {
      await server.close();
    }
  });

  it('returns a Response without a promise: taken as it is', async () => {
    const client = createClient({
      userSecret: 'user-secret-123',
      baseUrl: 'http://127.0.0.1:9/elements/api-v2',
      fetch: (() => new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } })) as never,
    });
    const { data } = await client.GET('/hubs/{hub}/ping', ping);
    expect(data).toEqual({ ok: 1 });
  });
});

describe('the time limit covers the body', () => {
  it('ends a call whose body stalls after the headers with TimeoutError', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '40' });
      res.write('{"name":"st');
    });
    const started = performance.now();
    const error = await failureOf(client.GET('/hubs/{hub}/ping', { ...ping, timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('turns a body cut off mid-way into ConnectionError', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"name":"cut', () => res.destroy());
    });
    const error = await failureOf(client.GET('/hubs/{hub}/ping', ping));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(/body was cut off/);
    expect((error as ConnectionError).mayHaveReachedServer).toBe(true);
  });

  it('sends a GET whose body was cut off again and answers with the next attempt, as for a failed connection', async () => {
    const records: LogRecord[] = [];
    const { client, server } = await setup(
      (req, res, index) => {
        if (index === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
          res.write('{"items":[1,2', () => res.destroy());
        } else sendJson(res, 200, { items: [1, 2, 3] }, { 'elements-request-id': `r-${index}` });
      },
      { logger: (record) => records.push(record) },
    );
    const { data, response } = await client.GET('/hubs/{hub}/ping', ping);
    expect(data).toEqual({ items: [1, 2, 3] });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(records.map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'response'],
      [1, 'retry'],
      [2, 'response'],
    ]);
    expect(records[1]!.error).toMatch(/body was cut off/);
  });

  it('does not send again a cut-off answer of a POST, a call with retry: false, or one out of attempts', async () => {
    const cutOff: TestHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":', () => res.destroy());
    };
    const { client, server } = await setup(cutOff);
    const post = await failureOf(client.POST('/hubs/crm/contacts', { body: { lastName: 'L' } }));
    expect(post).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
    const once = await failureOf(client.GET('/hubs/{hub}/ping', { ...ping, retry: false }));
    expect(once).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
    // Three attempts by default, each cut off: the third one's failure is the call's.
    const all = await failureOf(client.GET('/hubs/{hub}/ping', ping));
    expect(all).toBeInstanceOf(ConnectionError);
    expect((all as ConnectionError).attempts).toBe(3);
    expect(server.requests).toHaveLength(5);
  });

  it('takes no error answer for the body of a success cut off: the first failure stands', async () => {
    const { client, server } = await setup((_req, res, index) => {
      if (index === 0) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":', () => res.destroy());
      } else sendJson(res, 404, { requestId: 'r', message: 'gone' });
    });
    const error = await failureOf(client.GET('/hubs/{hub}/ping', ping));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(/answered 200 but its body was cut off/);
    expect(server.requests).toHaveLength(2);
    // It counts every attempt the call made, the one sent again after it included.
    expect((error as ConnectionError).attempts).toBe(2);
  });

  it.each([
    ['streamed', {}],
    ['with a Content-Length', { 'content-length': '52' }],
  ])('turns a 2xx HTML page (%s) into InvalidResponseError with status and request id', async (_, length) => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'elements-request-id': 'req-html-1', ...length });
      res.end('<html><body>Please log in to the proxy</body></html>');
    });
    const error = await failureOf(client.GET('/hubs/{hub}/ping', ping));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as InvalidResponseError).requestId).toBe('req-html-1');
    expect((error as InvalidResponseError).message).toMatch(/not JSON \(text\/html\).*is a proxy answering/);
  });

  it.each([
    ['no body', (res: ServerResponse) => void res.writeHead(200, { 'content-length': '0' }).end(), 'no body'],
    [
      'an HTML type and no body',
      (res: ServerResponse) =>
        void res.writeHead(200, { 'content-type': 'text/html', 'content-length': '0' }).end(),
      'no body',
    ],
    [
      'null',
      (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'application/json' }).end('null'),
      'null',
    ],
  ])(
    'unwrap refuses a GET answered 200 with %s, which would pass for the list the spec promises',
    async (_, answer, said) => {
      const { client } = await setup((_req, res) => answer(res));
      const error = await failureOf(unwrap(client.GET('/instances')));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: 200, method: 'GET', path: '/instances' });
      expect((error as Error).message).toBe(
        `GET /instances answered 200 with ${said} where the JSON the operation gives was due; a proxy or a gateway ` +
          'may be answering instead of Cloud Elements.',
      );
    },
  );

  it('unwrap still hands out no body where none is wrong: a 204, a DELETE, a GET read as text', async () => {
    const { client, server } = await setup(
      (req, res) =>
        void res.writeHead(req.path.endsWith('/204') ? 204 : 200, { 'content-length': '0' }).end(),
    );
    await expect(
      unwrap(client.DELETE('/instances/{id}', { params: { path: { id: 1 } } })),
    ).resolves.toBeUndefined();
    await expect(unwrap(client.GET('/instances', { parseAs: 'text' }))).resolves.toBeUndefined();
    const forInstance = client.forInstance('t');
    await expect(
      unwrap(
        forInstance.GET('/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm', objectName: '204' } } }),
      ),
    ).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it('says to pass parseAs when a 2xx answer is a file read as JSON, not that a proxy answered', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.7 …');
    });
    const error = await failureOf(
      client.GET('/hubs/documents/files/{id}', { params: { path: { id: 'f1' } } }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /not JSON \(application\/pdf\); if it answers a file, pass parseAs: 'blob' \(or 'stream', 'arrayBuffer', 'text'\)\.$/,
    );
  });

  it('says to read JSON lines as text or a stream when a 2xx JSON answer holds several values, not that a proxy answered', async () => {
    const { client } = await setup((_req, res) => {
      // A bulk job's results, as Cloud Elements sends them: one record per line, typed application/json.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":1,"lastName":"Lovelace"}\n{"id":2,"lastName":"Hopper"}\n');
    });
    const error = await failureOf(
      client.GET('/hubs/{hub}/bulk/{id}/{objectName}', {
        params: { path: { hub: 'crm', id: 'j1', objectName: 'contacts' } },
      }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /not JSON \(application\/json\); it is JSON lines \(as bulk results are\): pass parseAs: 'text' or 'stream', or use readBulkRecords\.$/,
    );
    expect((error as Error).message).not.toMatch(/proxy/);
  });

  it.each([
    ['the answer', 'headers'],
    ['more of the body', 'body'],
  ])(
    "reports the fetch's own time limit, reached while waiting for %s, as a TimeoutError that names a fetch without it, once",
    async (_what, kind) => {
      // Node's fetch gives up after 300 s (undici's headersTimeout and bodyTimeout), also when the call's own limit
      // is longer: the same dispatcher with limits of 200 ms stands in for it.
      const dispatcher = new Agent({ headersTimeout: 200, bodyTimeout: 200 });
      const { client, server } = await setup(
        (_req, res) => {
          if (kind === 'body') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.write('[{"id":');
          }
        },
        {
          timeoutMs: 60_000,
          // undici's own fetch takes no Request of Node's: its parts, then.
          fetch: (request: Request) =>
            undiciFetch(request.url, {
              method: request.method,
              headers: [...request.headers],
              signal: request.signal,
              dispatcher,
            }) as unknown as Promise<Response>,
        },
      );
      try {
        const error = await failureOf(client.GET('/hubs/{hub}/{objectName}', contacts));
        expect(error).toBeInstanceOf(TimeoutError);
        expect((error as Error).message).toMatch(
          new RegExp(
            `hit the fetch's own ${kind}Timeout \\(undici's, 300 s in Node\\) before timeoutMs; for longer calls, pass fetch: createUndiciFetch\\(\\)`,
          ),
        );
        expect((error as TimeoutError).timeoutMs).toBeGreaterThanOrEqual(150);
        expect(server.requests).toHaveLength(1);
      } finally {
        await dispatcher.destroy();
      }
    },
  );

  it('reports a 2xx body too long to read whole as InvalidResponseError, once: sending it again cannot help', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 200, [{ id: 1 }]), {
      fetch: fetchTooLongToRead,
    });
    const error = await failureOf(client.GET('/hubs/{hub}/{objectName}', contacts));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /answered 200 with a body too large to read whole \(application\/json\); pass parseAs: 'stream'\.$/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("reports an error answer whose body is too long to read whole as its status's error, without the body", async () => {
    // openapi-fetch reads an error answer's body whole, whatever parseAs says.
    const { client } = await setup((_req, res) => sendJson(res, 500, { message: 'x' }), {
      fetch: fetchTooLongToRead,
      retry: false,
    });
    const error = await failureOf(client.GET('/hubs/{hub}/{objectName}', { ...contacts, parseAs: 'stream' }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toMatch(/failed with 500.*: a body too large to read whole/);
    // Nothing of the body was read, and a 5xx may have been acted on.
    expect((error as ServerError).body).toBeUndefined();
    expect((error as ServerError).mayHaveReachedServer).toBe(true);
  });

  it('keeps a slow streamed download alive with an idle timeout, and ends a silent one', async () => {
    const { client } = await setup(async (req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const silent = req.path.endsWith('/silent');
      for (let i = 0; i < 8; i++) {
        res.write(`chunk ${i}\n`);
        await new Promise((resolve) => setTimeout(resolve, silent && i === 2 ? 1500 : 100));
      }
      res.end();
    });
    const stream = client.withOptions({ idleTimeoutMs: 400 });
    const { data } = await stream.GET('/hubs/{hub}/{objectName}/{objectId}', {
      params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'slow' } },
      parseAs: 'stream',
    });
    const text = await new Response(data as ReadableStream).text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(8);
    // The same download, whole, against a total limit shorter than it takes.
    const error = await failureOf(
      client.GET('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'slow' } },
        parseAs: 'text',
        timeoutMs: 300,
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    const silent = await stream.GET('/hubs/{hub}/{objectName}/{objectId}', {
      params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'silent' } },
      parseAs: 'stream',
    });
    const stalled = await failureOf(new Response(silent.data as ReadableStream).text());
    expect(stalled).toBeInstanceOf(TimeoutError);
    expect((stalled as TimeoutError).message).toMatch(/made no progress for 400 ms/);
  });

  it('does not count the time the reader spends on each chunk as idle: a download that arrived completes', async () => {
    // The server sends everything at once; the reader takes longer over each chunk than the idle limit.
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end('{"id":1}\n{"id":2}\n{"id":3}\n');
    });
    const { data } = await client.GET('/hubs/{hub}/{objectName}/{objectId}', {
      params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'all' } },
      parseAs: 'stream',
      idleTimeoutMs: 150,
    });
    const reader = (data as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
      await new Promise((resolve) => setTimeout(resolve, 400)); // e.g. a database write per record
    }
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('does not count the time before the app starts reading as idle: a second download read after the first', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end('{"id":1}\n{"id":2}\n');
    });
    const download = () =>
      client.GET('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'all' } },
        parseAs: 'stream',
        idleTimeoutMs: 150,
      });
    const [first, second] = await Promise.all([download(), download()]);
    expect(await new Response(first.data as ReadableStream).text()).toBe('{"id":1}\n{"id":2}\n');
    await new Promise((resolve) => setTimeout(resolve, 400)); // the first download's records being saved
    expect(await new Response(second.data as ReadableStream).text()).toBe('{"id":1}\n{"id":2}\n');
  });

  it('with idleTimeoutMs, a JSON body that keeps arriving is read to its end, and one that stops fails', async () => {
    // 8 parts 150 ms apart: longer than the idle limit in all, never that long without a byte.
    const { client } = await setup(async (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      for (let i = 0; i < 8; i++) {
        res.write(`${i},`);
        await new Promise((resolve) =>
          setTimeout(resolve, req.path.endsWith('/stops') && i === 3 ? 1_500 : 150),
        );
      }
      res.end('8]');
    });
    const call = (objectId: string) =>
      client.GET('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { hub: 'crm', objectName: 'contacts', objectId } },
        idleTimeoutMs: 400,
      });
    const { data } = await call('trickles');
    expect(data).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const stopped = await failureOf(call('stops'));
    expect(stopped).toBeInstanceOf(TimeoutError);
    expect((stopped as TimeoutError).message).toMatch(/made no progress for 400 ms/);
  });

  it('lets a streamed upload that keeps making progress outlast timeoutMs', async () => {
    const { client, server } = await setup((req, res) => sendJson(res, 200, { bytes: req.body.length }));
    const slowBody = () =>
      new ReadableStream<Uint8Array>({
        async start(controller) {
          for (let i = 0; i < 6; i++) {
            controller.enqueue(new TextEncoder().encode(`line ${i}\n`));
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          controller.close();
        },
      });
    const upload = (extra: object) =>
      client.POST('/hubs/{hub}/{objectName}', {
        ...contacts,
        body: {},
        bodySerializer: () => slowBody(),
        duplex: 'half',
        headers: { 'Content-Type': 'text/plain' },
        ...extra,
      } as never);
    const ok = await upload({ idleTimeoutMs: 300, timeoutMs: 200 });
    expect(ok.data).toEqual({ bytes: 42 });
    const error = await failureOf(upload({ timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });
});

describe('what is sent again, and how often', () => {
  it('sends a streamed body once; a bodyFactory allows a retry with a fresh body', async () => {
    const { client, server } = await setup((_req, res, index) =>
      index < 2 ? sendJson(res, 503, { message: 'busy' }) : sendJson(res, 200, { ok: true }),
    );
    const stream = (text: string) => new Response(text).body!;
    const once = await client.PUT('/instances/{id}', {
      params: { path: { id: 1 } },
      body: {},
      bodySerializer: () => stream('first'),
      duplex: 'half',
    } as never);
    expect((once as { response: Response }).response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    const twice = await client.PUT('/instances/{id}', {
      params: { path: { id: 1 } },
      body: {},
      bodySerializer: () => stream('again'),
      bodyFactory: () => stream('again'),
      duplex: 'half',
    } as never);
    expect((twice as { response: Response }).response.status).toBe(200);
    expect(server.requests.slice(1).map((r) => r.text)).toEqual(['again', 'again']);
  });

  it('sends the same bytes on every attempt of a retried JSON body', async () => {
    const { client, server } = await setup((_req, res, index) =>
      index < 2 ? sendJson(res, 503, {}) : sendJson(res, 200, { id: 1 }),
    );
    await unwrap(
      client.POST('/hubs/{hub}/{objectName}', { ...contacts, body: { lastName: 'Hopper' }, retry: true }),
    );
    expect(server.requests.map((r) => r.text)).toEqual(Array(3).fill('{"lastName":"Hopper"}'));
  });

  it('retries a 429 on POST without an opt-in, honouring Retry-After', async () => {
    const waits: number[] = [];
    const { client, server } = await setup(
      (_req, res, index) =>
        index === 0 ? sendJson(res, 429, {}, { 'Retry-After': '2' }) : sendJson(res, 200, { id: 7 }),
      { retry: { random: () => 0, sleep: async (ms) => void waits.push(ms) } },
    );
    const created = await unwrap(
      client.POST('/hubs/{hub}/{objectName}', { ...contacts, body: { lastName: 'L' } }),
    );
    expect(created).toEqual({ id: 7 });
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('does not retry a POST that got a 503 without an opt-in, and says it may have acted', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 503, { message: 'busy' }));
    const error = await failureOf(unwrap(client.POST('/hubs/{hub}/{objectName}', { ...contacts, body: {} })));
    expect(server.requests).toHaveLength(1);
    expect((error as CloudElementsError).attempts).toBe(1);
    expect((error as CloudElementsError).mayHaveReachedServer).toBe(true);
  });

  it('retries a POST whose connection was refused, and reports that nothing reached the server', async () => {
    const port = await freePort();
    let late: Server | undefined;
    const client = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
      retry: {
        random: () => 0,
        // Nobody listens on the first attempt; the server comes up while the SDK waits to retry.
        sleep: async () => {
          late = createServer((_req, res) => sendJson(res, 201, { id: 9 }));
          await new Promise<void>((resolve) => late!.listen(port, '127.0.0.1', resolve));
        },
      },
    });
    try {
      const created = await unwrap(client.POST('/hubs/{hub}/{objectName}', { ...contacts, body: {} }));
      expect(created).toEqual({ id: 9 });
    } finally {
      await new Promise((resolve) => late?.close(resolve));
    }
    const refused = createClient({
      userSecret: 'u',
      organizationSecret: 'o',
      baseUrl: `http://127.0.0.1:${port}/elements/api-v2`,
      retry: { ...noWait, maxAttempts: 2 },
    });
    const error = await failureOf(refused.POST('/hubs/{hub}/{objectName}', { ...contacts, body: {} }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(2);
    expect((error as ConnectionError).mayHaveReachedServer).toBe(false);
  });

  it('marks a retried DELETE that ends in 404 as one whose first attempt may have deleted', async () => {
    const { client, server } = await setup((_req, res, index) => {
      // The first answer is lost after the server acted.
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 404, { message: 'No contact found' });
    });
    const error = await failureOf(
      unwrap(
        client.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
          params: { path: { hub: 'crm', objectName: 'contacts', objectId: '5' } },
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).attempts).toBe(2);
    expect((error as NotFoundError).mayHaveReachedServer).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 503 whose body, from a fetch of the user's, never finishes cancelling", async () => {
    // A wrapping fetch (a logging or tracing one) whose stream's cancel never settles: the retry used to wait for
    // that cancel, with no time limit, and the call hung past its timeoutMs.
    const { client, server } = await setup((_req, res, index) => sendJson(res, index === 0 ? 503 : 200, {}), {
      timeoutMs: 2000,
      fetch: async (request: Request) => {
        const response = await fetch(request);
        const reader = response.body!.getReader();
        const body = new ReadableStream({
          pull: async (controller) => {
            const { done, value } = await reader.read();
            if (done) controller.close();
            else controller.enqueue(value);
          },
          cancel: () => new Promise<void>(() => {}),
        });
        return new Response(body, { status: response.status, headers: response.headers });
      },
    });
    const started = Date.now();
    await expect(unwrap(client.GET('/hubs/{hub}/ping', ping))).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('ends at once with RateLimitError when Retry-After exceeds what is left of timeoutMs', async () => {
    const { client, server } = await setup((_req, res) => sendJson(res, 429, {}, { 'Retry-After': '5' }), {
      retry: { ...noWait, maxDelayMs: 60_000 },
      timeoutMs: 2000,
    });
    const error = await failureOf(unwrap(client.GET('/hubs/{hub}/ping', ping)));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('loggers that fail', () => {
  it('neither crash the process nor change the outcome when they throw or reject', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (const logger of [
        () => {
          throw new Error('logger down');
        },
        async () => {
          throw new Error('async logger down');
        },
      ]) {
        const { client } = await setup((_req, res) => sendJson(res, 200, { ok: true }), { logger });
        expect(await unwrap(client.GET('/hubs/{hub}/ping', ping))).toEqual({ ok: true });
        await server?.close();
        server = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('options checked up front', () => {
  const base = { userSecret: 'u', organizationSecret: 'o', baseUrl: 'http://127.0.0.1:9/elements/api-v2' };

  it('refuses a timeout a timer cannot hold, and takes Infinity as no limit', () => {
    expect(() => createClient({ ...base, timeoutMs: 2 ** 31 })).toThrow(/at most 2147483647 ms/);
    expect(() => createClient({ ...base, timeoutMs: Infinity })).not.toThrow();
    expect(() => createClient(base).withOptions({ timeoutMs: 'soon' as never })).toThrow(/timeoutMs/);
    expect(() => createClient({ ...base, retry: { maxDelayMs: 2 ** 40 } })).toThrow(/retry\.maxDelayMs/);
  });

  it('refuses a userAgent that is not a header value', () => {
    expect(() => createClient({ ...base, userAgent: 'app/1\r\nX-Evil: 1' })).toThrow(/userAgent/);
    expect(() => createClient({ ...base, userAgent: 'appé/1' })).toThrow(/userAgent/);
    expect(() => createClient({ ...base, userAgent: 'my-app/1.2 (+https://example.com)' })).not.toThrow();
  });

  it('refuses path parameters that would reach another path', () => {
    const client = createClient(base);
    for (const id of ['', '.', '..']) {
      expect(() => client.GET('/instances/{id}', { params: { path: { id: id as never } } })).toThrow(
        /Path parameter id/,
      );
    }
    expect(() => client.GET('/instances/{id}', { params: { path: { id: {} as never } } })).toThrow(
      /Path parameter id must be a string or a number/,
    );
  });

  it('names the argument when a call gets the wrong types', () => {
    const client = createClient(base);
    expect(() => (client.GET as (p: unknown) => unknown)(42)).toThrow(/GET needs a path/);
    expect(() => (client.GET as (p: unknown, i: unknown) => unknown)('/instances', 'x')).toThrow(
      /second argument of GET/,
    );
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('a request the fetch refuses to send', () => {
  it.each([
    ['an Expect header', { Expect: '100-continue' }, /UND_ERR_NOT_SUPPORTED: expect header not supported/],
    ['an Upgrade header', { Upgrade: 'h2c' }, /UND_ERR_INVALID_ARG: invalid upgrade header/],
  ])(
    '%s: a CloudElementsError that says it was not sent, once, not a connection that may have reached the server',
    async (_what, headers, detail) => {
      const { client, server } = await setup((_req, res) => sendJson(res, 200, []));
      const error = await failureOf(client.GET('/hubs/{hub}/{objectName}', { ...contacts, headers }));
      expect(error).toBeInstanceOf(CloudElementsError);
      expect(error).not.toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toMatch(
        /^GET \/hubs\/crm\/contacts was not sent, the fetch refused it: /,
      );
      expect((error as Error).message).toMatch(detail);
      expect((error as CloudElementsError).attempts).toBe(1);
      expect((error as CloudElementsError).mayHaveReachedServer).toBe(false);
      expect(server.requests).toHaveLength(0);
    },
  );
});
