import { createServer, type Server } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient, unwrap } from '../../src/client/index.js';
import { CloudElementsError, NotFoundError, ServerError } from '../../src/core/index.js';
import { createUndiciFetch } from '../../src/node/index.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

// createUndiciFetch answers as Node's own fetch does: the same statuses, reason phrases and bodies; it follows no
// redirect (see its documentation).
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

/** A raw TCP server that answers every request with `answer` and leaves the connection open. */
async function serveRaw(answer: string | Buffer) {
  const sockets: Socket[] = [];
  const closed: Promise<void>[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
    socket.on('error', () => undefined);
    socket.on('data', () => socket.write(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const raw = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sockets,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(raw);
  return raw;
}

describe('createUndiciFetch answers as Node fetch does', () => {
  test('a status above 599 fails once as a ServerError with that status, as with Node fetch', async () => {
    const raw = await serveRaw(
      'HTTP/1.1 600 Odd\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
    );
    for (const fetch of [undefined, await createUndiciFetch()]) {
      const client = createClient({
        userSecret: 'u1',
        baseUrl: `${raw.url}/elements/api-v2`,
        fetch,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
      });
      const error = await unwrap(client.GET('/instances')).catch((e: unknown) => e);
      expect(error, fetch ? 'undici' : 'default').toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 600, attempts: 1 });
    }
  });

  test('a status above 599 whose body is still arriving does not hold its connection open', async () => {
    // 1000 bytes announced, 5 sent: only a fetch that hands the body on (or lets it go) frees the socket.
    const raw = await serveRaw(
      'HTTP/1.1 600 Odd\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":',
    );
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${raw.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
      retry: false,
      timeoutMs: 300,
    });
    await expect(unwrap(client.GET('/instances'))).rejects.toThrow();
    expect(raw.sockets).toHaveLength(1);
    // Closed by the client, not minutes later by undici's own limits.
    await Promise.race([
      Promise.all(raw.closed),
      new Promise((_, reject) => setTimeout(() => reject(new Error('connection left open')), 3000)),
    ]);
  });

  test('a status above 599 gives a Response with that status, its reason phrase and its body', async () => {
    const raw = await serveRaw('HTTP/1.1 600 Odd\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nhi');
    const send = await createUndiciFetch();
    const response = await send(new Request(`${raw.url}/x`));
    const native = await fetch(`${raw.url}/x`);
    for (const answer of [response, native]) {
      expect(answer.status).toBe(600);
      expect(answer.ok).toBe(false);
      expect(answer.statusText).toBe('Odd');
    }
    const copy = response.clone();
    expect(copy.status).toBe(600);
    expect(copy.ok).toBe(false);
    expect(await copy.text()).toBe('hi');
    expect(await response.text()).toBe(await native.text());
    // The same for a body that is decoded on its way, and its clone.
    const gzipped = await serveRaw(
      Buffer.concat([
        Buffer.from('HTTP/1.1 999 Odd\r\ncontent-encoding: gzip\r\ncontent-length: 22\r\n\r\n'),
        gzipSync('hi'),
      ]),
    );
    const decoded = await send(new Request(`${gzipped.url}/x`));
    const decodedCopy = decoded.clone();
    expect([decoded.status, decoded.ok, decodedCopy.status, decodedCopy.ok]).toEqual([
      999,
      false,
      999,
      false,
    ]);
    expect(await decodedCopy.text()).toBe('hi');
  });

  test("keeps the server's reason phrase, in the Response and in the error message", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(404, 'Nope', { 'content-type': 'application/json' });
      res.end('{"message":"no such instance"}');
    });
    const send = await createUndiciFetch();
    expect((await send(new Request(`${server.url}/x`))).statusText).toBe('Nope');
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    });
    const error = await unwrap(client.GET('/instances')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/failed with 404 Nope/);
  });

  test('follows no redirect: a POST answered 307 to a place that refuses connections is sent once, and the 307 is the error', async () => {
    // Followed, the next hop's refused connection would read as a call that never reached the server, and the
    // POST that did would be sent again.
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:9/nowhere' });
      res.end();
    });
    const client = createClient({
      userSecret: 'u1',
      organizationSecret: 'o1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    });
    const error = await unwrap(
      client.POST('/hubs/{hub}/{objectName}', {
        params: { path: { hub: 'crm', objectName: 'contacts' } },
        body: { lastName: 'Lovelace' },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudElementsError);
    expect((error as CloudElementsError).status).toBe(307);
    expect(server.requests).toHaveLength(1);
  });

  test('asks for and decodes gzip, deflate and br bodies, as Node fetch does', async () => {
    const json = JSON.stringify([{ id: 1, name: 'Ünïcode' }]);
    const encode = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;
    const server = await serve((req, res) => {
      const coding = req.path.split('/').pop() as keyof typeof encode;
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': coding,
        'x-accept-encoding': String(req.headers['accept-encoding']),
      });
      res.end(encode[coding](json));
    });
    const send = await createUndiciFetch();
    for (const coding of ['gzip', 'deflate', 'br'] as const) {
      const url = `${server.url}/x/${coding}`;
      const [mine, native] = [await send(new Request(url)), await fetch(url)];
      expect(mine.headers.get('x-accept-encoding')).toBe(native.headers.get('x-accept-encoding'));
      expect(mine.headers.get('content-encoding')).toBe(coding);
      expect(await mine.json()).toEqual(await native.json());
    }
    const client = createClient({
      userSecret: 'u1',
      baseUrl: `${server.url}/elements/api-v2`,
      fetch: await createUndiciFetch(),
    });
    expect(
      await unwrap(
        client.GET('/hubs/{hub}/{objectName}', { params: { path: { hub: 'crm', objectName: 'gzip' } } }),
      ),
    ).toEqual(JSON.parse(json));
  });
});
