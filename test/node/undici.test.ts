import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createClient, unwrap, type CloudElementsClient } from '../../src/client/index.js';
import { ConnectionError, NotFoundError, TimeoutError } from '../../src/core/index.js';
import { createUndiciFetch } from '../../src/node/index.js';
import { paginate } from '../../src/query/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { sendJson, startServer, type TestServer } from '../helpers/http-server.js';

// The opt-in undici transport keeps the SDK's promises: same data, same typed errors, same time limits.
let emulator: Emulator;
let ce: CloudElementsClient;
let crm: CloudElementsClient;

beforeAll(async () => {
  emulator = await startEmulator();
  const instance = emulator.createInstance({ element: 'sfdc' });
  ce = createClient({
    userSecret: emulator.credentials.userSecret,
    organizationSecret: emulator.credentials.organizationSecret,
    baseUrl: emulator.url,
    fetch: await createUndiciFetch(),
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
  });
  crm = ce.forInstance(instance.token);
});
afterAll(async () => {
  await emulator.close();
});

const contacts = { params: { path: { hub: 'crm', objectName: 'contacts' } } } as const;

const ping = { params: { path: { hub: 'crm' } } } as const;

describe('createUndiciFetch', () => {
  test('creates, reads and pages through records', async () => {
    for (let i = 0; i < 12; i++) {
      await unwrap(crm.POST('/hubs/{hub}/{objectName}', { ...contacts, body: { lastName: `Undici ${i}` } }));
    }
    const names: unknown[] = [];
    for await (const record of paginate(crm, '/hubs/{hub}/{objectName}', {
      params: { path: { hub: 'crm', objectName: 'contacts' }, query: { pageSize: 5 } },
    })) {
      names.push((record as { lastName?: unknown }).lastName);
    }
    expect(names).toHaveLength(12);
    const error = await unwrap(ce.GET('/instances/{id}', { params: { path: { id: 987654 } } })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("reads a JSON answer, or an empty one, through the client straight from undici's stream", async () => {
    // Building a web stream per response is most of what this fetch saves over Node's; nothing on the client's
    // way (openapi-fetch, the transport's checks and guards) may make one for a body read as JSON or not read.
    // (A request body is another matter: undici's Request makes a stream of it.)
    const created = await unwrap(
      crm.POST('/hubs/{hub}/{objectName}', { ...contacts, body: { lastName: 'Straight' } }),
    );
    const Original = globalThis.ReadableStream;
    let made = 0;
    globalThis.ReadableStream = class extends Original<any> {
      constructor(...args: ConstructorParameters<typeof ReadableStream>) {
        super(...args);
        made++;
      }
    } as typeof ReadableStream;
    try {
      const read = await unwrap(
        crm.GET('/hubs/{hub}/{objectName}/{objectId}', {
          params: { path: { ...contacts.params.path, objectId: String(created.id) } },
        }),
      );
      expect(read.lastName).toBe('Straight');
      const deleted = await crm.DELETE('/hubs/{hub}/{objectName}/{objectId}', {
        params: { path: { ...contacts.params.path, objectId: String(created.id) } },
      });
      expect(deleted.response.ok).toBe(true);
    } finally {
      globalThis.ReadableStream = Original;
    }
    expect(made).toBe(0);
  });

  test('ends a hung call at its time limit and types a cut-off body', async () => {
    emulator.faults.set({ hang: { share: 1, count: 1 } });
    const hung = await crm
      .GET('/hubs/{hub}/{objectName}', { ...contacts, timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(TimeoutError);
    emulator.faults.set({ truncatedBody: { share: 1, count: 1 } });
    const cut = await crm
      .GET('/hubs/{hub}/{objectName}', { ...contacts, retry: false })
      .catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(ConnectionError);
    emulator.faults.clear();
  });
});

describe('createUndiciFetch on the wire', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A hub client on createUndiciFetch() of a server (started here) that answers every upload 200. */
  async function formUploader(extra: { retry?: boolean }) {
    server = await startServer((_req, res) => sendJson(res, 200, { id: '1', name: 'upload' }));
    return createClient({
      userSecret: 'u1',
      organizationSecret: 'o1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
      ...extra,
    }).forInstance('t1');
  }

  test('sends the method, path, query and headers, and not the fragment', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    const send = await createUndiciFetch();
    const response = await send(
      new Request(`${server.url}/a/b%20c?x=1&y=%C3%A9#frag`, {
        method: 'PUT',
        headers: { 'X-One': '1', 'Content-Type': 'application/json' },
        body: '{"n":1}',
      }),
    );
    expect(await response.json()).toEqual({ ok: true });
    const seen = server.requests[0]!;
    expect(seen.method).toBe('PUT');
    expect(seen.url).toBe('/a/b%20c?x=1&y=%C3%A9');
    expect(seen.headers['x-one']).toBe('1');
    expect(seen.json).toEqual({ n: 1 });
  });

  test('answers repeated headers, a large body in many chunks, and bodiless statuses', async () => {
    const big = 'x'.repeat(3_000_000);
    server = await startServer((req, res) => {
      if (req.path === '/big') {
        res.writeHead(200, {
          'content-type': 'text/plain',
          'set-cookie': ['a=1', 'b=2'],
          'x-many': ['1', '2'],
        });
        // Many writes, so the body arrives in many chunks.
        for (let i = 0; i < big.length; i += 65_536) res.write(big.slice(i, i + 65_536));
        res.end();
      } else {
        res.writeHead(Number(req.path.slice(1)));
        res.end();
      }
    });
    const send = await createUndiciFetch();
    const response = await send(new Request(`${server.url}/big`));
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-many')).toBe('1, 2');
    expect((await response.text()).length).toBe(big.length);
    for (const status of [204, 205, 304]) {
      const empty = await send(new Request(`${server.url}/${status}`));
      expect(empty.status).toBe(status);
      expect(empty.body).toBeNull();
    }
    const head = await send(new Request(`${server.url}/200`, { method: 'HEAD' }));
    expect(head.body).toBeNull();
  });

  test('reads a body as a stream, and frees the connection when the reader cancels', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(100_000, 1));
      // Never ends: only a cancel frees the connection.
    });
    const send = await createUndiciFetch();
    const response = await send(new Request(`${server.url}/stream`));
    const reader = response.body!.getReader();
    let bytes = 0;
    while (bytes < 100_000) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      expect(chunk.value!.every((b) => b === 1)).toBe(true);
      bytes += chunk.value!.byteLength;
    }
    await reader.cancel();
    expect(bytes).toBe(100_000);
  });

  test('closes the connection of a call that times out or that the caller aborts', async () => {
    const closed: Promise<void>[] = [];
    server = await startServer((_req, res) => {
      // Never answers: only an abort that reaches undici closes the connection.
      closed.push(new Promise((resolve) => res.on('close', () => resolve())));
    });
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
      timeoutMs: 150,
    });
    const timedOut = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 50);
    const aborted = await client
      .GET('/hubs/{hub}/ping', { ...ping, timeoutMs: 5000, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(aborted).toBe(reason);
    await Promise.all(closed);
    expect(closed).toHaveLength(2);
  });

  test('answers a Response that reads once, whichever way it is read', async () => {
    const json = '\ufeff{"name":"Ünïcode ✓","n":1}';
    server = await startServer((req, res) => {
      const type =
        req.path === '/form' ? 'application/x-www-form-urlencoded' : 'application/json; charset=utf-8';
      res.writeHead(200, { 'content-type': type });
      res.end(req.path === '/form' ? 'a=1&b=two' : json);
    });
    const send = await createUndiciFetch();
    const get = (path = '/json') => send(new Request(`${server!.url}${path}`));
    // Each reader gives what the standard Response gives for the same bytes.
    const expected = () =>
      new Response(json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(await (await get()).json()).toEqual(await expected().json());
    expect(await (await get()).text()).toBe(await expected().text());
    expect(new Uint8Array(await (await get()).arrayBuffer())).toEqual(
      new Uint8Array(await expected().arrayBuffer()),
    );
    const blob = await (await get()).blob();
    expect(blob.type).toBe((await expected().blob()).type);
    expect(await blob.text()).toBe(await (await expected().blob()).text());
    expect((await (await get('/form')).formData()).get('b')).toBe('two');
    // Read once: by a reader, or by the stream.
    const once = await get();
    expect(once.bodyUsed).toBe(false);
    await once.json();
    expect(once.bodyUsed).toBe(true);
    await expect(once.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => once.clone()).toThrow(TypeError);
    const streamed = await get();
    expect(await new Response(streamed.body).text()).toBe(await expected().text());
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.json()).rejects.toBeInstanceOf(TypeError);
    // A clone and its original both read the whole body.
    const original = await get();
    const copy = original.clone();
    expect(await copy.text()).toBe(await expected().text());
    expect(await original.json()).toEqual(await expected().json());
    expect(original).toBeInstanceOf(Response);
  });

  test('ends a call whose body stalls with TimeoutError and closes its connection', async () => {
    let closed!: () => void;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    server = await startServer((_req, res) => {
      res.on('close', closed);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '40' });
      res.write('{"name":"st');
    });
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
      timeoutMs: 300,
    });
    const error = await client.GET('/hubs/{hub}/ping', ping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await socketClosed;
  });

  test('gives the SDK streamed, text and binary bodies', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, {
        'content-type': req.path.endsWith('/text') ? 'text/plain' : 'application/octet-stream',
      });
      res.end('hello body');
    });
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    });
    const text = await client.GET('/hubs/{hub}/ping', { ...ping, parseAs: 'text' });
    expect(text.data).toBe('hello body');
    const stream = await client.GET('/hubs/{hub}/ping', { ...ping, parseAs: 'stream' });
    expect(await new Response(stream.data as ReadableStream).text()).toBe('hello body');
    const binary = await client.GET('/hubs/{hub}/ping', { ...ping, parseAs: 'arrayBuffer' });
    expect(new TextDecoder().decode(binary.data as ArrayBuffer)).toBe('hello body');
  });

  test.each([
    ['with retries', {}],
    ['without retries', { retry: false }],
  ])(
    'sends a form upload %s with its Content-Length, not chunked (a gateway may answer 411)',
    async (_, extra) => {
      const client = await formUploader(extra);
      const form = new FormData();
      form.append('file', new Blob(['x'.repeat(200_000)], { type: 'text/plain' }), 'a.txt');
      await unwrap(
        client.POST('/hubs/documents/files', { params: { query: { path: '/a.txt' } }, body: form }),
      );
      const [upload] = server!.requests;
      expect(upload!.headers['transfer-encoding']).toBeUndefined();
      expect(upload!.headers['content-length']).toBe(String(upload!.body.length));
      expect(upload!.text).toContain('x'.repeat(200_000));
    },
  );

  test('sends a form over 8 MiB as it reads it, chunked, rather than gathering it in memory first', async () => {
    const client = await formUploader({ retry: false });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(9 * 1024 * 1024).fill(7)]), 'big.bin');
    await unwrap(
      client.POST('/hubs/documents/files', { params: { query: { path: '/big.bin' } }, body: form }),
    );
    const [upload] = server!.requests;
    expect(upload!.headers['transfer-encoding']).toBe('chunked');
    expect(upload!.body.length).toBeGreaterThan(9 * 1024 * 1024);
  });

  test('sends a JSON body with its Content-Length, as Node fetch does, and an upload stream as it is read', async () => {
    // Some gateways refuse a request body without a length (411); Node's fetch sends one for a body it holds.
    server = await startServer((_req, res) => sendJson(res, 200, { id: 1 }));
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    });
    await unwrap(client.POST('/instances', { body: { name: 'wire' } as never }));
    await unwrap(
      client.PUT('/instances/{id}', { params: { path: { id: 1 } }, body: { name: 'é' } as never }),
    );
    const [post, put] = server.requests;
    expect(post!.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"wire"}')));
    expect(post!.headers['transfer-encoding']).toBeUndefined();
    expect(put!.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"é"}')));
    expect(put!.json).toEqual({ name: 'é' });
    // A stream of several chunks is not gathered first: it goes out chunked, every byte in order.
    const chunks = ['a'.repeat(70_000), 'b'.repeat(10), 'c'.repeat(5)];
    const send = await createUndiciFetch();
    const upload = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    await send(
      new Request(`${server.url}/upload`, { method: 'POST', body: upload, duplex: 'half' } as RequestInit),
    );
    const seen = server.requests[2]!;
    expect(seen.headers['transfer-encoding']).toBe('chunked');
    expect(seen.body.length).toBe(70_015);
    // An empty body is sent as one, with a length of 0.
    await send(new Request(`${server.url}/empty`, { method: 'POST', body: '' }));
    expect(server.requests[3]!.headers['content-length']).toBe('0');
  });

  test('an abort while an upload source stalls before its second chunk ends the fetch and cancels the source', async () => {
    // The first chunks are read before undici gets the signal (to send a body held whole with its length).
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const send = await createUndiciFetch();
    const controller = new AbortController();
    // The client hands the call's signal over in the init, as here.
    const sendWithSignal = send as (request: Request, init: { signal: AbortSignal }) => Promise<Response>;
    const sent = sendWithSignal(
      new Request(`${server.url}/upload`, { method: 'POST', body: source, duplex: 'half' } as RequestInit),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 50);
    await expect(sent).rejects.toThrow('stopped by the caller');
    expect(cancelled).toEqual(new Error('stopped by the caller'));
  });

  test('an upload whose connection is refused before undici reads it has its source cancelled, not left locked', async () => {
    let cancelled = false;
    const chunks = ['a', 'b', 'c'];
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
      cancel() {
        cancelled = true;
      },
    });
    const send = await createUndiciFetch();
    // Port 9 (discard) is closed on the test machines: the connection is refused.
    await expect(
      send(
        new Request('http://127.0.0.1:9/upload', {
          method: 'POST',
          body: source,
          duplex: 'half',
        } as RequestInit),
      ),
    ).rejects.toThrow();
    expect(cancelled).toBe(true);
  });

  test('refuses bad options when it is made, not at the first call', async () => {
    for (const [options, message] of [
      [null, /takes an object/],
      [{ keepAliveTimeoutMs: '4000' }, /keepAliveTimeoutMs must be a whole number .* got a string/],
      [{ keepAliveTimeoutMs: 4000.5 }, /keepAliveTimeoutMs must be a whole number/],
      [{ connections: 2 ** 40 }, /connections must be a whole number from 1 to 65536/],
      [{ keepAliveTimout: 1 }, /no option "keepAliveTimout"; did you mean keepAliveTimeoutMs\?/],
      [{ maxConnections: 4 }, /no option "maxConnections"; did you mean connections\?/],
    ] as const) {
      await expect(createUndiciFetch(options as never), JSON.stringify(options)).rejects.toThrow(message);
    }
  });

  test('ends the body read with an error when the server cuts it off', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"cut', () => res.destroy());
    });
    const send = await createUndiciFetch();
    const response = await send(new Request(`${server.url}/cut`));
    await expect(response.text()).rejects.toThrow();
  });
});

describe('createUndiciFetch: calls without a Request', () => {
  let server: TestServer | undefined;
  let RealRequest: typeof Request;
  let made = 0;
  beforeAll(() => {
    // Counts the Requests made: openapi-fetch takes the class from the global when a client is created.
    RealRequest = globalThis.Request;
    globalThis.Request = class extends RealRequest {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        made++;
      }
    };
  });
  afterAll(() => {
    globalThis.Request = RealRequest;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('a GET and a DELETE, retried after a 503, go out with their URL and headers and no Request', async () => {
    let calls = 0;
    server = await startServer((req, res) => {
      if (++calls % 2 === 1) return sendJson(res, 503, { message: 'busy' });
      sendJson(res, 200, { id: 7 });
    });
    const client = createClient({
      userSecret: 'u1',
      organizationSecret: 'o1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    }).forInstance('t1');
    made = 0;
    const query = { ...contacts.params, query: { pageSize: 2, where: "lastName = 'Ö'" } };
    expect(await unwrap(client.GET('/hubs/{hub}/{objectName}', { params: query }))).toEqual({ id: 7 });
    const path = { params: { path: { hub: 'crm', objectName: 'contacts', objectId: 'a b' } } };
    await unwrap(client.DELETE('/hubs/{hub}/{objectName}/{objectId}', path));
    expect(made).toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      // As a Request writes the URL: the quotes of CEQL percent-encoded too.
      ...Array(2).fill(
        'GET /elements/api-v2/hubs/crm/contacts?pageSize=2&where=lastName%20%3D%20%27%C3%96%27',
      ),
      ...Array(2).fill('DELETE /elements/api-v2/hubs/crm/contacts/a%20b'),
    ]);
    for (const seen of server.requests) {
      expect(seen.headers['authorization']).toBe('User u1, Organization o1, Element t1');
      expect(seen.headers['content-type']).toBeUndefined();
    }
  });

  test('a call with a body, or that a middleware sees, still gets a Request', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, { type: req.headers['content-type'] ?? null }),
    );
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    }).forInstance('t1');
    made = 0;
    const form = new FormData();
    form.set('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'contacts.csv');
    const sent = await unwrap(
      client.POST('/hubs/{hub}/bulk/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'contacts' } },
        body: form as never,
      }),
    );
    expect(String((sent as unknown as { type: unknown }).type)).toMatch(/^multipart\/form-data; boundary=/);
    expect(made).toBeGreaterThan(0);
    made = 0;
    const seen: unknown[] = [];
    client.use({ onRequest: ({ request }) => void seen.push(request) });
    await unwrap(client.GET('/hubs/{hub}/{objectName}', contacts));
    expect(seen[0]).toBeInstanceOf(RealRequest);
    expect(made).toBeGreaterThan(0);
  });
});
