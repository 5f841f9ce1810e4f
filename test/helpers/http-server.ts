import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createClient, type CloudElementsClient } from '../../src/client/index.js';

/** One request as the server received it. */
export type RecordedRequest = {
  method: string;
  /** Raw request target as sent on the wire, e.g. `/elements/api-v2/instances?x=1`. */
  url: string;
  /** Path part of `url`, not decoded. */
  path: string;
  /** Query parameters, decoded (repeated keys keep their last value; use `searchParams` for all). */
  query: Record<string, string>;
  searchParams: URLSearchParams;
  /** Header names are lower-case (node:http). */
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `body` as UTF-8 text. */
  text: string;
  /** `body` parsed as JSON, or `undefined` when empty or not JSON. */
  json: unknown;
};

/** Handler for a test server; `index` is the 0-based position of this request among all received. */
export type TestHandler = (
  req: RecordedRequest,
  res: ServerResponse,
  index: number,
  raw: IncomingMessage,
) => void | Promise<void>;

export type TestServer = {
  /** Origin, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Stops the server and destroys open sockets (including requests a handler never answered). */
  close(): Promise<void>;
};

/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/**
 * Starts a node:http server on 127.0.0.1 port 0 that records every request and passes it to `handler`.
 * A handler that throws answers 500 with the message. A handler that never ends the response leaves the
 * request hanging (useful for timeout tests); `close()` cleans it up.
 */
export async function startServer(
  handler: TestHandler = (_req, res) => sendJson(res, 200, {}),
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (raw, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of raw) chunks.push(chunk as Buffer);
    } catch {
      // The client gave up mid-upload (a timeout test): nothing to answer.
      return;
    }
    const body = Buffer.concat(chunks);
    const url = raw.url ?? '/';
    const parsed = new URL(url, 'http://127.0.0.1');
    const text = body.toString('utf8');
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      method: raw.method ?? 'GET',
      url,
      path: url.split('?')[0] ?? url,
      query: Object.fromEntries(parsed.searchParams),
      searchParams: parsed.searchParams,
      headers: raw.headers,
      body,
      text,
      json,
    };
    const index = requests.push(recorded) - 1;
    try {
      await handler(recorded, res, index, raw);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { message: `test handler threw: ${String(error)}` });
      else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released), for connection-refused tests. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A client of test secrets against `server`'s `/elements/api-v2`, without retries, so that a test sees every request
 * it causes once.
 */
export function clientOf(server: TestServer): CloudElementsClient {
  return createClient({
    userSecret: 'user-secret',
    organizationSecret: 'org-secret',
    baseUrl: `${server.url}/elements/api-v2`,
    retry: false,
  });
}
