/**
 * A fetch for the client built on `undici.request`, which skips most of the work Node's own `fetch` does per call.
 * Opt in with `createClient({ fetch: await createUndiciFetch() })`; timeouts, retries, errors and redaction stay
 * the SDK's, since they live in the transport above any fetch. undici is an optional peer dependency.
 */
import type { Readable } from 'node:stream';

/** Options of {@link createUndiciFetch}. */
export type UndiciFetchOptions = {
  /**
   * Most connections per origin.
   * @default 128
   */
  connections?: number;
  /**
   * How long an idle keep-alive connection stays open, in milliseconds.
   * @default 4000
   */
  keepAliveTimeoutMs?: number;
};

type UndiciModule = typeof import('undici');

/**
 * Loads undici and returns a `fetch(request)` for `createClient({ fetch })` that sends each `Request` with
 * `undici.request` over its own connection pool and answers a standard `Response`.
 *
 * @throws {TypeError} when undici is not installed (`npm install undici@7`).
 * @example
 * const ce = createClient({ userSecret, organizationSecret, fetch: await createUndiciFetch() });
 */
export async function createUndiciFetch(
  options: UndiciFetchOptions = {},
): Promise<(request: Request) => Promise<Response>> {
  let undici: UndiciModule;
  try {
    undici = await import('undici');
  } catch (error) {
    throw new TypeError(
      '[cloud-elements] createUndiciFetch needs the undici package, an optional peer dependency: npm install undici@7.',
      { cause: error },
    );
  }
  const connections = options.connections ?? 128;
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? 4000;
  if (!Number.isSafeInteger(connections) || connections < 1) {
    throw new TypeError('[cloud-elements] connections must be a whole number of connections, at least 1.');
  }
  if (!(keepAliveTimeout > 0 && keepAliveTimeout <= 2_147_483_647)) {
    throw new TypeError('[cloud-elements] keepAliveTimeoutMs must be a positive number of milliseconds.');
  }
  const dispatcher = new undici.Agent({ connections, keepAliveTimeout });

  return async function undiciFetch(request: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await undici.request(request.url, {
      method: request.method as 'GET',
      headers,
      // A web ReadableStream is an async iterable of bytes, which undici sends as it reads.
      body: request.body === null ? null : (request.body as unknown as Readable),
      signal: request.signal,
      dispatcher,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
      else responseHeaders.set(name, value);
    }
    const status = answer.statusCode;
    const bodyless = status === 204 || status === 304 || request.method === 'HEAD';
    if (bodyless) answer.body.resume();
    return new Response(
      bodyless ? null : (answer.body as Readable as unknown as ReadableStream<Uint8Array>),
      {
        status,
        headers: responseHeaders,
      },
    );
  };
}
